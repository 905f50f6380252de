package io.eventflow.app.inspector;

import io.eventflow.model.design.Broker;
import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Service;

/**
 * Which inspector fields a sweep can vary: the field's id and the element shown give the sweep's setting name
 * ({@code billing.instances}, {@code checkout@orders.rate}, {@code orders.partitions}, {@code cluster.nodes}).
 */
final class SweepTargets {
    private SweepTargets() {}

    /** The sweep's name for this field of this subject, or null when a sweep cannot vary it. */
    static String of(Object subject, String fieldId) {
        if (fieldId == null || !fieldId.startsWith("field-")) {
            return null;
        }
        String field = fieldId.substring("field-".length());
        if (subject instanceof Service s) {
            return field.equals("instances") ? s.id() + ".instances" : null;
        }
        if (subject instanceof Channel c) {
            return switch (field) {
                case "partitions" -> c.id() + ".partitions";
                case "replication-factor" -> c.id() + ".replicationFactor";
                case "min-in-sync" -> c.id() + ".minInSyncReplicas";
                default -> null;
            };
        }
        if (subject instanceof Broker b) {
            return field.equals("nodes") ? b.id() + ".nodes" : null;
        }
        if (subject instanceof InspectorViewModel.EdgeSubject e && e.service() != null) {
            String at = e.service().id() + "@" + e.ref().channel();
            if (e.publication() != null) {
                return field.equals("rate") && !e.publication().isChained() ? at + ".rate" : null;
            }
            if (e.subscription() != null) {
                return switch (field) {
                    case "mean-time" -> at + ".processing";
                    case "concurrency" -> at + ".concurrency";
                    case "prefetch" -> at + ".prefetch";
                    default -> null;
                };
            }
        }
        return null;
    }
}
