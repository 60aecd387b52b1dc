package vn.egov.registry.area;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Địa bàn của cơ quan — the provinces an agency's officers of civil registration act in, or every province for
 * a national agency.
 */
public record OfficerArea(String agencyCode, boolean national, SortedSet<String> provinces) {

    public OfficerArea {
        provinces = new TreeSet<>(provinces);
    }

    static OfficerArea nationwide(String agencyCode) {
        return new OfficerArea(agencyCode, true, new TreeSet<>());
    }

    static OfficerArea of(String agencyCode, Set<String> provinces) {
        return new OfficerArea(agencyCode, false, new TreeSet<>(provinces));
    }

    /** Whether the province (null: none known) is in this area. */
    public boolean covers(String provinceCode) {
        return national || (provinceCode != null && provinces.contains(provinceCode));
    }
}
