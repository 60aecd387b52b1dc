package vn.egov.portal.workflow.web;

import java.time.LocalDate;
import java.util.List;
import vn.egov.portal.workflow.StepInput;

/**
 * The body of a dossier step; each action reads its own fields: {@code note} (any), {@code reason} (refuse, stop,
 * apology), {@code items} (request-supplement), {@code assignee} (assign), {@code decision} (complete),
 * {@code newDate} (apology), {@code supplied} (supplement).
 */
record ActionRequest(
        String note,
        String reason,
        List<StepInput.MissingItem> items,
        String assignee,
        String decision,
        LocalDate newDate,
        List<String> supplied) {

    StepInput input() {
        return new StepInput(note, reason, items, assignee, decision, newDate, supplied);
    }

    static StepInput input(ActionRequest request) {
        return request == null ? StepInput.none() : request.input();
    }
}
