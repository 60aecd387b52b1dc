package vn.egov.portal.payment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.outbox.Outbox;

/**
 * The payment events, topic {@code portal.payment.v1}: one {@code status-changed} per status change of a payment,
 * appended to the outbox in the transaction of the change (subject and key = the payment's id). Codes, amounts and
 * statuses only, no payer data (schema {@code contracts/events/vn.egov.portal.payment.status-changed.v1}).
 */
@Component
public class PaymentEvents {

    public static final String TOPIC = "portal.payment.v1";
    public static final String STATUS_CHANGED = "vn.egov.portal.payment.status-changed.v1";

    private final Outbox outbox;

    public PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void statusChanged(Payment payment, PaymentStatus previous) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", payment.id().toString());
        data.put("dossierId", payment.dossierId().toString());
        data.put("dossierCode", payment.dossierCode());
        data.put("agencyCode", payment.agencyCode());
        data.put("amount", payment.amount());
        data.put("method", payment.method());
        data.put("status", payment.status().name());
        data.put("previousStatus", previous == null ? null : previous.name());
        data.put("version", payment.version());
        data.put("occurredAt", payment.updatedAt().toString());
        if (payment.paidAt() != null) {
            data.put("paidAt", payment.paidAt().toString());
        }
        outbox.append(TOPIC, STATUS_CHANGED, payment.id().toString(), data);
    }
}
