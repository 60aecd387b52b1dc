package vn.egov.reporting.kpi;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;

/**
 * Who sees which figures: the operations centre (platform administrators, auditors, and reporters of the
 * operations-centre agency, Văn phòng Chính phủ) sees the country and every agency; staff of an agency (officer,
 * clerk, reporter, agency administrator) see their own agency only; citizens and machine clients see the open
 * data only.
 */
@Component
public class KpiAccess {

    private final String operationsCentre;

    KpiAccess(KpiProperties properties) {
        this.operationsCentre = properties.operationsCentre();
    }

    /** Whether the caller sees the national figures and every agency's. */
    public boolean seesAll(Caller caller) {
        return caller.hasRole(EgovRoles.PLATFORM_ADMIN)
                || caller.hasRole(EgovRoles.AUDITOR)
                || (caller.hasRole(EgovRoles.REPORTER) && operationsCentre.equals(caller.agencyCode()));
    }

    /**
     * The agency whose figures the caller gets for a request naming {@code requested} (null: national for the
     * operations centre, the caller's own agency for agency staff).
     *
     * @throws ApiProblem 403 when the caller may not see them
     */
    public String agencyFor(Caller caller, String requested) {
        if (seesAll(caller)) {
            return requested == null || requested.isBlank() ? null : requested;
        }
        boolean staff = caller.hasRole(EgovRoles.OFFICER)
                || caller.hasRole(EgovRoles.CLERK)
                || caller.hasRole(EgovRoles.REPORTER)
                || caller.hasRole(EgovRoles.AGENCY_ADMIN);
        if (!staff || caller.agencyCode() == null) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "kpi-not-allowed",
                    "Chỉ cán bộ của cơ quan và Trung tâm điều hành mới xem được chỉ tiêu; số liệu mở có tại"
                            + " /api/reports/open-data/kpis.json");
        }
        if (requested != null && !requested.isBlank() && !requested.equals(caller.agencyCode())) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "kpi-other-agency",
                    "Cán bộ chỉ xem được chỉ tiêu của cơ quan mình (" + caller.agencyCode() + ")");
        }
        return caller.agencyCode();
    }

    /** @throws ApiProblem 403 unless the caller is a platform administrator */
    public void requireAdmin(Caller caller) {
        if (!caller.hasRole(EgovRoles.PLATFORM_ADMIN)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "kpi-admin-only", "Chỉ quản trị nền tảng mới được dựng lại số liệu chỉ tiêu");
        }
    }
}
