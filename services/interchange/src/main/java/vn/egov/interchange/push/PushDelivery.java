package vn.egov.interchange.push;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.interchange.config.InterchangeProperties;
import vn.egov.interchange.delivery.DeliveryInbox;
import vn.egov.interchange.delivery.TraceHop;

/**
 * Chuyển giao chủ động — push delivery. One replica at a time (ShedLock) runs the job, for up to two minutes at a
 * time: it takes the due {@code PENDING} deliveries of agencies registered as {@code PUSH} with a webhook URL and a
 * webhook secret, most urgent first (the inbox's order), with a few workers in parallel, each delivery in its own
 * transaction with the row locked ({@code FOR UPDATE SKIP LOCKED}), and POSTs the stored package to the webhook (with
 * the axis's TraceHeader added when the sender's signature allows, see {@link TraceHop}), signed (see
 * {@link WebhookSignature}). A 2xx answer delivers exactly like a pull acknowledgement ({@link DeliveryInbox#deliver}); anything else is retried after a doubling
 * wait, and after the configured number of attempts the delivery is parked as {@code PUSH_FAILED}, which the sender
 * sees on its timeline and may re-queue. The state transition is the exactly-once guard inside the axis; across
 * the HTTP boundary delivery is at least once (a crash after the webhook answered and before the commit repeats the
 * POST), so receivers use {@code Edxml-Delivery-Id} as their idempotency key. Between passes the run waits for a
 * package accepted on this replica (pushed at once) or for {@code poll}.
 */
@Component
public class PushDelivery {

    public static final String DELIVERY_ID_HEADER = "Edxml-Delivery-Id";
    public static final String DOCUMENT_ID_HEADER = "Edxml-Document-Id";
    public static final String ATTEMPT_HEADER = "Webhook-Attempt";
    static final String AXIS = "TRUC-LIEN-THONG";
    private static final Duration RUN_BUDGET = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DeliveryInbox inbox;
    private final Clock clock;
    private final InterchangeProperties.Push settings;
    private final HttpClient http;
    private final TraceHop traceHop;
    private final int concurrency;
    private final Duration poll;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean stopping;

