package io.eventflow.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventflow bench m1 ...}: the reference model M1 of shared/bench, run through the real simulator. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks of the simulator against the reference implementations in shared/bench.",
        subcommands = {BenchCommand.M1.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: m1");
    }

    @Command(
            name = "m1",
            mixinStandardHelpOptions = true,
            description = "Model M1: P Poisson producers -> one channel -> one group of C consumers, built as an"
                    + " ordinary design and run through the simulator. Prints one JSON line per run, with the fields"
                    + " of shared/bench (times in seconds).")
    static final class M1 implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--producers", defaultValue = "4", description = "producers P (default ${DEFAULT-VALUE})")
        int producers;

        @Option(names = "--rate", defaultValue = "0.2", description = "messages/s per producer (${DEFAULT-VALUE})")
        double rate;

        @Option(names = "--consumers", defaultValue = "1", description = "consumers C (${DEFAULT-VALUE})")
        int consumers;

        @Option(names = "--mu", defaultValue = "1", description = "service rate per consumer (${DEFAULT-VALUE})")
        double mu;

        @Option(names = "--messages", defaultValue = "1e5", description = "messages N, e.g. 1e6 (${DEFAULT-VALUE})")
        String messages;

        @Option(names = "--seed", defaultValue = "1", description = "seed (${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--service", defaultValue = "exp", description = "exp or det (${DEFAULT-VALUE})")
        String service;

        @Option(names = "--dispatch", defaultValue = "shared", description = "shared, rr or hash (${DEFAULT-VALUE})")
        String dispatch;

        @Option(names = "--warmup", defaultValue = "0", description = "messages left out of latency statistics")
        String warmup;

        @Option(names = "--repeat", defaultValue = "1", description = "runs in this process (${DEFAULT-VALUE})")
        int repeat;

        @Override
        public Integer call() {
            M1Options o;
            try {
                o = new M1Options(
                        producers,
                        rate,
                        consumers,
                        mu,
                        (long) Double.parseDouble(messages),
                        seed,
                        service,
                        dispatch,
                        (long) Double.parseDouble(warmup),
                        repeat);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            String lines = M1Bench.run(o);
            spec.commandLine().getOut().print(lines.endsWith("\n") ? lines : lines + "\n");
            return EventflowCommand.OK;
        }
    }
}
