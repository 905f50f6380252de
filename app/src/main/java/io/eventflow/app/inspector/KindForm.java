package io.eventflow.app.inspector;

import io.eventflow.model.design.Channel;
import io.eventflow.model.design.Design;
import io.eventflow.model.design.EdgeId;
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

    /**
     * The rows this kind's channel settings give a channel of another kind that also takes them (see {@link
     * io.eventflow.model.kind.KindProfile#alsoTakes}).
     */
    default void takenChannel(Form f, InspectorViewModel vm, Channel c) {}

    /** The rows of a subscription to a channel of this kind. */
    default void subscription(Form f, InspectorViewModel vm, Design d, String svc, Subscription x) {}

    /** The subscription rows of this kind that a channel of kind other shows too. */
    default void sharedSubscription(Form f, InspectorViewModel vm, String svc, Subscription x) {}

    /**
     * The rows of a link between two channels of this kind (an edge from {@code e.service()} to {@code e.channel()},
     * both channels).
     */
    default void link(Form f, InspectorViewModel vm, EdgeId e) {
        f.section("Link: " + e.from() + " → " + e.to());
        f.link("Open " + e.from(), () -> vm.select(e.from()));
        f.link("Open " + e.to(), () -> vm.select(e.to()));
    }

    /** The rows of a publication on a channel of this kind. */
    default void publication(Form f, InspectorViewModel vm, Design d, String svc, Publication p) {}
}
