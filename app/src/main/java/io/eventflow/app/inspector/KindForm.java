package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.Publication;
import io.eventflow.model.design.Subscription;

/**
 * The inspector rows of one broker kind, shown only on channels, subscriptions and publications of that kind; found
 * by {@link KindForms#of}. Empty fields show the broker's default.
 */
interface KindForm {
    /** The settings rows of a channel of this kind. */
    default void channel(Form f, InspectorViewModel vm, Design d, Channel c) {}

    /** True when the channel keeps nothing, so nothing is dead-lettered from it. */
    default boolean storesNothing(Channel c) {
        return false;
    }

    /** The rows of a subscription to a channel of this kind. */
    default void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {}

    /** The rows of a publication on a channel of this kind. */
    default void publication(Form f, InspectorViewModel vm, Design d, String svc, Publication p) {}
}
