package io.eventflow.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.app.simview.ScenarioCatalog;
import io.eventflow.model.design.BrokerKind;
import io.eventflow.model.design.EdgeId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each broker kind's look is found through its kind, and what the kinds declare adds up to what the app offered before. */
class KindLooksTest {
    @Test
    void everyKindHasItsLook() {
        for (BrokerKind k : BrokerKind.values()) {
            assertThat(KindLooks.of(k).kind()).isEqualTo(k);
        }
    }

    @Test
    void thePaletteKeepsItsItemsAndOrder() {
        assertThat(PaletteItem.all().stream().map(PaletteItem::name))
                .containsExactly(
                        "PRODUCER",
                        "CONSUMER",
                        "SERVICE",
                        "KAFKA_TOPIC",
                        "AMQP_QUEUE",
                        "MQTT_TOPIC",
                        "SQS_QUEUE",
                        "SNS_TOPIC",
                        "REDIS_STREAM",
                        "POSTGRES_CHANNEL",
                        "JMS_QUEUE",
                        "JMS_TOPIC",
                        "KAFKA_BROKER",
                        "AMQP_BROKER",
                        "MQTT_BROKER",
                        "SQS_BROKER",
                        "REDIS_BROKER",
                        "POSTGRES_BROKER",
                        "JMS_BROKER",
                        "MESSAGE");
        assertThat(Arrays.stream(PaletteItem.channels())).allMatch(i -> i.isChannel() && !i.isBroker());
        assertThat(Arrays.stream(PaletteItem.brokers())).allMatch(i -> i.isBroker() && !i.isChannel());
        assertThat(PaletteItem.all().stream().filter(PaletteItem::isService))
                .containsExactly(PaletteItem.PRODUCER, PaletteItem.CONSUMER, PaletteItem.SERVICE);
    }

    @Test
    void theSampleScenariosAreTheKindsInTheirOrder() {
        assertThat(ScenarioCatalog.SAMPLES)
                .containsExactly(
                        "order-pipeline.scenario.yaml",
                        "payments-rabbitmq.scenario.yaml",
                        "iot-telemetry.scenario.yaml",
                        "orders-sqs-sns.scenario.yaml",
                        "activity-redis-streams.scenario.yaml",
                        "jobs-postgres-notify.scenario.yaml",
                        "trading-jms.scenario.yaml");
    }

    @Test
    void onlyTheFanOutIsALinkBetweenChannels() {
        assertThat(KindLooks.linkOwner(new EdgeId(EdgeId.Kind.SNS, "topic", "queue")))
                .contains(KindLooks.of(BrokerKind.SQS));
        for (EdgeId.Kind k : new EdgeId.Kind[] {EdgeId.Kind.PUBLISH, EdgeId.Kind.SUBSCRIBE, EdgeId.Kind.DEAD_LETTER}) {
            assertThat(KindLooks.linkOwner(new EdgeId(k, "svc", "ch"))).isEmpty();
        }
    }
}
