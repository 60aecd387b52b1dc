package vn.egov.portal.result.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.result.ResultDocuments;

/**
 * {@code GET /api/portal/dossiers/{id}/result}: the signed e-result of a done dossier, for the citizen who owns it
 * and for the staff of the agency handling it (others: 404). The signature is verified again on every read
 * against the agency's certificate; {@code signature.valid} false (with the reason) means the stored document was
 * altered or the key no longer matches, and it must not be relied upon.
 */
@RestController
@PreAuthorize("hasAnyRole('citizen', 'officer', 'clerk')")
class ResultController {

    private final Dossiers dossiers;
    private final ResultDocuments results;

    ResultController(Dossiers dossiers, ResultDocuments results) {
        this.dossiers = dossiers;
        this.results = results;
    }

    @GetMapping("/api/portal/dossiers/{id}/result")
    Map<String, Object> result(Caller caller, @PathVariable UUID id) {
        Dossier dossier = dossiers.find(id).filter(d -> visible(d, caller)).orElseThrow(ResultController::notFound);
        ResultDocuments.VerifiedResult verified = results.read(dossier.id()).orElseThrow(ResultController::notFound);
        ResultDocuments.StoredResult r = verified.result();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierId", dossier.id());
        body.put("dossierCode", dossier.code());
        body.put("procedureCode", dossier.procedureCode());
        body.put("agencyCode", dossier.agencyCode());
        body.put("decision", r.decision());
        body.put("issuedOn", r.issuedOn());
        body.put("signedBy", r.signedBy());
        body.put("signedAt", r.signedAt());
        body.put("sha256", r.sha256());
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("valid", verified.verification().valid());
        signature.put("detail", verified.verification().detail());
        signature.put("certificateSubject", verified.signer());
        signature.put("certificateSha256", r.certificateSha256());
        body.put("signature", signature);
        body.put("document", ResultDocuments.text(r));
        return body;
    }

    private static boolean visible(Dossier d, Caller caller) {
        if (d.isDraft()) {
            return false;
        }
        if (caller.hasRole(EgovRoles.CITIZEN)
                && caller.pid() != null
                && caller.pid().equals(d.applicantPid())) {
            return true;
        }
        return (caller.hasRole(EgovRoles.OFFICER) || caller.hasRole(EgovRoles.CLERK))
                && d.agencyCode().equals(caller.agencyCode());
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "result-not-found", "Hồ sơ chưa có kết quả điện tử.");
    }
}
