package io.eventflow.app.cli;

import io.eventflow.model.design.Arrival;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.CommitMode;
import io.eventflow.model.design.CommitPolicy;
import io.eventflow.model.design.DeliveryGuarantee;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Distribution;
import io.eventflow.model.design.MessageType;
import io.eventflow.model.design.Partitioner;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Rate;
import io.eventflow.model.design.Service;
import io.eventflow.model.design.Subscription;
import io.eventflow.model.design.TimeSpan;
import io.eventflow.model.kind.KindProfile;
import io.eventflow.model.kind.KindProfiles;
import io.eventflow.simulator.Simulation;
import io.eventflow.simulator.report.SimulationReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code eventflow bench m1}: the reference model M1 of {@code shared/bench} built as an ordinary design and run
 * through the real simulator, printing the same JSON line as the references. Tracing is off and consumed log
 * segments are not retained (both are ordinary options), so memory stays flat in the message count.
 */
public final class M1Bench {
    static final int BATCHES = 20;
    static final double T_975_DF19 = 2.093024054408263;

    private M1Bench() {}

    /** Runs {@code o.repeat()} times; returns one JSON line per run, separated by newlines. */
    public static String run(M1Options o) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < o.repeat(); r++) {
            out.append(runOnce(o, r)).append('\n');
        }
        return out.toString();
    }

    /**
     * The M1 design: producers → one channel → one group of consumers. The shared dispatch is one queue the consumers
     * compete for, on the first broker kind whose channels are queues; the partitioned ones (rr, hash) a channel with a
     * partition per consumer, on the first kind whose partitions bind a group's members (kinds in their enum order).
     */
    public static Design design(M1Options o) {
        boolean shared = o.dispatch().equals("shared");
        KindProfile kind = shared
                ? firstKind(
                        p -> p.shape(Design.empty("M1"), QUEUE_PROBE).shape().equals("queue"))
                : firstKind(KindProfile::partitionsBoundGroups);
        Broker broker = new Broker("broker", kind.kind());
        Channel ch = new Channel("topic", "broker", "m1", List.of("Msg"));
        if (!shared) {
            ch = kind.withChannelValues(
                    ch,
                    Map.of(
                            "partitions",
                            o.consumers(),
                            "replicationFactor",
                            1,
                            "minInSyncReplicas",
                            1,
                            "partitioner",
                            o.dispatch().equals("rr") ? Partitioner.ROUND_ROBIN : Partitioner.KEY));
        }
        Publication pub = new Publication(
                "topic",
                "Msg",
                Rate.perSecond(o.rate()),
                Arrival.POISSON,
                o.dispatch().equals("hash") ? "id" : null,
                o.dispatch().equals("hash") ? "uniform(1073741824)" : null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
        Service producers = new Service(
                "producers", null, null, o.producers(), List.of(pub), List.of(), null, List.of(), null, Map.of());
        TimeSpan mean = TimeSpan.ofSeconds(1.0 / o.mu());
        Distribution dist = o.service().equals("exp") ? Distribution.exponential(mean) : Distribution.constant(mean);
        Subscription sub = new Subscription("topic", "consumers")
                .withProcessing(dist)
                .withConcurrency(1)
                .withPrefetch(1)
                .withDelivery(DeliveryGuarantee.AT_LEAST_ONCE)
                .withCommit(new CommitPolicy(CommitMode.AFTER_PROCESSING, null));
        Service consumers = new Service(
                "consumers", null, null, o.consumers(), List.of(), List.of(sub), null, List.of(), null, Map.of());
        MessageType msg = new MessageType("Msg");
        return Design.empty("M1")
                .withBrokers(List.of(broker))
                .withMessages(List.of(msg))
                .withChannels(List.of(ch))
                .withServices(List.of(producers, consumers));
    }

    private static final Channel QUEUE_PROBE = new Channel("probe", "broker", null, List.of());

    private static KindProfile firstKind(Predicate<KindProfile> test) {
        for (BrokerKind k : BrokerKind.values()) {
            if (test.test(KindProfiles.of(k))) {
                return KindProfiles.of(k);
            }
        }
        throw new IllegalStateException("no broker kind runs M1's dispatch");
    }

    /** Figures of one run (times in seconds). */
    public record Result(
            double meanLatency,
            double meanWait,
            double throughput,
            double utilisation,
            double simTime,
            long maxQueueDepth,
            long kernelEvents) {}

    /** Runs once and returns the figures without timing. */
    public static Result measure(M1Options o) {
        Stats st = new Stats(o.messages(), o.warmup());
        Simulation sim = simulation(o, st);
        sim.runToEnd();
        return result(o, st, check(o, st, sim), sim.kernelEvents());
    }

    private static Simulation simulation(M1Options o, Stats st) {
        return Simulation.builder(design(o))
                .seed(o.seed())
                .messages(o.messages())
                .traceCapacity(0)
                .retainConsumed(false)
                .probe(st::complete)
                .build();
    }

    private static SimulationReport check(M1Options o, Stats st, Simulation sim) {
        SimulationReport rep = sim.report();
        if (st.done != o.messages() || !rep.ok()) {
            throw new IllegalStateException(
                    "M1 run incomplete: processed " + st.done + " of " + o.messages() + ", " + rep.violations());
        }
        return rep;
    }

    private static Result result(M1Options o, Stats st, SimulationReport rep, long kernelEvents) {
        long n = o.messages() - o.warmup();
        return new Result(
                st.soj / n,
                st.wait / n,
                st.last > 0 ? o.messages() / st.last : 0,
                st.last > 0 ? st.busy / (o.consumers() * st.last) : 0,
                st.last,
                rep.channels().get("topic").maxDepth(),
                kernelEvents);
    }

    static String runOnce(M1Options o, int run) {
        Stats st = new Stats(o.messages(), o.warmup());
        Simulation sim = simulation(o, st);
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        long c0 = tmx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        sim.runToEnd();
        double wall = (System.nanoTime() - t0) * 1e-9;
        double cpu = (tmx.getCurrentThreadCpuTime() - c0) * 1e-9;
        SimulationReport rep = check(o, st, sim);
        long maxDepth = rep.channels().get("topic").maxDepth();
        return json(o, run, st, maxDepth, sim.kernelEvents(), wall, cpu);
    }

    /** Same fields and order as {@code LimitM1.report}. */
    static String json(M1Options p, int run, Stats st, long maxDepth, long kernelEvents, double wall, double cpu) {
        long n = p.messages() - p.warmup();
        double makespan = st.last;
        long modelEvents = 2 * p.messages();
        Double ciS = st.ci(st.bsoj);
        Double ciW = st.ci(st.bwait);
        StringBuilder b = new StringBuilder(1024);
        b.append("{\"impl\": \"eventflow\"")
                .append(", \"java_version\": \"")
                .append(System.getProperty("java.version"))
                .append('"')
                .append(", \"model\": \"M1\"")
                .append(", \"producers\": ")
                .append(p.producers())
                .append(", \"rate\": ")
                .append(num(p.rate()))
                .append(", \"consumers\": ")
                .append(p.consumers())
                .append(", \"mu\": ")
                .append(num(p.mu()))
                .append(", \"service\": \"")
                .append(p.service())
                .append('"')
                .append(", \"dispatch\": \"")
                .append(p.dispatch())
                .append('"')
                .append(", \"messages\": ")
                .append(p.messages())
                .append(", \"seed\": ")
                .append(p.seed())
                .append(", \"warmup\": ")
                .append(p.warmup())
                .append(", \"lambda_total\": ")
                .append(num(p.producers() * p.rate()))
                .append(", \"sim_time\": ")
                .append(num(makespan))
                .append(", \"throughput\": ")
                .append(num(makespan > 0 ? p.messages() / makespan : 0))
                .append(", \"mean_latency\": ")
                .append(num(n > 0 ? st.soj / n : 0))
                .append(", \"mean_latency_ci95\": ")
                .append(ciS == null ? "null" : num(ciS))
                .append(", \"mean_wait\": ")
                .append(num(n > 0 ? st.wait / n : 0))
                .append(", \"mean_wait_ci95\": ")
                .append(ciW == null ? "null" : num(ciW))
                .append(", \"max_queue_depth\": ")
                .append(maxDepth)
                .append(", \"utilisation\": ")
                .append(num(makespan > 0 ? st.busy / (p.consumers() * makespan) : 0))
                .append(", \"model_events\": ")
                .append(modelEvents)
                .append(", \"kernel_events\": ")
                .append(kernelEvents)
                .append(", \"wall_s\": ")
                .append(num(wall))
                .append(", \"events_per_sec\": ")
                .append(num(modelEvents / wall))
                .append(", \"msgs_per_sec\": ")
                .append(num(p.messages() / wall))
                .append(", \"cpu_s\": ")
                .append(num(cpu))
                .append(", \"events_per_cpu_sec\": ")
                .append(num(cpu > 0 ? modelEvents / cpu : 0))
                .append(", \"run\": ")
                .append(run)
                .append('}');
        return b.toString();
    }

    static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        return Double.toString(d);
    }

    /** Batch-means statistics in publish order, as the references compute them (times in seconds). */
    static final class Stats {
        final long warm;
        final long span;
        long done;
        double last;
        double soj;
        double wait;
        double busy;
        final double[] bsoj = new double[BATCHES];
        final double[] bwait = new double[BATCHES];
        final long[] bcnt = new long[BATCHES];

        Stats(long n, long warm) {
            this.warm = warm;
            this.span = Math.max(n - warm, 1);
        }

        void complete(long mid, long publish, long start, long end) {
            double so = (end - publish) * 1e-9;
            double w = (start - publish) * 1e-9;
            busy += (end - start) * 1e-9;
            done++;
            last = end * 1e-9;
            if (mid >= warm) {
                soj += so;
                wait += w;
                int b = (int) ((mid - warm) * BATCHES / span);
                bsoj[b] += so;
                bwait[b] += w;
                bcnt[b]++;
            }
        }

        Double ci(double[] bs) {
            int k = 0;
            double sum = 0;
            double[] means = new double[BATCHES];
            for (int i = 0; i < BATCHES; i++) {
                if (bcnt[i] > 0) {
                    means[k] = bs[i] / bcnt[i];
                    sum += means[k++];
                }
            }
            if (k < 2) {
                return null;
            }
            double m = sum / k;
            double v = 0;
            for (int i = 0; i < k; i++) {
                v += (means[i] - m) * (means[i] - m);
            }
            v /= (k - 1);
            return T_975_DF19 * Math.sqrt(v / k);
        }
    }

    /** Mean latency (seconds) of a finished run, for tests. */
    static String format(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
