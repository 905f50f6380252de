package io.eventflow.live.server;

/**
 * A broker server could not be started here: its program is missing, it failed to start, or the design asks for
 * something the local server cannot do. The message is fit to show as is: it names what is missing and how to get it
 * (install a package, or give a running server's endpoint with {@code --brokers}).
 */
public class ServerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerUnavailableException(String message) {
        super(message);
    }

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