    public PushDelivery(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            DeliveryInbox inbox,
            Clock clock,
            InterchangeProperties properties,
            TraceHop traceHop,
            @Value("${egov.interchange.push.concurrency:4}") int concurrency,
            @Value("${egov.interchange.push.poll:PT1S}") Duration poll) {
        this.traceHop = traceHop;
        this.concurrency = Math.max(1, concurrency);
        this.poll = poll;
        this.jdbc = jdbc;
        this.tx = tx;
        this.inbox = inbox;
        this.clock = clock;
        this.settings = properties.push();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${egov.interchange.push.poll:PT1S}",
            initialDelayString = "${egov.interchange.push.poll:PT1S}")
    @SchedulerLock(name = "interchange.push-delivery", lockAtMostFor = "PT5M")
    public void scheduled() {
        long end = System.nanoTime() + RUN_BUDGET.toNanos();
        pushDue();
        // keep the lock for the run: push again as soon as a package is accepted here, or after poll at the latest
        while (System.nanoTime() < end && !stopping && !Thread.currentThread().isInterrupted()) {
            try {
                wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wake.drainPermits();
            pushDue();
        }
    }

    /** The application is stopping: a run in progress ends after its current pass. */
    @PreDestroy
    void stop() {
        stopping = true;
        wake.release();
    }

    /** A package was accepted on this replica: its push deliveries are attempted without waiting for the poll. */
    @TransactionalEventListener
    public void accepted(PackageAccepted event) {
        wake.release();
    }

    /**
     * Pushes what is due now with {@code egov.interchange.push.concurrency} workers, each delivery in its own
     * transaction (the row locked while its POST runs); returns how many POSTs were attempted.
     */
    public int pushDue() {
        long end = System.nanoTime() + RUN_BUDGET.toNanos();
        AtomicInteger attempted = new AtomicInteger();
        Runnable worker = () -> {
            while (System.nanoTime() < end && !stopping && attempted.get() < settings.batch()) {
                if (!Boolean.TRUE.equals(tx.execute(s -> pushOne()))) {
                    return;
                }
                attempted.incrementAndGet();
            }
        };
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM agency WHERE delivery_mode = 'PUSH' AND webhook_url IS NOT NULL"
                        + " AND webhook_secret IS NOT NULL)",
                Boolean.class))) {
            return 0; // no agency to push to: the pending deliveries (maybe many) are not scanned
        }
        if (!Boolean.TRUE.equals(tx.execute(s -> pushOne()))) {
            return 0;
        }
        attempted.incrementAndGet();
        if (concurrency == 1) {
            worker.run();
            return attempted.get();
        }
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(worker));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    log.warn("push worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return attempted.get();
    }

    /** Published in the transaction that accepts a package; wakes the push job after commit. */
    public record PackageAccepted(UUID document) {}

    private record Due(
            UUID id,
            UUID recipientId,
            int attempts,
            String documentId,
            byte[] content,
            String sha256,
            String webhookUrl,
            String secret) {}

    private boolean pushOne() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query(
                """
                SELECT l.id, l.recipient_id, l.push_attempts, d.document_id, d.package, d.package_sha256,
                       a.webhook_url, a.webhook_secret
                  FROM delivery l JOIN agency a ON a.id = l.recipient_id JOIN document d ON d.id = l.document_id
                 WHERE l.state = 'PENDING' AND a.delivery_mode = 'PUSH' AND a.webhook_url IS NOT NULL
                   AND a.webhook_secret IS NOT NULL AND (l.next_push_at IS NULL OR l.next_push_at <= ?)
                 ORDER BY l.urgency DESC, l.created_at, l.id
                 LIMIT 1
                 FOR UPDATE OF l SKIP LOCKED
                """,
                (rs, i) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("recipient_id", UUID.class),
                        rs.getInt("push_attempts"),
                        rs.getString("document_id"),
                        rs.getBytes("package"),
                        rs.getString("package_sha256"),
                        rs.getString("webhook_url"),
                        rs.getString("webhook_secret")),
                Timestamp.from(now));
        if (due.isEmpty()) {
            return false;
        }
        Due d = due.getFirst();
        int attempt = d.attempts() + 1;
        String failure;
        try {
            HttpResponse<Void> response = http.send(request(d, attempt), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                inbox.deliver(d.id(), d.recipientId(), "webhook " + d.webhookUrl() + " HTTP " + response.statusCode());
                return true;
            }
            failure = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e.toString();
        } catch (Exception e) {
            failure = e.toString();
        }
        failed(d, attempt, abbreviate(failure));
        return true;
    }

    private HttpRequest request(Due d, int attempt) {
        long timestamp = clock.instant().getEpochSecond();
        TraceHop.Handed handed = traceHop.handOver(d.content(), d.sha256());
        return HttpRequest.newBuilder(URI.create(d.webhookUrl()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/xml")
                .header(DELIVERY_ID_HEADER, d.id().toString())
                .header(DOCUMENT_ID_HEADER, d.documentId().replaceAll("[^\\x20-\\x7E]", "?"))
                .header("Edxml-Trace", handed.trace())
                .header("Digest", "sha-256=" + handed.sha256())
                .header(ATTEMPT_HEADER, Integer.toString(attempt))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(
                        WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(d.secret(), timestamp, handed.content()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(handed.content()))
                .build();
    }

    private void failed(Due d, int attempt, String failure) {
        Instant now = clock.instant();
        boolean giveUp = attempt >= settings.maxAttempts();
        Instant next = giveUp ? null : now.plus(settings.waitAfter(attempt));
        jdbc.update(
                "UPDATE delivery SET push_attempts = ?, next_push_at = ?, last_push_error = ?,"
                        + " state = CASE WHEN ? THEN 'PUSH_FAILED' ELSE state END WHERE id = ?",
                attempt,
                next == null ? null : Timestamp.from(next),
                failure,
                giveUp,
                d.id());
        String description = giveUp
                ? "Đẩy đến webhook không thành công sau " + attempt + " lần (" + failure
                        + "); dừng đẩy, chờ bên gửi hoặc quản trị gửi lại."
                : "Lần đẩy thứ " + attempt + " không thành công (" + failure + "); thử lại lúc " + next + ".";
        jdbc.update(
                "INSERT INTO delivery_event (delivery_id, kind, description, recorded_at, actor) VALUES (?, ?, ?, ?, ?)",
                d.id(),
                giveUp ? "PUSH_FAILED" : "PUSH_RETRY",
                description,
                Timestamp.from(now),
                AXIS);
        log.warn(
                "push of delivery {} failed (attempt {}{}): {}", d.id(), attempt, giveUp ? ", giving up" : "", failure);
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
