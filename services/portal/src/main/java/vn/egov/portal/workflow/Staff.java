package vn.egov.portal.workflow;

import java.util.Set;

/** Cán bộ một cửa / cán bộ xử lý: the agency staff member performing a desk step, from the access token. */
public record Staff(String username, String agencyCode, Set<String> roles) {}
