package io.eventflow.live.sqs;

import io.eventflow.live.server.LocalServer;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.SqsQueue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An in-process SQS API (ElasticMQ) on a free 127.0.0.1 port; queues live in memory for the run. SQS only: SNS has no
 * embeddable server, so a design whose SQS broker has SNS topics is refused ({@link #refuseSnsTopics}) rather than run
 * with a fan-out the tool would have to fake.
 */
public final class EmbeddedElasticMq implements LocalServer {
    private final SQSRestServer server;
    private final int port;
    private final Duration startTime;
    private boolean closed;

    private EmbeddedElasticMq(SQSRestServer server, int port, Duration startTime) {
        this.server = server;
        this.port = port;
        this.startTime = startTime;
    }

    /** Starts ElasticMQ for {@code broker} after {@link #refuseSnsTopics} found nothing to refuse. */
    public static EmbeddedElasticMq start(Design design, Broker broker) {
        refuseSnsTopics(design, broker);
        return start();
    }

    /** Starts ElasticMQ. */
    public static EmbeddedElasticMq start() {
        long t0 = System.nanoTime();
        SQSRestServer server = null;
        try {
            server = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withDynamicPort()
                    .start();
            int port = server.waitUntilStarted().localAddress().getPort();
            return new EmbeddedElasticMq(server, port, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            if (server != null) {
                server.stopAndWait();
            }
            throw new ServerUnavailableException(
                    "the embedded SQS server (ElasticMQ) did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a design whose SQS broker {@code broker} has SNS topics ({@code snsTopic: true}): SNS has no embeddable
     * server.
     *
     * @throws ServerUnavailableException naming the topics and what to do instead
     */
    public static void refuseSnsTopics(Design design, Broker broker) {
        List<String> topics = design.channels().stream()
                .filter(c -> Objects.equals(c.broker(), broker.id())
                        && SqsQueue.of(c).isTopic())
                .map(Channel::id)
                .toList();
        if (!topics.isEmpty()) {
            throw new ServerUnavailableException("SQS broker '" + broker.id() + "' has SNS topic"
                    + (topics.size() == 1 ? " '" : "s '") + String.join("', '", topics)
                    + "', and SNS has no embeddable server: the embedded broker (ElasticMQ) carries SQS queues only. "
                    + "Give an endpoint with SNS for this broker with --brokers FILE (AWS, or a local emulator such as "
                    + "LocalStack), or run the design's queues without the topics.");
        }
    }

    /** An SDK client for this server (any credentials are accepted; region us-east-1). */
    public SqsClient client() {
        return client(port);
    }

    /** An SDK client for this server through a proxy link listening on {@code port} of 127.0.0.1. */
    public static SqsClient client(int port) {
        return SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.SQS;
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String description() {
        return "ElasticMQ (in-process SQS API)";
    }

    @Override
    public Duration startTime() {
        return startTime;
    }

    /**
     * How long requests still in flight may take to finish when the server stops; then their connections are closed.
     * ElasticMQ's own stop gives them a minute and waits a minute for that, so one request held open (a send the fault
     * proxy held, a long poll whose client had gone) made the run fail at its very end with "Future timed out after
     * [1 minute]" (SqsFaultsLiveTest in CI, 2026-12-07).
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            org.apache.pekko.http.scaladsl.Http.ServerBinding binding = server.waitUntilStarted();
            scala.concurrent.Await.result(
                    binding.terminate(scala.concurrent.duration.FiniteDuration.create(
                            STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)),
                    scala.concurrent.duration.FiniteDuration.create(30, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // ElasticMQ's own stop below tries again, with its longer grace
            org.tinylog.Logger.debug(e, "ElasticMQ's connections did not close within {}", STOP_GRACE);
        }
        server.stopAndWait();
    }
}
