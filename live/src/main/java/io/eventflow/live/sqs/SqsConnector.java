package io.eventflow.live.sqs;

import io.eventflow.live.Endpoint;
import io.eventflow.live.LiveConnector;
import io.eventflow.live.LiveException;
import io.eventflow.live.LiveOptions;
import io.eventflow.live.LiveServer;
import io.eventflow.live.proxy.FaultProxy;
import io.eventflow.live.proxy.ProxyLink;
import io.eventflow.live.server.ServerUnavailableException;
import io.eventflow.model.design.Broker;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.SqsQueue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SQS in live mode with the AWS SDK v2: the embedded ElasticMQ by default, or the user's endpoint. Endpoint settings
 * from {@code --brokers}: {@code region} (us-east-1), {@code accessKeyId} and {@code secretAccessKey} (a secret;
 * without them the SDK's default credentials chain). SNS topics run only on the user's endpoint: SNS has no
 * embeddable server, so on an embedded broker they are named as not runnable.
 */
public final class SqsConnector implements LiveConnector {

    @Override
    public BrokerKind kind() {
        return BrokerKind.SQS;
    }

    @Override
    public boolean embeddable() {
        return true;
    }

    /** An SQS queue is one queue its subscriptions compete for. */
    @Override
    public boolean oneQueuePerChannel(Channel channel) {
        return true;
    }

    @Override
    public List<String> unsupported(Design design, Broker broker, boolean embedded) {
        List<String> out = new ArrayList<>();
        for (Channel c : design.channels()) {
            if (broker.id().equals(c.broker()) && SqsQueue.of(c).isTopic()) {
                out.add("channel '" + c.id() + "': an SNS topic"
                        + (embedded
                                ? ", and SNS has no embeddable server (the embedded broker, ElasticMQ, carries SQS "
                                        + "queues only): give an endpoint with SNS for broker '" + broker.id()
                                        + "' in --brokers (AWS, or a local emulator such as LocalStack)"
                                : ": SNS fan-out is not run live yet"));
            }
        }
        return out;
    }

    /** The embedded server puts every design client behind the fault proxy (a routed service on its own link). */
    @Override
    public boolean routesThroughProxy() {
        return true;
    }

    /** A broker-crash on the embedded server is an outage of its endpoint (node 0), see {@link SqsLiveServer}. */
    @Override
    public boolean crashesNodes() {
        return true;
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options) throws LiveException {
        return start(broker, endpoint, options, List.of());
    }

    @Override
    public LiveServer start(Broker broker, Endpoint endpoint, LiveOptions options, List<String> routed)
            throws LiveException {
        if (endpoint == null) {
            EmbeddedElasticMq mq;
            try {
                mq = EmbeddedElasticMq.start();
            } catch (ServerUnavailableException e) {
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            }
            FaultProxy proxy = new FaultProxy();
            try {
                Map<String, ProxyLink> links = new java.util.LinkedHashMap<>();
                for (String service : routed) {
                    links.put(service, proxy.open(service + " -> " + broker.id(), mq.port()));
                }
                ProxyLink front = proxy.open("clients -> " + broker.id(), mq.port());
                return new SqsLiveServer(
                        mq::client,
                        "embedded " + mq.description() + " at " + mq.endpoint() + ", started in "
                                + mq.startTime().toMillis() + " ms"
                                + (routed.isEmpty()
                                        ? ""
                                        : ", clients of " + String.join(", ", routed) + " through the fault proxy"),
                        mq,
                        proxy,
                        links,
                        front,
                        options.runPrefix());
            } catch (java.io.IOException | RuntimeException e) {
                proxy.close();
                mq.close();
                throw new LiveException("broker '" + broker.id() + "': " + e.getMessage(), e);
            }
        }
        Map<String, String> p = endpoint.properties();
        AwsCredentialsProvider credentials = p.containsKey("accessKeyId")
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(p.get("accessKeyId"), p.getOrDefault("secretAccessKey", "")))
                : DefaultCredentialsProvider.builder().build();
        Region region = Region.of(p.getOrDefault("region", "us-east-1"));
        URI uri;
        try {
            uri = URI.create(endpoint.address().contains("://") ? endpoint.address() : "https://" + endpoint.address());
        } catch (IllegalArgumentException e) {
            throw new LiveException(endpoint.describe() + ": not a URL: " + e.getMessage(), e);
        }
        Supplier<SqsClient> clients = () -> SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(uri)
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(options.connectTimeout())
                        .build())
                .build();
        SqsLiveServer server = new SqsLiveServer(clients, endpoint.describe(), null);
        try (SqsClient probe = clients.get()) {
            probe.listQueues(b -> b.maxResults(1));
        } catch (SqsException e) {
            server.close();
            int status = e.statusCode();
            throw new LiveException(
                    endpoint.describe()
                            + (status == 401 || status == 403
                                    ? ": authentication failed (check accessKeyId and the secret's environment variable in --brokers)"
                                    : ": " + e.awsErrorDetails().errorMessage()),
                    e);
        } catch (SdkException e) {
            server.close();
            throw new LiveException(
                    "could not connect to " + endpoint.describe() + " within "
                            + options.connectTimeout().toMillis() + " ms: " + e.getMessage(),
                    e);
        }
        return server;
    }
}
