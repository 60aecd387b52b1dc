package vn.egov.portal.payment;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/**
 * Kết quả thanh toán do nền tảng gửi về: the provider's signed callback. The checksum and the merchant code are
 * checked before anything is read; a bad one changes nothing.
 *
 * <p>Parameters: {@code merchant_code}, {@code order_id} (the payment's id), {@code transaction_id},
 * {@code amount}, {@code currency_code} (VND), {@code status} (PAID or FAILED), {@code paid_at}
 * ({@code yyyyMMddHHmmss}, Vietnam time, when PAID), {@code error_code} ({@code 00} when paid), {@code check_sum}.
 */
@Component
public class PaymentCallbacks {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

    private final PayGovProtocol protocol;
    private final PaymentProperties properties;
    private final SettlePayment settle;

    public PaymentCallbacks(PayGovProtocol protocol, PaymentProperties properties, SettlePayment settle) {
        this.protocol = protocol;
        this.properties = properties;
        this.settle = settle;
    }

    public SettlePayment.Settled receive(Map<String, String> params) {
        if (!protocol.verify(params)) {
            log.warn("payment callback with a bad checksum for order {}", params.get("order_id"));
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "bad-checksum",
                    "Chữ ký (check_sum) của thông báo kết quả thanh toán không hợp lệ",
                    List.of(new FieldProblem(PayGovProtocol.CHECK_SUM, "không khớp với nội dung thông báo")));
        }
        if (!properties.provider().merchantCode().equals(params.get("merchant_code"))) {
            throw badField("merchant_code", "không phải mã đơn vị của cổng");
        }
        Parsed parsed = parse(params);
        return settle.apply(parsed.orderId(), parsed.result(), "CALLBACK", params);
    }

    /** The order id and result of a signed provider message (callback or query answer). */
    record Parsed(UUID orderId, SettlePayment.ProviderResult result) {}

    static Parsed parse(Map<String, String> params) {
        List<FieldProblem> errors = new ArrayList<>();
        UUID orderId = null;
        try {
            orderId = UUID.fromString(String.valueOf(params.get("order_id")));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem("order_id", "không phải mã giao dịch của cổng"));
        }
        long amount = -1;
        try {
            amount = Long.parseLong(String.valueOf(params.get("amount")));
        } catch (NumberFormatException e) {
            errors.add(new FieldProblem("amount", "phải là số tiền nguyên (đồng)"));
        }
        PaymentStatus status =
                switch (String.valueOf(params.get("status"))) {
                    case "PAID" -> PaymentStatus.PAID;
                    case "FAILED" -> PaymentStatus.FAILED;
                    default -> {
                        errors.add(new FieldProblem("status", "phải là PAID hoặc FAILED"));
                        yield null;
                    }
                };
        Instant paidAt = null;
        if (status == PaymentStatus.PAID) {
            try {
                paidAt = PayGovProtocol.parseTime(String.valueOf(params.get("paid_at")));
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem("paid_at", "phải có dạng yyyyMMddHHmmss"));
            }
            if (params.get("transaction_id") == null
                    || params.get("transaction_id").isBlank()) {
                errors.add(new FieldProblem("transaction_id", "bắt buộc khi đã thanh toán"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "invalid", "Thông báo kết quả thanh toán không hợp lệ", errors);
        }
        return new Parsed(
                orderId, new SettlePayment.ProviderResult(status, params.get("transaction_id"), amount, paidAt));
    }

    private static ApiProblem badField(String field, String reason) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid",
                "Thông báo kết quả thanh toán không hợp lệ",
                List.of(new FieldProblem(field, reason)));
    }
}
