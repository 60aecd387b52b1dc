package vn.egov.interchange.messagelog.web;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.messagelog.Checkpoint;
import vn.egov.interchange.messagelog.LogEntry;
import vn.egov.interchange.messagelog.LogVerifier;
import vn.egov.interchange.messagelog.MessageLog;
import vn.egov.interchange.messagelog.Timestamper;
import vn.egov.interchange.pki.Pem;

/**
 * The message log for auditors: {@code GET /api/interchange/message-log} exports entries with their checkpoints and
 * the TSA certificate; {@code POST /api/interchange/message-log/verify} checks such an export and names the first
 * broken link (the same check as the offline CLI).
 */
@RestController
public class MessageLogController {

    private final MessageLog log;
    private final Timestamper timestamper;

    MessageLogController(MessageLog log, Timestamper timestamper) {
        this.log = log;
        this.timestamper = timestamper;
    }

    /** An export: entries from {@code fromSeq}, the hash before them, checkpoints among them, the TSA certificate. */
    public record Export(
            String previousHash, List<LogEntry> entries, List<Checkpoint> checkpoints, String tsaCertificatePem) {

        public LogVerifier.Result verify() {
            return LogVerifier.verify(
                    entries == null ? List.of() : entries,
                    checkpoints == null ? List.of() : checkpoints,
                    previousHash == null ? LogEntry.GENESIS : previousHash,
                    Pem.parseCertificate(tsaCertificatePem));
        }
    }

    @GetMapping("/api/interchange/message-log")
    @PreAuthorize("hasAnyRole('auditor','platform-admin')")
    Export export(@RequestParam(defaultValue = "1") long fromSeq, @RequestParam(defaultValue = "10000") int limit) {
        log.chain(); // include what was accepted up to now
        long from = Math.max(1, fromSeq);
        List<LogEntry> entries = log.entries(from, Math.max(1, Math.min(limit, 100_000)));
        String previous = from == 1
                ? LogEntry.GENESIS
                : log.entries(from - 1, 1).stream()
                        .map(LogEntry::hash)
                        .findFirst()
                        .orElse(LogEntry.GENESIS);
        long to = entries.isEmpty() ? from - 1 : entries.getLast().seq();
        return new Export(previous, entries, log.checkpoints(from, to), Pem.certificate(timestamper.certificate()));
    }

    @PostMapping("/api/interchange/message-log/verify")
    @PreAuthorize("hasAnyRole('auditor','platform-admin')")
    LogVerifier.Result verify(@RequestBody Export export) {
        return export.verify();
    }
}
