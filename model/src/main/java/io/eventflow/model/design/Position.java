package io.eventflow.model.design;

/** Where an element sits on the canvas, in canvas units (top-left corner). */
public record Position(double x, double y) {}
