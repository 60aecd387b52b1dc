package vn.egov.portal.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * What a step carries besides the action: a note for the history, the reason of a refusal/stop/apology, the
 * missing items of a supplement request, the assignee, the decision text of the result, the apology's new date,
 * the items a citizen supplied. Each action reads only its own fields.
 */
public record StepInput(
        String note,
        String reason,
        List<MissingItem> items,
        String assignee,
        String decision,
        LocalDate newDate,
        List<String> supplied) {

    public static StepInput none() {
        return new StepInput(null, null, null, null, null, null, null);
    }

    public static StepInput note(String note) {
        return new StepInput(note, null, null, null, null, null, null);
    }

    /** Thành phần hồ sơ còn thiếu: one missing or incomplete document of a supplement request. */
    public record MissingItem(String code, String name, String reason) {}
}
