package vn.egov.portal.payment.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.payment.EmbeddedPaymentProvider;
import vn.egov.portal.payment.PayGovProtocol;
import vn.egov.portal.payment.PaymentCallbacks;
import vn.egov.portal.payment.PaymentProperties;

/**
 * SANDBOX of the national payment platform (môi trường thử nghiệm — collects no money): the default provider of the
 * embedded stack. It keeps its own ledger ({@code sandbox_paygov_transaction}), checks and signs every message with
 * the same protocol and shared secret as a real provider ({@link PayGovProtocol}), delivers the signed callback to
 * the portal in-process, answers status queries and the daily settlement list. Served over HTTP under
 * {@code /sandbox/paygov/**} ({@link SandboxPayGovController}). A fault switch simulates an unreachable provider.
 */
@Component
@ConditionalOnProperty(prefix = "egov.portal.payment.sandbox", name = "enabled", matchIfMissing = true)
public class SandboxPaymentProvider implements EmbeddedPaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

    /** What the payer does on the sandbox's pay page. */
    public enum Outcome {
        /** pays; the callback is delivered */
        PAID,
        /** the payment fails (card refused, payer cancels); the callback is delivered */
        FAILED,
        /** pays, but the callback never reaches the portal (lost, timed out) */
        PAID_NO_CALLBACK
    }

    /** The result of the payer's action: the signed callback and where the browser returns. */
    public record Completed(Map<String, String> callback, String returnUrl, boolean delivered, String deliveryError) {}

    private final JdbcClient jdbc;
    private final PayGovProtocol protocol;
    private final PaymentProperties properties;
    private final ObjectProvider<PaymentCallbacks> portal;
    private final Clock clock;
    private volatile boolean unreachable;

    public SandboxPaymentProvider(
            JdbcClient jdbc,
            PayGovProtocol protocol,
            PaymentProperties properties,
            ObjectProvider<PaymentCallbacks> portal,
            Clock clock) {
        this.jdbc = jdbc;
        this.protocol = protocol;
        this.properties = properties;
        this.portal = portal;
        this.clock = clock;
    }

    /** Fault switch: while on, queries and settlement lists fail as if the provider timed out. */
    public void unreachable(boolean on) {
        this.unreachable = on;
    }

    /** The payer arrives with the portal's signed PAY request: checked, and the order entered in the ledger. */
    public Map<String, Object> open(Map<String, String> request) {
        check(request);
        if (!"PAY".equals(request.get("command"))) {
            throw bad("command", "phải là PAY");
        }
        long amount = amount(request);
        jdbc.sql("""
                        insert into sandbox_paygov_transaction (order_id, merchant_code, amount, order_info, return_url,
                          status, created_at) values (?, ?, ?, ?, ?, 'PENDING', ?)
                        on conflict (order_id) do nothing""")
                .params(
                        request.get("order_id"),
                        request.get("merchant_code"),
                        amount,
                        request.get("order_info"),
                        request.get("return_url"),
                        Timestamp.from(clock.instant()))
                .update();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("sandbox", true);
        page.put("notice", "MÔI TRƯỜNG THỬ NGHIỆM — không thu tiền thật");
        page.put("orderId", request.get("order_id"));
        page.put("amount", amount);
        page.put("orderInfo", request.get("order_info"));
        page.put("status", ledgerStatus(request.get("order_id")).orElse("PENDING"));
        page.put(
                "actions",
                "POST /sandbox/paygov/pay/" + request.get("order_id") + "?outcome=PAID|FAILED|PAID_NO_CALLBACK");
        return page;
    }

    /** The payer's action on the pay page: the ledger settles (once) and the signed callback goes to the portal. */
    public Completed complete(String orderId, Outcome outcome) {
        Instant now = clock.instant();
        String transactionId =
                "SBX" + now.toEpochMilli() + ThreadLocalRandom.current().nextInt(1000, 10000);
        int changed = jdbc.sql("""
                        update sandbox_paygov_transaction set status = ?, transaction_id = ?, paid_at = ?
                        where order_id = ? and status = 'PENDING'""")
                .params(
                        outcome == Outcome.FAILED ? "FAILED" : "PAID",
                        transactionId,
                        outcome == Outcome.FAILED ? null : Timestamp.from(now),
                        orderId)
                .update();
        Ledger row = ledger(orderId)
                .orElseThrow(() ->
                        new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Sandbox: không có giao dịch " + orderId));
        if (changed == 0 && log.isInfoEnabled()) {
            log.info("sandbox: order {} was already {}; the same result is sent again", orderId, row.status());
        }
        Map<String, String> callback = protocol.sign(result(row));
        String returnUrl = row.returnUrl() == null ? null : PayGovProtocol.url(row.returnUrl(), callback);
        if (outcome == Outcome.PAID_NO_CALLBACK) {
            return new Completed(callback, returnUrl, false, "callback not sent (simulated loss)");
        }
        try {
            portal.getObject().receive(callback);
            return new Completed(callback, returnUrl, true, null);
        } catch (RuntimeException e) {
            log.warn("sandbox: the portal refused the callback of {}: {}", orderId, e.getMessage());
            return new Completed(callback, returnUrl, false, e.getMessage());
        }
    }

    @Override
    public Map<String, String> query(Map<String, String> request) {
        failIfUnreachable();
        check(request);
        String orderId = request.get("order_id");
        return ledger(orderId).map(row -> protocol.sign(result(row))).orElseGet(() -> {
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("merchant_code", properties.provider().merchantCode());
            answer.put("order_id", orderId);
            answer.put("status", "NOT_FOUND");
            return protocol.sign(answer);
        });
    }

    @Override
    public List<Map<String, String>> settlements(Map<String, String> request) {
        failIfUnreachable();
        check(request);
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(request.get("date")), PayGovProtocol.DAY);
        } catch (java.time.format.DateTimeParseException e) {
            throw bad("date", "phải có dạng yyyyMMdd");
        }
        return jdbc
                .sql("""
                        select order_id, amount, status, transaction_id, paid_at, return_url
                        from sandbox_paygov_transaction
                        where status = 'PAID' and paid_at >= ? and paid_at < ? order by paid_at""")
                .params(
                        Timestamp.from(day.atStartOfDay(PayGovProtocol.VIETNAM).toInstant()),
                        Timestamp.from(day.plusDays(1)
                                .atStartOfDay(PayGovProtocol.VIETNAM)
                                .toInstant()))
                .query((rs, n) -> new Ledger(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .list()
                .stream()
                .map(row -> protocol.sign(result(row)))
                .toList();
    }

    private Map<String, String> result(Ledger row) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("merchant_code", properties.provider().merchantCode());
        result.put("order_id", row.orderId());
        result.put("amount", Long.toString(row.amount()));
        result.put("currency_code", "VND");
        result.put("status", row.status());
        if (row.transactionId() != null) {
            result.put("transaction_id", row.transactionId());
        }
        if (row.paidAt() != null) {
            result.put("paid_at", PayGovProtocol.time(row.paidAt()));
        }
        result.put("error_code", "PAID".equals(row.status()) ? "00" : "PENDING".equals(row.status()) ? "01" : "99");
        return result;
    }

    private record Ledger(
            String orderId, long amount, String status, String transactionId, Instant paidAt, String returnUrl) {}

    private Optional<Ledger> ledger(String orderId) {
        return jdbc.sql("""
                        select order_id, amount, status, transaction_id, paid_at, return_url
                        from sandbox_paygov_transaction where order_id = ?""")
                .param(orderId)
                .query((rs, n) -> new Ledger(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .optional();
    }

    private Optional<String> ledgerStatus(String orderId) {
        return ledger(orderId).map(Ledger::status);
    }

    private void check(Map<String, String> request) {
        if (!protocol.verify(request)) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "bad-checksum",
                    "Sandbox: chữ ký (check_sum) của yêu cầu không hợp lệ",
                    List.of(new FieldProblem(PayGovProtocol.CHECK_SUM, "không khớp với nội dung yêu cầu")));
        }
        if (!properties.provider().merchantCode().equals(request.get("merchant_code"))) {
            throw bad("merchant_code", "không phải đơn vị đã đăng ký");
        }
        if (request.get("order_id") == null && request.get("date") == null) {
            throw bad("order_id", "bắt buộc");
        }
    }

    private static long amount(Map<String, String> request) {
        try {
            long amount = Long.parseLong(String.valueOf(request.get("amount")));
            if (amount <= 0) {
                throw bad("amount", "phải lớn hơn 0");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw bad("amount", "phải là số tiền nguyên (đồng)");
        }
    }

    private void failIfUnreachable() {
        if (unreachable) {
            throw new ProviderUnavailableException(
                    "sandbox provider unreachable (fault switch on)", new java.net.SocketTimeoutException());
        }
    }

    private static ApiProblem bad(String field, String reason) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid",
                "Sandbox: yêu cầu không hợp lệ",
                List.of(new FieldProblem(field, reason)));
    }
}
