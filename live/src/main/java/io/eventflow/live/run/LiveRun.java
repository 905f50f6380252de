package io.eventflow.live.run;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveResult;
import io.eventflow.live.internal.Engine;
import io.eventflow.model.design.Design;
import io.eventflow.simulator.SimulationSnapshot;
import io.eventflow.simulator.scenario.Scenario;
import io.eventflow.simulator.trace.TraceSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a design and scenario on real brokers for a while and measures the report: {@code
 * LiveRun.builder(design).scenario(s).seed(1).duration(Duration.ofSeconds(10)).build().run()}. Brokers with an
 * {@link Endpoint} are the user's; the others run embedded where their kind can. See {@code docs/live.md}.
 */
public final class LiveRun {
    private final Engine engine;
    private final java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();

    private LiveRun(Builder b) {
        this.engine = new Engine(
                b.design,
                b.scenario,
                b.seed,
                b.duration,
                b.drain,
                b.endpoints,
                new LiveOptions(Engine.newPrefix(), b.connectTimeout, b.keep),
                b.trace,
                b.progress);
    }

    public static Builder builder(Design design) {
        return new Builder(design);
    }

    /**
     * Runs: starts or connects to the brokers, creates the topology, starts the consumers, publishes for the duration
     * while the scenario plays, drains, reads back, reports, and removes the topology (unless kept).
     *
     * @throws LiveException when something of the design, scenario or brokers cannot run (every reason, one a line)
     */
    public LiveResult run() throws LiveException {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("a LiveRun runs once; build another");
        }
        return engine.run();
    }

    /**
     * Pauses the timed producers (any thread, also before {@link #run()}): they send nothing until {@link #resume()};
     * consumers go on, and publications that follow processing still go out. Paused time does not count toward the
     * duration.
     */
    public void pause() {
        engine.pause(true);
    }

    public void resume() {
        engine.pause(false);
    }

    public boolean paused() {
        return engine.paused();
    }

    /**
     * Ends the run early (any thread): publishing stops, the drain is skipped, the brokers are read back, the report
     * is made and the topology removed (unless kept) as at a normal end, and {@link #run()} returns. Before publishing
     * has started, {@link #run()} ends with a {@link LiveException} once the current step (such as a broker starting)
     * is done, after removing what it created.
     */
    public void stop() {
        engine.stop();
    }

    /** The run so far (any thread, cheap enough a few times a second), or null before publishing has started. */
    public LiveProgress progress() {
        var report = engine.progress();
        return report == null
                ? null
                : LiveProgress.of(engine.now(), report, engine.lags(), engine.instances(), engine.tokens());
    }

    /**
     * The moving tokens to draw now (any thread, cheap enough for every frame): a sample of the publishes and
     * deliveries the clients saw, each on its design edge (service to channel, channel to service) for a short travel
     * time, a delivery then in its service while it is processed. Empty before publishing has started.
     */
    public List<SimulationSnapshot.InFlight> inFlight() {
        return engine.tokens();
    }

    /** Settings of a live run; every one has a default. */
    public static final class Builder {
        private final Design design;
        private Scenario scenario = Scenario.EMPTY;
        private Long seed;
        private Duration duration;
        private Duration drain = Duration.ofSeconds(10);
        private Map<String, Endpoint> endpoints = Map.of();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean keep;
        private TraceSink trace;
        private Consumer<String> progress = s -> {};

        private Builder(Design design) {
            this.design = Objects.requireNonNull(design, "design");
        }

        public Builder scenario(Scenario s) {
            this.scenario = s == null ? Scenario.EMPTY : s;
            return this;
        }

        /** The seed of arrivals, keys, processing times, backoff jitter and poison draws (default: the scenario's, 1). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** How long producers publish (default: the scenario's duration, else 60 s). */
        public Builder duration(Duration d) {
            this.duration = d;
            return this;
        }

        /** How long the consumers may take to finish what is left after publishing stops (10 s). */
        public Builder drain(Duration d) {
            this.drain = Objects.requireNonNull(d);
            return this;
        }

        /** The user's brokers by design broker id; the others run embedded. */
        public Builder endpoints(Map<String, Endpoint> e) {
            this.endpoints = Map.copyOf(e);
            return this;
        }

        /** How long connecting to a broker may take before the run fails naming it (10 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Keep the topics and queues the run created (default: delete them). */
        public Builder keep(boolean k) {
            this.keep = k;
            return this;
        }

        /** Where trace events go (JSONL with {@code JsonlTraceWriter}); none by default. */
        public Builder trace(TraceSink sink) {
            this.trace = sink;
            return this;
        }

        /** Progress lines for a console (broker started, publishing, draining, ...). */
        public Builder progress(Consumer<String> p) {
            this.progress = Objects.requireNonNull(p);
            return this;
        }

        public LiveRun build() {
            if (seed == null) {
                seed = scenario.seed() != null ? scenario.seed() : 1L;
            }
            if (duration == null) {
                duration = Duration.ofNanos(scenario.duration() != null ? scenario.duration() : 60_000_000_000L);
            }
            return new LiveRun(this);
        }
    }
}
