package vn.egov.portal.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.workflow.DossierAction;
import vn.egov.portal.workflow.StepGuard;

/**
 * While a transfer is open (waiting to be sent, sent, or being handled by the other agency) the dossier cannot be
 * completed, requested for payment or transferred again: 409 {@code transfer-open}.
 */
@Component
class TransferGuard implements StepGuard {

    private final Transfers transfers;

    TransferGuard(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public void check(Dossier dossier, DossierAction action) {
        if (action != DossierAction.COMPLETE
                && action != DossierAction.TRANSFER
                && action != DossierAction.REQUEST_PAYMENT) {
            return;
        }
        transfers.openOf(dossier.id()).ifPresent(t -> {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "transfer-open",
                    "Hồ sơ đang được chuyển liên thông tới " + t.toAgency() + " (" + t.state()
                            + "); chờ cơ quan đó xử lý xong trước khi thực hiện thao tác \"" + action.path() + "\".");
        });
    }
}
