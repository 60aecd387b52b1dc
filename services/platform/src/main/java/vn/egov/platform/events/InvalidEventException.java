package vn.egov.platform.events;

import java.util.List;

/**
 * An event that can never be processed as it is: not a binary-mode CloudEvent, unreadable data, or data that
 * breaks its JSON Schema. Consumers do not retry it; it goes straight to the consumer's dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidEventException(String message, List<String> problems) {
        super(problems.isEmpty() ? message : message + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.problems = List.of(String.valueOf(cause.getMessage()));
    }

    public List<String> problems() {
        return problems;
    }
}
