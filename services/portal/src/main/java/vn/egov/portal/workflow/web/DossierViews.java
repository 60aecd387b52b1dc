package vn.egov.portal.workflow.web;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.workflow.DossierAction;

/** The dossier as the workflow endpoints answer it (no form data, no personal data beyond the name). */
final class DossierViews {

    private DossierViews() {}

    static Map<String, Object> of(Dossier d, DossierAction.Performer performer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", d.id());
        body.put("code", d.code());
        body.put("procedureCode", d.procedureCode());
        body.put("agencyCode", d.agencyCode());
        body.put("applicantName", d.applicantName());
        body.put("status", d.status().code());
        body.put("statusLabel", d.status().label());
        body.put("version", d.version());
        body.put("submittedAt", d.submittedAt());
        body.put("receivedAt", d.receivedAt());
        body.put("dueDate", d.dueDate());
        body.put("rescheduledDate", d.rescheduledDate());
        body.put("promisedDate", d.promisedDate());
        body.put("completedAt", d.completedAt());
        body.put("returnedAt", d.returnedAt());
        body.put("assignee", d.assignee());
        body.put("allowedActions", DossierAction.allowed(d.status(), performer));
        return body;
    }
}
