package vn.egov.portal.payment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;

/**
 * What a settled payment does to its dossier, in the payment's transaction: a dossier waiting for its financial
 * obligation (status 6) goes back to processing (4); any other dossier gets a history line recording the payment.
 */
@Component
public class DossierAfterPayment {

    private final Dossiers dossiers;

    public DossierAfterPayment(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    /**
     * Resumes processing of a dossier whose fees are now paid. Until the workflow offers its own step for "financial
     * obligation fulfilled", this is the one place that moves the dossier from 6 to 4; replace its body with that
     * step when it exists.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resumeProcessingAfterPayment(Payment paid) {
        Dossier locked = dossiers.lock(paid.dossierId()).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentId", paid.id().toString());
        details.put("receiptNumber", paid.receiptNumber());
        details.put("amount", paid.amount());
        String note = "Đã thanh toán phí, lệ phí " + paid.amount() + " đồng, biên lai số " + paid.receiptNumber();
        Dossiers.Actor actor = new Dossiers.Actor(paid.payerPid(), null);
        if (locked.status() == DossierStatus.PAYMENT_REQUESTED) {
            dossiers.change(locked, Dossiers.Change.to(DossierStatus.IN_PROCESS), "PAID", actor, note, details);
        } else {
            dossiers.history(
                    locked.id(),
                    locked.version(),
                    "PAID",
                    locked.status(),
                    locked.status(),
                    actor,
                    note,
                    details,
                    paid.updatedAt());
        }
    }
}
