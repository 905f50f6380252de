package io.eventflow.app;

/** Entry point of the jar: placeholder until the shell lands. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {}
}
