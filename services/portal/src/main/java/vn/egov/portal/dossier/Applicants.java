package vn.egov.portal.dossier;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * Người nộp hồ sơ — the citizen behind a request, as the token says ({@code pid}), and the rule that a citizen
 * reaches only their own dossiers: someone else's dossier answers exactly like a dossier that does not exist.
 */
public final class Applicants {

    private Applicants() {}

    /** The caller's personal ID number; 403 {@code no-pid-claim} when the token has none. */
    public static String pid(Caller caller) {
        if (caller.pid() == null || caller.pid().isBlank()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-pid-claim",
                    "Mã truy cập không có số định danh cá nhân của công dân (pid).");
        }
        return caller.pid();
    }

    /** The caller's own dossier, or 404 {@code dossier-not-found} (also for another citizen's dossier). */
    public static Dossier own(Dossier dossier, String pid) {
        if (dossier == null || !dossier.applicantPid().equals(pid)) {
            throw dossierNotFound();
        }
        return dossier;
    }

    public static ApiProblem dossierNotFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "dossier-not-found", "Không tìm thấy hồ sơ.");
    }

    /** Reads the caller's own dossier by id (404 otherwise). */
    public static Dossier own(Dossiers dossiers, UUID id, String pid) {
        return own(dossiers.find(id).orElse(null), pid);
    }
}
