package vn.egov.portal.workflow;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.dossier.DossierStatus;

/**
 * Bước xử lý không hợp lệ: a step out of order (e.g. complete before receive). Answered 409
 * {@code invalid-transition} with the current status and the actions allowed from it; nothing is changed.
 */
public class InvalidTransition extends ApiProblem {

    private final DossierStatus current;
    private final transient List<String> allowedActions;

    public InvalidTransition(DossierAction action, DossierStatus current, List<String> allowedActions) {
        super(
                HttpStatus.CONFLICT,
                "invalid-transition",
                "Không thể thực hiện thao tác \"" + action.path() + "\" khi hồ sơ đang ở trạng thái "
                        + current.code() + " (" + current.label() + "). Thao tác được phép: "
                        + (allowedActions.isEmpty() ? "không có" : String.join(", ", allowedActions)) + ".");
        this.current = current;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public DossierStatus current() {
        return current;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
