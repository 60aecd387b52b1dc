package vn.egov.portal.transfer;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;

/**
 * The two transfer jobs, each on one replica at a time (ShedLock): sending pending transfers to the interchange
 * (the stored signed bytes, so a resend is recognised as a duplicate; unreachable, 5xx, 429 → retried with
 * doubling back-off up to {@code max-retry}, indefinitely; another 4xx → {@code FAILED} with the interchange's
 * problem, not retried), and following the other agency's status on the interchange's timeline (01, 03–05: it
 * received/works on it; 02: it refused; 06: it finished — the dossier comes back to the desk to be completed).
 * Every outcome is a line in the dossier's history.
 */
@Component
public class TransferJobs {

    private static final Logger log = LoggerFactory.getLogger(TransferJobs.class);

    private final Transfers transfers;
    private final Dossiers dossiers;
    private final InterchangeClient interchange;
    private final TransferProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    public TransferJobs(
            Transfers transfers,
            Dossiers dossiers,
            InterchangeClient interchange,
            TransferProperties properties,
            TransactionTemplate tx,
            Clock clock) {
        this.transfers = transfers;
        this.dossiers = dossiers;
        this.interchange = interchange;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${egov.portal.transfer.send-every:PT15S}",
            initialDelayString = "${egov.portal.transfer.send-every:PT15S}")
    @SchedulerLock(name = "portal.send-transfers", lockAtMostFor = "PT5M")
    public void scheduledSend() {
        sendDue();
    }

    @Scheduled(
            fixedDelayString = "${egov.portal.transfer.follow-every:PT1M}",
            initialDelayString = "${egov.portal.transfer.follow-every:PT1M}")
    @SchedulerLock(name = "portal.follow-transfers", lockAtMostFor = "PT5M")
    public void scheduledFollow() {
        followStatuses();
    }

    /** Sends the transfers whose attempt is due; returns how many the interchange accepted. */
    public int sendDue() {
        int accepted = 0;
        for (Transfer t : transfers.due(clock.instant(), properties.batch())) {
            byte[] signed = transfers.packageOf(t.id());
            InterchangeClient.Answer answer;
            try {
                answer = interchange.send(signed);
            } catch (IOException e) {
                retry(t, "Không kết nối được trục liên thông: " + e.getClass().getSimpleName());
                continue;
            }
            if (answer.accepted()) {
                accepted++;
                UUID id = UUID.fromString(answer.body().path("id").asString());
                boolean duplicate = answer.body().path("duplicate").asBoolean(false);
                tx.executeWithoutResult(s -> {
                    Instant now = clock.instant();
                    transfers.sent(t.id(), id, now);
                    history(
                            t,
                            "TRANSFER_SENT",
                            "Trục liên thông đã nhận gói tin " + t.documentId(),
                            Map.of(
                                    "interchangeId",
                                    id.toString(),
                                    "attempt",
                                    t.attempts() + 1,
                                    "duplicate",
                                    duplicate));
                });
            } else if (answer.transientFailure()) {
                retry(t, "Trục liên thông trả lời " + answer.status());
            } else {
                String problem = answer.body().path("code").asString("http-" + answer.status()) + ": "
                        + answer.body().path("detail").asString("");
                tx.executeWithoutResult(s -> {
                    transfers.failed(t.id(), problem, clock.instant());
                    history(
                            t,
                            "TRANSFER_FAILED",
                            "Trục liên thông từ chối gói tin: " + problem,
                            Map.of("status", answer.status(), "problem", problem));
                });
                log.warn("transfer {} refused by the interchange: {}", t.id(), problem);
            }
        }
        return accepted;
    }

    /** Reads the other agency's status for sent transfers; returns how many moved on. */
    public int followStatuses() {
        int moved = 0;
        for (Transfer t : transfers.following(properties.batch())) {
            InterchangeClient.Answer answer;
            try {
                answer = interchange.timeline(t.interchangeId());
            } catch (IOException e) {
                tx.executeWithoutResult(s -> transfers.followed(t.id(), clock.instant()));
                continue;
            }
            JsonNode recipient = recipient(answer, t.toAgency());
            String code = recipient == null || recipient.path("statusCode").isNull()
                    ? null
                    : recipient.path("statusCode").asString(null);
            if (code == null || code.equals(t.statusCode())) {
                tx.executeWithoutResult(s -> transfers.followed(t.id(), clock.instant()));
                continue;
            }
            String meaning = recipient.path("statusMeaning").asString(code);
            tx.executeWithoutResult(s -> apply(t, code, meaning));
            moved++;
        }
        return moved;
    }

    private void apply(Transfer t, String code, String meaning) {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", t.id().toString());
        details.put("toAgency", t.toAgency());
        details.put("statusCode", code);
        Dossiers.Actor actor = new Dossiers.Actor("interchange", t.toAgency());
        switch (code) {
            case "02", "06" -> {
                boolean done = code.equals("06");
                transfers.status(t.id(), done ? Transfer.State.COMPLETED : Transfer.State.REFUSED, code, now);
                Dossier locked = dossiers.lock(t.dossierId()).orElseThrow();
                dossiers.change(
                        locked,
                        Dossiers.Change.to(locked.status()),
                        done ? "TRANSFER_COMPLETED" : "TRANSFER_REFUSED",
                        actor,
                        (done
                                        ? "Cơ quan " + t.toAgency() + " đã xử lý xong phần liên thông"
                                        : "Cơ quan " + t.toAgency() + " từ chối tiếp nhận hồ sơ liên thông")
                                + " (" + meaning + ")",
                        details);
            }
            case "01", "03", "04", "05" -> {
                transfers.status(t.id(), code.equals("01") ? Transfer.State.SENT : Transfer.State.ACCEPTED, code, now);
                history(t, "TRANSFER_STATUS", "Cơ quan " + t.toAgency() + ": " + meaning, details);
            }
            default -> {
                transfers.status(t.id(), t.state(), code, now);
                history(t, "TRANSFER_STATUS", "Cơ quan " + t.toAgency() + ": " + meaning, details);
            }
        }
    }

    private static JsonNode recipient(InterchangeClient.Answer answer, String agency) {
        if (answer.status() != 200) {
            return null;
        }
        for (JsonNode r : answer.body().path("recipients")) {
            if (agency.equals(r.path("recipient").asString(null))) {
                return r;
            }
        }
        return null;
    }

    private void retry(Transfer t, String error) {
        Instant now = clock.instant();
        Instant next = now.plus(properties.backoff(t.attempts() + 1));
        tx.executeWithoutResult(s -> transfers.retryLater(t.id(), error, next, now));
        log.info("transfer {} not sent ({}), attempt {}, next at {}", t.id(), error, t.attempts() + 1, next);
    }

    private void history(Transfer t, String action, String note, Map<String, ?> details) {
        Dossier d = dossiers.find(t.dossierId()).orElseThrow();
        dossiers.history(
                d.id(),
                d.version(),
                action,
                d.status(),
                d.status(),
                new Dossiers.Actor("interchange", t.toAgency()),
                note,
                details,
                clock.instant());
    }
}
