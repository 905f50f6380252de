package io.eventflow.live.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.eventflow.live.server.LocalServerTests;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalRabbitMqServerTest {

    @Test
    void startsIsolatedNodeRoundTripsWithConfirmsManualAcksAndDeadLettersThenStopsWithoutLeftovers() throws Exception {
        LocalServerTests.requireProgram("rabbitmq-server", LocalRabbitMqServer.program());
        List<Long> pids;
        try (LocalRabbitMqServer server = LocalRabbitMqServer.start()) {
            pids = server.pids();
            System.err.println("rabbitmq-server start: " + server.startTime().toMillis() + " ms");
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(server.endpoint());
            try (Connection connection = factory.newConnection();
                    Channel ch = connection.createChannel()) {
                ch.exchangeDeclare("dlx", "fanout");
                ch.queueDeclare("dead", false, false, false, null);
                ch.queueBind("dead", "dlx", "");
                ch.exchangeDeclare("ex", "direct");
                // max length 800, overflow drop-head: of 1,000 the oldest 200 are dead-lettered to 'dead'.
                ch.queueDeclare(
                        "work",
                        false,
                        false,
                        false,
                        Map.of("x-max-length", 800, "x-overflow", "drop-head", "x-dead-letter-exchange", "dlx"));
                ch.queueBind("work", "ex", "k");
                ch.confirmSelect();
                for (int i = 0; i < 1000; i++) {
                    AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                            .messageId("m" + i)
                            .build();
                    ch.basicPublish("ex", "k", props, ("p" + i).getBytes(StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(10_000);
                Set<String> work = drain(ch, "work");
                Set<String> dead = drain(ch, "dead");
                assertThat(work).hasSize(800).contains("m200", "m999").doesNotContain("m199");
                assertThat(dead).hasSize(200).contains("m0", "m199");
            }
        }
        LocalServerTests.assertGone(pids);
        LocalServerTests.assertNoChildNamed("beam.smp");
        LocalServerTests.assertNoChildNamed("epmd");
    }

    private static Set<String> drain(Channel ch, String queue) throws Exception {
        Set<String> ids = new HashSet<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            GetResponse r = ch.basicGet(queue, false);
            if (r == null) {
                break;
            }
            ids.add(r.getProps().getMessageId());
            ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
        }
        return ids;
    }

    @Test
    void missingProgramMessageSaysWhatToInstallAndTheAlternative() {
        assertThat(LocalRabbitMqServer.missingMessage())
                .contains("no rabbitmq-server program was found")
                .contains("apt-get install rabbitmq-server")
                .contains("--brokers");
    }
}
