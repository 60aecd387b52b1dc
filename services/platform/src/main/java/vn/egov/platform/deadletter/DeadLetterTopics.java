package vn.egov.platform.deadletter;

/** Naming of dead-letter topics: one per consumer group and topic, {@code <topic>.<consumer-group>.dlt}. */
public final class DeadLetterTopics {

    public static final String SUFFIX = ".dlt";

    private DeadLetterTopics() {}

    /** The dead-letter topic of records of {@code topic} that consumer group {@code group} could not process. */
    public static String of(String topic, String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a dead-letter topic needs the consumer group of " + topic);
        }
        return topic + "." + group + SUFFIX;
    }

    /** Whether {@code topic} is a dead-letter topic of {@code group}. */
    public static boolean belongsTo(String topic, String group) {
        return topic.endsWith("." + group + SUFFIX);
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(SUFFIX);
    }
}
