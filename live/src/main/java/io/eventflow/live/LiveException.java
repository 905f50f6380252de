package io.eventflow.live;

/** A live run cannot go on; the message is fit to show as is (it names the endpoint, element or fault). */
public class LiveException extends Exception {
    public LiveException(String message) {
        super(message);
    }

    public LiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
