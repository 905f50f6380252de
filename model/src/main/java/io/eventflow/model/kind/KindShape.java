package io.eventflow.model.kind;

/**
 * How a kind draws one of its channels (see {@code io.eventflow.model.doc.ChannelShape}, which the diagram and the
 * canvas use).
 *
 * @param shape {@code log}, {@code queue}, {@code hub} or {@code broadcast}
 * @param badge the kind badge
 * @param detail the kind's main setting in a few words
 * @param cells number of log cells drawn in the shape (0 for shapes without cells)
 */
public record KindShape(String shape, String badge, String detail, int cells) {}
