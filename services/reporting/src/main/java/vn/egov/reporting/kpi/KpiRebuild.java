package vn.egov.reporting.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.events.IncomingEvent;
import vn.egov.platform.events.InvalidEventException;
import vn.egov.platform.kafka.CloudEventKafkaClients;
import vn.egov.platform.web.ApiProblem;

/**
 * Dựng lại số liệu — rebuilds every KPI figure from scratch: empties the latest-state tables, then reads the
 * three topics from their beginning up to their end at that moment with a consumer of no group (the live
 * consumer's offsets and inbox are untouched), applying events in large batches. Records the live consumer would
 * dead-letter (not a CloudEvent, schema broken) are skipped, so the rebuilt figures equal the live ones. The live
 * consumer keeps running: its merges and the rebuild's commute, so neither undoes the other. While a rebuild runs
 * the figures are incomplete; at most one runs at a time.
 */
@Component
public class KpiRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KpiRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(30);
    private static final int BATCH = 5_000;

    /** One rebuild: its state (RUNNING, DONE, FAILED), the events applied and skipped. */
    public record Run(
            UUID id,
            String state,
            String requestedBy,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            long events,
            long skipped,
            String failure) {}

    private final CloudEventKafkaClients kafka;
    private final EventSchemas schemas;
    private final KpiProjection projection;
    private final KpiProperties properties;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "kpi-rebuild"));

    KpiRebuild(
            CloudEventKafkaClients kafka,
            EventSchemas schemas,
            KpiProjection projection,
            KpiProperties properties,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Clock clock) {
        this.kafka = kafka;
        this.schemas = schemas;
        this.projection = projection;
        this.properties = properties;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws ApiProblem 409 when one is already running
     */
    public Run start(String requestedBy) {
        UUID id = register(requestedBy);
        worker.submit(() -> run(id));
        return find(id).orElseThrow();
    }

    /** Runs a rebuild in the calling thread (the benchmark times it so). */
    public Run runNow(String requestedBy) {
        UUID id = register(requestedBy);
        run(id);
        return find(id).orElseThrow();
    }

    private UUID register(String requestedBy) {
        UUID id = UUID.randomUUID();
        // a rebuild cut short by a restart never finishes: after two hours it no longer blocks the next one
        jdbc.sql("UPDATE kpi_rebuild SET state = 'FAILED', finished_at = ?, failure = 'abandoned'"
                        + " WHERE state = 'RUNNING' AND started_at < ?")
                .params(OffsetDateTime.now(clock), OffsetDateTime.now(clock).minusHours(2))
                .update();
        try {
            jdbc.sql("INSERT INTO kpi_rebuild (id, state, requested_by, started_at) VALUES (?, 'RUNNING', ?, ?)")
                    .params(id, requestedBy, OffsetDateTime.now(clock))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "kpi-rebuild-running", "Đang có một lần dựng lại số liệu chưa kết thúc");
        }
        return id;
    }

    public Optional<Run> find(UUID id) {
        return jdbc.sql("SELECT id, state, requested_by, started_at, finished_at, events, skipped, failure"
                        + " FROM kpi_rebuild WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Run(
                        rs.getObject("id", UUID.class),
                        rs.getString("state"),
                        rs.getString("requested_by"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getLong("events"),
                        rs.getLong("skipped"),
                        rs.getString("failure")))
                .optional();
    }

    private long readNanos;
    private final java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();

    private long run(UUID id) {
        long[] counts = new long[2];
        readNanos = 0;
        writeNanos.set(0);
        try {
            transactions.executeWithoutResult(s -> projection.clear());
            replay(counts);
            finish(id, "DONE", counts, null);
            log.info(
                    "KPI rebuild {} done: {} events applied, {} skipped; {} ms reading and checking, {} ms writing",
                    id,
                    counts[0],
                    counts[1],
                    readNanos / 1_000_000,
                    writeNanos.get() / 1_000_000);
        } catch (RuntimeException e) {
            log.error("KPI rebuild {} failed", id, e);
            finish(id, "FAILED", counts, String.valueOf(e.getMessage()));
        }
        return counts[0];
    }

    private void replay(long[] counts) {
        List<String> topics = List.of(
                properties.topics().dossier(),
                properties.topics().payment(),
                properties.topics().document());
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "kpi-rebuild-writer"));
        ForkJoinPool readers = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (Consumer<String, byte[]> consumer = kafka.standaloneConsumer("kpi-rebuild")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            List<IncomingEvent> batch = new ArrayList<>(BATCH);
            Future<Long> pending = null;
            long idleSince = System.nanoTime();
            while (!caughtUp(consumer, end)) {
                var records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    if (System.nanoTime() - idleSince > IDLE_LIMIT.toNanos()) {
                        throw new IllegalStateException("the topics stopped answering before their end was read");
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                List<ConsumerRecord<String, byte[]>> wanted = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        wanted.add(record);
                    }
                }
                // parsing and checking against the contracts is the costly part: spread over the readers
                long t0 = System.nanoTime();
                List<Optional<IncomingEvent>> events = readers.submit(
                                () -> wanted.parallelStream().map(this::read).toList())
                        .join();
                readNanos += System.nanoTime() - t0;
                for (Optional<IncomingEvent> event : events) {
                    if (event.isPresent()) {
                        batch.add(event.get());
                    } else {
                        counts[1]++;
                    }
                    if (batch.size() >= BATCH) {
                        // reading and checking the next batch overlaps with writing this one
                        counts[0] += await(pending);
                        List<IncomingEvent> full = new ArrayList<>(batch);
                        batch.clear();
                        pending = writer.submit(() -> flush(full));
                    }
                }
            }
            counts[0] += await(pending);
            counts[0] += flush(batch);
        } finally {
            writer.shutdownNow();
            readers.shutdownNow();
        }
    }

    private static long await(Future<Long> pending) {
        if (pending == null) {
            return 0;
        }
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The event if the live consumer would apply it: a CloudEvent of a handled type that keeps its contract. */
    private Optional<IncomingEvent> read(ConsumerRecord<String, byte[]> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            if (!KpiProjection.handles(event.type())) {
                return Optional.empty();
            }
            schemas.validate(event);
            return Optional.of(event);
        } catch (InvalidEventException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private long flush(List<IncomingEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        try {
            return write(batch);
        } finally {
            writeNanos.addAndGet(System.nanoTime() - start);
        }
    }

    private long write(List<IncomingEvent> batch) {
        List<IncomingEvent> applied = new ArrayList<>(batch);
        batch.clear();
        try {
            transactions.executeWithoutResult(s -> {
                // a rebuild that dies is run again from the start: its batches need not wait for the WAL flush
                jdbc.sql("SET LOCAL synchronous_commit TO off").update();
                projection.apply(applied);
            });
            return applied.size();
        } catch (InvalidEventException e) {
            // one event of the batch lacks a field: apply them one by one, skipping those the live consumer skips
            long ok = 0;
            for (IncomingEvent event : applied) {
                try {
                    transactions.executeWithoutResult(s -> projection.apply(List.of(event)));
                    ok++;
                } catch (InvalidEventException skipped) {
                    // dead-lettered by the live consumer too
                }
            }
            return ok;
        }
    }

    private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void finish(UUID id, String state, long[] counts, String failure) {
        jdbc.sql("UPDATE kpi_rebuild SET state = ?, finished_at = ?, events = ?, skipped = ?, failure = ? WHERE id = ?")
                .params(state, OffsetDateTime.now(clock), counts[0], counts[1], failure, id)
                .update();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
