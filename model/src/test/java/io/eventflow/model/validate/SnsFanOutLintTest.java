package io.eventflow.model.validate;

import static io.eventflow.model.Designs.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflow.model.io.DesignFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An SNS topic is read through the queues subscribed to it; those queues get what the topic gets. */
class SnsFanOutLintTest {
    private static final String DESIGN =
            """
            eventflow: 1
            name: sns
            brokers: [{id: aws, kind: sqs}]
            messages: [{id: E, payload: {type: object}}]
            channels:
              - {id: events, broker: aws, snsTopic: true, messages: [E]}
              - {id: q, broker: aws, snsTopics: [events], messages: [E]}
              - {id: quiet, broker: aws, snsTopic: true, messages: [E]}
              - {id: q2, broker: aws, snsTopics: [quiet], messages: [E]}
            services:
              - id: p
                publishes: [{channel: events, rate: 10/s}]
              - id: c
                subscribes: [{channel: q}, {channel: q2}]
            """;

    private static List<String> findings(String rule) {
        return DesignFiles.lint(load(DESIGN)).stream()
                .filter(p -> p.rule().equals(rule))
                .map(Problem::element)
                .toList();
    }

    @Test
    void aTopicWithAQueueIsSubscribedAndTheQueueIsPublishedTo() {
        assertThat(findings("EF007")).doesNotContain("events", "quiet");
        assertThat(findings("EF006")).doesNotContain("events", "q");
    }

    @Test
    void aQueueOnATopicNobodyPublishesToIsStillReported() {
        assertThat(findings("EF006")).contains("quiet", "q2");
    }
}
