package vn.egov.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import vn.egov.platform.kafka.CloudEventKafkaClients;

/**
 * Reads a consumer's dead-letter topics and replays records to the topic they came from. A replayed record
 * reaches every consumer group of that topic again; the groups that already applied it skip it through their
 * inbox, the one that failed applies it now (once its fault is fixed).
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final CloudEventKafkaClients kafka;
    private final KafkaAdmin admin;

    public DeadLetters(CloudEventKafkaClients kafka, KafkaAdmin admin) {
        this.kafka = kafka;
        this.admin = admin;
    }

    /** The dead-letter topics of a consumer group that exist in the cluster. */
    public List<String> topics(String consumerGroup) {
        requireName(consumerGroup, "consumer");
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            Set<String> names = client.listTopics().names().get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return names.stream()
                    .filter(name -> DeadLetterTopics.belongsTo(name, consumerGroup))
                    .sorted()
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }

    /** The newest {@code limit} dead letters of each partition of each of the consumer's dead-letter topics. */
    public List<DeadLetter> list(String consumerGroup, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (String topic : topics(consumerGroup)) {
            letters.addAll(read(topic, limit));
        }
        letters.sort(Comparator.comparing(DeadLetter::deadLetterTopic)
                .thenComparing(DeadLetter::partition)
                .thenComparing(DeadLetter::offset));
        return letters;
    }

    /** The dead letters of one dead-letter topic, the newest {@code limit} of each partition. */
    public List<DeadLetter> read(String deadLetterTopic, int limit) {
        requireDeadLetterTopic(deadLetterTopic);
        try (Consumer<String, byte[]> consumer = kafka.standaloneConsumer("dead-letters")) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - limit));
            }
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, partitions, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(toDeadLetter(record));
                    }
                }
            }
            return letters;
        }
    }

    /** The dead letter at this position, if there is one. */
    public Optional<DeadLetter> find(String deadLetterTopic, int partition, long offset) {
        return record(deadLetterTopic, partition, offset).map(DeadLetters::toDeadLetter);
    }

    /**
     * Sends the record at this position back to its original topic, with its key and CloudEvent headers.
     *
     * @return the replayed dead letter, empty when there is no record at that position
     */
    public Optional<DeadLetter> replay(String deadLetterTopic, int partition, long offset) {
        Optional<ConsumerRecord<String, byte[]>> record = record(deadLetterTopic, partition, offset);
        record.ifPresent(this::send);
        return record.map(DeadLetters::toDeadLetter);
    }

    /**
     * Sends every record of a dead-letter topic back to its original topic.
     *
     * @return how many were replayed
     */
    public int replayAll(String deadLetterTopic) {
        requireDeadLetterTopic(deadLetterTopic);
        int replayed = 0;
        try (Consumer<String, byte[]> consumer = kafka.standaloneConsumer("dead-letters-replay")) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, partitions, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        send(record);
                        replayed++;
                    }
                }
            }
        }
        return replayed;
    }

    private Optional<ConsumerRecord<String, byte[]>> record(String deadLetterTopic, int partition, long offset) {
        requireDeadLetterTopic(deadLetterTopic);
        TopicPartition tp = new TopicPartition(deadLetterTopic, partition);
        try (Consumer<String, byte[]> consumer = kafka.standaloneConsumer("dead-letters")) {
            boolean exists = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT).stream()
                    .anyMatch(p -> p.partition() == partition);
            if (!exists) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            long end = consumer.endOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty(); // compacted or transaction marker
                    }
                }
            }
            return Optional.empty();
        }
    }

    private void send(ConsumerRecord<String, byte[]> letter) {
        String original = text(letter.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original == null) {
            throw new IllegalStateException("record " + letter.topic() + "/" + letter.partition() + "/"
                    + letter.offset() + " has no original topic header");
        }
        ProducerRecord<String, byte[]> replay = new ProducerRecord<>(original, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().equals("traceparent")) {
                replay.headers().add(header);
            }
        }
        try {
            kafka.template().send(replay).get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot replay to " + original + ": " + e.getMessage(), e);
        }
        log.info(
                "replayed dead letter {}/{}/{} (event {}) to {}",
                letter.topic(),
                letter.partition(),
                letter.offset(),
                text(letter.headers(), "ce_id"),
                original);
    }

    private static boolean caughtUp(
            Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    static DeadLetter toDeadLetter(ConsumerRecord<String, byte[]> record) {
        Headers h = record.headers();
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                text(h, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                integer(h, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longValue(h, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(h, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                firstText(h, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(h, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(h, "ce_id"),
                text(h, "ce_type"),
                text(h, "ce_subject"),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String firstText(Headers headers, String... keys) {
        for (String key : keys) {
            String value = text(headers, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null || header.value().length != Integer.BYTES
                ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longValue(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null || header.value().length != Long.BYTES
                ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }

    private static void requireDeadLetterTopic(String topic) {
        requireName(topic, "dead-letter topic");
        if (!DeadLetterTopics.isDeadLetterTopic(topic)) {
            throw new IllegalArgumentException("not a dead-letter topic: " + topic);
        }
    }

    private static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": " + name);
        }
    }
}
