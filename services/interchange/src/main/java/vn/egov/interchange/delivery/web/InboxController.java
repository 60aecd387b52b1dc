package vn.egov.interchange.delivery.web;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.config.InterchangeProperties;
import vn.egov.interchange.delivery.DeliveryInbox;
import vn.egov.interchange.delivery.TraceHop;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/**
 * The pull inbox of an agency's system: {@code GET /api/interchange/inbox}, {@code GET .../{deliveryId}/package},
 * {@code POST .../{deliveryId}/ack}, {@code POST /api/interchange/inbox/ack} (several at once). The axis's hop is
 * reported in the {@code Edxml-Trace} header, and added inside the package as a {@code TraceHeader} when the sender's
 * signature leaves the trace headers out (see {@link TraceHop}); either way the sender's signature still verifies.
 */
@RestController
class InboxController {

    static final String RECEIVERS = "hasAnyRole('clerk','officer','integrator','agency-admin')";

    private final DeliveryInbox inbox;
    private final TraceHop traceHop;

    private final int maxPageSize;

    InboxController(DeliveryInbox inbox, TraceHop traceHop, InterchangeProperties properties) {
        this.inbox = inbox;
        this.traceHop = traceHop;
        this.maxPageSize = properties.inbox().maxPageSize();
    }

    record Page(List<DeliveryInbox.Entry> items, boolean more) {}

    @GetMapping("/api/interchange/inbox")
    @PreAuthorize(RECEIVERS)
    Page pending(Caller caller, @RequestParam(defaultValue = "50") int limit) {
        List<DeliveryInbox.Entry> items = inbox.pending(caller, limit + 1);
        int size = Math.max(1, limit);
        return items.size() > size ? new Page(items.subList(0, size), true) : new Page(items, false);
    }

    @GetMapping(path = "/api/interchange/inbox/{deliveryId}/package", produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize(RECEIVERS)
    ResponseEntity<byte[]> packageOf(Caller caller, @PathVariable UUID deliveryId) {
        DeliveryInbox.Package p = inbox.packageOf(caller, deliveryId);
        TraceHop.Handed handed = traceHop.handOver(p.content(), p.sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header("Edxml-Document-Id", p.documentId().replaceAll("[^\\x20-\\x7E]", "?"))
                .header("Edxml-Trace", handed.trace())
                .header("Digest", "sha-256=" + handed.sha256())
                .body(handed.content());
    }

    /** Several deliveries to acknowledge at once (at most the inbox's page size). */
    record AcknowledgeMany(List<UUID> deliveryIds) {}

    record Acknowledgements(List<DeliveryInbox.Acknowledgement> items) {}

    /**
     * Acknowledges a page of deliveries the recipient has stored, in one transaction: the same effect as one
     * {@code POST .../{deliveryId}/ack} per delivery, in fewer requests and one commit.
     */
    @PostMapping(path = "/api/interchange/inbox/ack", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(RECEIVERS)
    Acknowledgements acknowledgeMany(Caller caller, @RequestBody AcknowledgeMany request) {
        List<UUID> ids = request == null ? null : request.deliveryIds();
        if (ids == null || ids.isEmpty() || ids.size() > maxPageSize || ids.contains(null)) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Danh sách deliveryIds phải có từ 1 đến " + maxPageSize + " mã văn bản chuyển đến.",
                    List.of(new FieldProblem(
                            "deliveryIds", "Cần từ 1 đến " + maxPageSize + " mã (UUID), không có giá trị rỗng.")));
        }
        return new Acknowledgements(inbox.acknowledgeAll(caller, ids));
    }

    @PostMapping("/api/interchange/inbox/{deliveryId}/ack")
    @PreAuthorize(RECEIVERS)
    DeliveryInbox.Acknowledgement acknowledge(Caller caller, @PathVariable UUID deliveryId) {
        return inbox.acknowledge(caller, deliveryId);
    }
}
