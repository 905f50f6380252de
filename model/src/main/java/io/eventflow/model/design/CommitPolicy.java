package io.eventflow.model.design;

/**
 * When a consumer commits offsets (Kafka) or acks messages (AMQP).
 *
 * @param mode auto (periodic commit of what was fetched), after-processing or before-processing
 * @param interval auto-commit interval (5s)
 */
public record CommitPolicy(CommitMode mode, TimeSpan interval) {
    public TimeSpan intervalOrDefault() {
        return interval == null ? TimeSpan.ofSeconds(5) : interval;
    }
}
