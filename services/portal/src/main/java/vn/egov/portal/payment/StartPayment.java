package vn.egov.portal.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;

/**
 * Tạo giao dịch thanh toán: the dossier's owner starts paying its fees. The amount is the sum of the procedure's fee
 * lines; the answer carries the signed URL of the provider's pay page. One {@code Idempotency-Key} gives one
 * transaction; a dossier has at most one transaction in flight and is paid at most once.
 */
@Component
public class StartPayment {

    /** Statuses in which fees can be paid: filed and not finished (6 is the agency's explicit request). */
    static final Set<DossierStatus> PAYABLE = EnumSet.of(
            DossierStatus.NEW,
            DossierStatus.ACCEPTED,
            DossierStatus.IN_PROCESS,
            DossierStatus.SUPPLEMENT_REQUESTED,
            DossierStatus.PAYMENT_REQUESTED);

    /** The transaction and whether this call created it. */
    public record Started(Payment payment, String redirectUrl, boolean created) {}

    private final Dossiers dossiers;
    private final Payments payments;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PayGovProtocol protocol;
    private final PaymentProperties properties;
    private final Clock clock;

    public StartPayment(
            Dossiers dossiers,
            Payments payments,
            JdbcClient jdbc,
            JsonMapper json,
            PayGovProtocol protocol,
            PaymentProperties properties,
            Clock clock) {
        this.dossiers = dossiers;
        this.payments = payments;
        this.jdbc = jdbc;
        this.json = json;
        this.protocol = protocol;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Started start(Caller caller, UUID dossierId, String idempotencyKey) {
        if (caller.pid() == null) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "citizen-only", "Chỉ chủ hồ sơ (công dân) mới thanh toán được phí, lệ phí");
        }
        if (idempotencyKey != null) {
            var existing = payments.findByKey(caller.pid(), idempotencyKey);
            if (existing.isPresent()) {
                if (!existing.get().dossierId().equals(dossierId)) {
                    throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Khóa Idempotency-Key đã được dùng cho một giao dịch của hồ sơ khác",
                            List.of(new FieldProblem("Idempotency-Key", "đã dùng cho hồ sơ khác")));
                }
                return new Started(existing.get(), redirectUrl(existing.get()), false);
            }
        }
        Dossier dossier = dossiers.lock(dossierId)
                .filter(d -> caller.pid().equals(d.applicantPid()))
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "dossier-not-found",
                        "Không tìm thấy hồ sơ " + dossierId + " của bạn",
                        List.of(new FieldProblem("dossierId", "không có hồ sơ này"))));
        if (dossier.status() == null || !PAYABLE.contains(dossier.status())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "dossier-not-payable",
                    "Hồ sơ đang ở trạng thái \""
                            + (dossier.status() == null
                                    ? "nháp"
                                    : dossier.status().label()) + "\", không thể thanh toán phí, lệ phí",
                    List.of(new FieldProblem("dossierId", "không ở trạng thái cần thanh toán")));
        }
        List<Payment> previous = payments.ofDossier(dossierId);
        for (Payment p : previous) {
            switch (p.status()) {
                case PAID ->
                    throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "already-paid",
                            "Phí, lệ phí của hồ sơ đã được thanh toán (biên lai số " + p.receiptNumber() + ")");
                case UNKNOWN ->
                    throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "payment-outcome-unknown",
                            "Giao dịch trước đang chờ xác nhận kết quả từ nền tảng thanh toán; vui lòng thử lại sau");
                case PENDING -> {
                    return new Started(p, redirectUrl(p), false);
                }
                default -> {}
            }
        }
        List<Payment.FeeItem> fees = fees(dossier.procedureCode());
        long amount = fees.stream().mapToLong(Payment.FeeItem::amount).sum();
        if (amount <= 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-fee", "Thủ tục của hồ sơ không thu phí, lệ phí");
        }
        Instant now = clock.instant();
        Payment created = payments.insert(new Payment(
                UUID.randomUUID(),
                dossier.id(),
                dossier.code(),
                dossier.procedureCode(),
                dossier.agencyCode(),
                caller.pid(),
                amount,
                fees,
                "ONLINE",
                PaymentStatus.PENDING,
                1,
                idempotencyKey,
                null,
                null,
                now,
                now,
                null,
                null));
        return new Started(created, redirectUrl(created), true);
    }

    /** The provider's pay page with the signed PAY request (stable: built from the stored transaction). */
    public String redirectUrl(Payment payment) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("version", PayGovProtocol.VERSION);
        params.put("command", "PAY");
        params.put("merchant_code", properties.provider().merchantCode());
        params.put("order_id", payment.id().toString());
        params.put("amount", Long.toString(payment.amount()));
        params.put("currency_code", "VND");
        params.put("order_info", "Thanh toan phi, le phi ho so " + payment.dossierCode());
        params.put("dossier_code", payment.dossierCode());
        params.put("procedure_code", payment.procedureCode());
        params.put("agency_code", payment.agencyCode());
        params.put(
                "fee_codes",
                payment.feeItems().stream().map(Payment.FeeItem::code).collect(Collectors.joining(",")));
        params.put("return_url", properties.returnUrl());
        params.put("create_date", PayGovProtocol.time(payment.createdAt()));
        params.put("locale", "vi");
        return PayGovProtocol.url(properties.provider().payUrl(), protocol.sign(params));
    }

    private List<Payment.FeeItem> fees(String procedureCode) {
        String fees = jdbc.sql("select fees::text from procedure where code = ?")
                .param(procedureCode)
                .query(String.class)
                .single();
        return json.readValue(fees, new TypeReference<List<Payment.FeeItem>>() {});
    }
}
