package vn.egov.portal.payment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.payment.Payment;
import vn.egov.portal.payment.PaymentCallbacks;
import vn.egov.portal.payment.PaymentStatus;
import vn.egov.portal.payment.Payments;
import vn.egov.portal.payment.Reconciliation;
import vn.egov.portal.payment.ResolvePayments;
import vn.egov.portal.payment.SettlePayment;
import vn.egov.portal.payment.StartPayment;

/**
 * Thanh toán phí, lệ phí trực tuyến: the owner pays a dossier's fees through the payment platform; the provider
 * calls back; owner and the agency's officers see the payment and its receipt (biên lai); auditors see the
 * reconciliation.
 */
@RestController
@RequestMapping("/api/portal/payments")
class PaymentController {

    private final StartPayment start;
    private final Payments payments;
    private final PaymentCallbacks callbacks;
    private final ResolvePayments resolve;
    private final Reconciliation reconciliation;

    PaymentController(
            StartPayment start,
            Payments payments,
            PaymentCallbacks callbacks,
            ResolvePayments resolve,
            Reconciliation reconciliation) {
        this.start = start;
        this.payments = payments;
        this.callbacks = callbacks;
        this.resolve = resolve;
        this.reconciliation = reconciliation;
    }

    record StartRequest(@NotNull UUID dossierId) {}

    /** A payment as its owner and the agency see it; {@code redirectUrl} only while it can still be paid. */
    record PaymentView(
            UUID id,
            UUID dossierId,
            String dossierCode,
            String agencyCode,
            long amount,
            List<Payment.FeeItem> feeItems,
            String method,
            PaymentStatus status,
            String statusReason,
            int version,
            Instant createdAt,
            Instant paidAt,
            String receiptNumber,
            String providerTransactionId,
            String redirectUrl) {}

    @PostMapping
    ResponseEntity<PaymentView> start(
            Caller caller,
            @Valid @RequestBody StartRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ApiProblem.badField("invalid", "Idempotency-Key", "phải có từ 1 đến 100 ký tự");
        }
        StartPayment.Started started = start.start(caller, request.dossierId(), idempotencyKey);
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view(started.payment(), started.redirectUrl()));
    }

    @GetMapping("/{id}")
    PaymentView get(Caller caller, @PathVariable UUID id) {
        return view(visible(caller, id));
    }

    @GetMapping(params = "dossierId")
    List<PaymentView> ofDossier(Caller caller, @RequestParam UUID dossierId) {
        return payments.ofDossier(dossierId).stream()
                .filter(p -> canSee(caller, p))
                .map(this::view)
                .toList();
    }

    /** Asks the provider now (the owner back from the pay page without a result, or an officer checking). */
    @PostMapping("/{id}/status-query")
    PaymentView query(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        return view(resolve.query(id));
    }

    /** Biên lai thu phí, lệ phí: number, amount, fee lines and time of payment. */
    record Receipt(
            String title,
            String receiptNumber,
            UUID paymentId,
            String payerName,
            String dossierCode,
            String procedureCode,
            String procedureName,
            String agencyCode,
            String agencyName,
            long amount,
            String currency,
            List<Payment.FeeItem> feeItems,
            Instant paidAt,
            String providerTransactionId,
            String method) {}

    @GetMapping("/{id}/receipt")
    Receipt receipt(Caller caller, @PathVariable UUID id) {
        Payment p = visible(caller, id);
        if (p.status() != PaymentStatus.PAID) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "payment-not-paid",
                    "Giao dịch chưa được thanh toán (trạng thái " + p.status() + "), chưa có biên lai");
        }
        Payments.ReceiptParties parties = payments.receiptParties(p);
        return new Receipt(
                "Biên lai thu phí, lệ phí",
                p.receiptNumber(),
                p.id(),
                parties.payerName(),
                p.dossierCode(),
                p.procedureCode(),
                parties.procedureName(),
                p.agencyCode(),
                parties.agencyName(),
                p.amount(),
                "VND",
                p.feeItems(),
                p.paidAt(),
                p.providerTransactionId(),
                p.method());
    }

    /** What the provider is told in answer to its callback: the payment's id and state, nothing personal. */
    record CallbackAnswer(
            String errorCode, UUID paymentId, PaymentStatus status, String receiptNumber, boolean replayed) {}

    @PostMapping(path = "/callback", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    CallbackAnswer callbackForm(@RequestParam MultiValueMap<String, String> params) {
        return answer(callbacks.receive(params.toSingleValueMap()));
    }

    @PostMapping(path = "/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
    CallbackAnswer callbackJson(@RequestBody Map<String, String> params) {
        return answer(callbacks.receive(params));
    }

    @GetMapping("/reconciliations/{day}")
    Reconciliation.Report reconciliation(Caller caller, @PathVariable LocalDate day) {
        if (!caller.hasRole(EgovRoles.PLATFORM_ADMIN) && !caller.hasRole(EgovRoles.AUDITOR)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "forbidden", "Chỉ kiểm toán viên hoặc quản trị xem được đối soát");
        }
        return reconciliation
                .latest(day)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "reconciliation-not-found",
                        "Chưa có kết quả đối soát ngày " + day,
                        List.of(new FieldProblem("day", "chưa đối soát"))));
    }

    private static CallbackAnswer answer(SettlePayment.Settled settled) {
        Payment p = settled.payment();
        return new CallbackAnswer("00", p.id(), p.status(), p.receiptNumber(), settled.replayed());
    }

    private Payment visible(Caller caller, UUID id) {
        return payments.find(id)
                .filter(p -> canSee(caller, p))
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND, "payment-not-found", "Không tìm thấy giao dịch thanh toán " + id));
    }

    private static boolean canSee(Caller caller, Payment p) {
        if (caller.pid() != null && caller.pid().equals(p.payerPid())) {
            return true;
        }
        return (caller.hasRole(EgovRoles.OFFICER) || caller.hasRole(EgovRoles.AGENCY_ADMIN))
                && p.agencyCode().equals(caller.agencyCode());
    }

    private PaymentView view(Payment p) {
        return view(p, p.status() == PaymentStatus.PENDING ? start.redirectUrl(p) : null);
    }

    private static PaymentView view(Payment p, String redirectUrl) {
        return new PaymentView(
                p.id(),
                p.dossierId(),
                p.dossierCode(),
                p.agencyCode(),
                p.amount(),
                p.feeItems(),
                p.method(),
                p.status(),
                p.statusReason(),
                p.version(),
                p.createdAt(),
                p.paidAt(),
                p.receiptNumber(),
                p.providerTransactionId(),
                redirectUrl);
    }
}
