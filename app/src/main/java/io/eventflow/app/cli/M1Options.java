package io.eventflow.app.cli;

/**
 * Options of {@code eventflow bench m1}, as in {@code shared/bench}: P producers of {@code rate} messages per second
 * each, C consumers of service rate {@code mu}, times in seconds.
 *
 * @param service "exp" or "det"
 * @param dispatch "shared" (one queue, competing consumers), "rr" (partitions, round-robin partitioner) or "hash"
 *     (partitions, uniformly random keys)
 * @param warmup the first messages left out of the latency statistics
 * @param repeat runs in one process (one JSON line each)
 */
public record M1Options(
        int producers,
        double rate,
        int consumers,
        double mu,
        long messages,
        long seed,
        String service,
        String dispatch,
        long warmup,
        int repeat) {
    public static final M1Options DEFAULTS = new M1Options(4, 0.2, 1, 1.0, 100_000, 1, "exp", "shared", 0, 1);

    public M1Options {
        if (producers < 1 || consumers < 1 || messages < 1 || warmup < 0 || warmup >= messages || repeat < 1) {
            throw new IllegalArgumentException(
                    "need producers, consumers, messages, repeat >= 1 and 0 <= warmup < messages");
        }
        if (!(rate > 0) || !(mu > 0)) {
            throw new IllegalArgumentException("need rate > 0 and mu > 0");
        }
        if (!service.equals("exp") && !service.equals("det")) {
            throw new IllegalArgumentException("--service exp|det");
        }
        if (!dispatch.equals("shared") && !dispatch.equals("rr") && !dispatch.equals("hash")) {
            throw new IllegalArgumentException("--dispatch shared|rr|hash");
        }
    }

    /** Parses the shared M1 command line ({@code --producers 4 --messages 1e6 ...}). */
    public static M1Options parse(String... args) {
        M1Options o = DEFAULTS;
        int p = o.producers, c = o.consumers, repeat = o.repeat;
        double rate = o.rate, mu = o.mu;
        long n = o.messages, seed = o.seed, warm = o.warmup;
        String service = o.service, dispatch = o.dispatch;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--producers" -> p = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--consumers" -> c = Integer.parseInt(v);
                case "--mu" -> mu = Double.parseDouble(v);
                case "--messages" -> n = (long) Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--service" -> service = v;
                case "--dispatch" -> dispatch = v;
                case "--warmup" -> warm = (long) Double.parseDouble(v);
                case "--repeat" -> repeat = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new M1Options(p, rate, c, mu, n, seed, service, dispatch, warm, repeat);
    }
}
