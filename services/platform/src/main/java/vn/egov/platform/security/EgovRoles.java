package vn.egov.platform.security;

import java.util.Set;

/** The realm roles of the backbone (Keycloak realm {@code egov}); other realm roles are ignored. */
public final class EgovRoles {

    /** Công dân — a citizen filing services and seeing their own data. */
    public static final String CITIZEN = "citizen";
    /** Cán bộ — an officer processing dossiers for their agency. */
    public static final String OFFICER = "officer";
    /** Văn thư — the clerk who registers incoming and outgoing documents. */
    public static final String CLERK = "clerk";

    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String REPORTER = "reporter";
    public static final String AUDITOR = "auditor";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** A machine client (ministry/province system, LGSP, document-management software). */
    public static final String INTEGRATOR = "integrator";

    public static final Set<String> ALL =
            Set.of(CITIZEN, OFFICER, CLERK, AGENCY_ADMIN, REPORTER, AUDITOR, PLATFORM_ADMIN, INTEGRATOR);

    private EgovRoles() {}
}
