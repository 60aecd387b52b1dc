package vn.egov.portal.payment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.workflow.Workflow;

/**
 * What a settled payment does to its dossier, in the payment's transaction: a dossier waiting for its financial
 * obligation (status 6) goes back to processing (4) through the one-stop workflow's own step; any other dossier gets
 * a history line recording the payment.
 */
@Component
public class DossierAfterPayment {

    private final Dossiers dossiers;
    private final Workflow workflow;

    public DossierAfterPayment(Dossiers dossiers, Workflow workflow) {
        this.dossiers = dossiers;
        this.workflow = workflow;
    }

    /** Resumes processing of a dossier whose fees are now paid (the workflow's {@code paid} step, 6 → 4). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resumeProcessingAfterPayment(Payment paid) {
        if (workflow.paid(paid.dossierId(), paid.receiptNumber())) {
            return;
        }
        Dossier locked = dossiers.lock(paid.dossierId()).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentId", paid.id().toString());
        details.put("receiptNumber", paid.receiptNumber());
        details.put("amount", paid.amount());
        dossiers.history(
                locked.id(),
                locked.version(),
                "PAID",
                locked.status(),
                locked.status(),
                new Dossiers.Actor("payment-platform", null),
                "Đã thanh toán phí, lệ phí " + paid.amount() + " đồng, biên lai số " + paid.receiptNumber(),
                details,
                paid.updatedAt());
    }
}
