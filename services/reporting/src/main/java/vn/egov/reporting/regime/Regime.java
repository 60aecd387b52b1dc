package vn.egov.reporting.regime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import vn.egov.reporting.period.CutOffCalendar;
import vn.egov.reporting.period.Frequency;
import vn.egov.reporting.period.ReportingPeriod;

/**
 * Chế độ báo cáo — a report regime (Decree 09/2019/NĐ-CP art. 7 and 11): name, legal basis, frequency, the
 * deadline day of the period's last month (its periods and cut-off windows come from the {@link CutOffCalendar}
 * of art. 12; an ad hoc regime lists its own periods), the agencies that file and the one that receives, the
 * outline (mẫu đề cương) and the data tables (biểu mẫu số liệu).
 */
public record Regime(
        String code,
        String name,
        String legalBasis,
        RegimeFrequency frequency,
        Integer deadlineDay,
        String receivingAgency,
        List<AssignedAgency> agencies,
        List<String> outline,
        List<DataTable> tables,
        List<ReportingPeriod> adHocPeriods,
        int version,
        Instant updatedAt) {

    public Regime {
        agencies = List.copyOf(agencies);
        outline = List.copyOf(outline);
        tables = List.copyOf(tables);
        adHocPeriods = List.copyOf(adHocPeriods);
    }

    /** The period with this label ({@code 2026-11}, {@code 2026-Q4}, an ad hoc label), empty if it has none. */
    public Optional<ReportingPeriod> period(String label) {
        Optional<Frequency> periodic = frequency.periodic();
        if (periodic.isEmpty()) {
            return adHocPeriods.stream().filter(p -> p.period().equals(label)).findFirst();
        }
        try {
            return Optional.of(new CutOffCalendar(deadlineDay).period(periodic.get(), label));
        } catch (IllegalArgumentException notALabel) {
            return Optional.empty();
        }
    }

    /** The periods whose sending deadline falls between {@code from} and {@code to}, both inclusive. */
    public List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to) {
        Optional<Frequency> periodic = frequency.periodic();
        if (periodic.isEmpty()) {
            return adHocPeriods.stream()
                    .filter(p -> !p.deadline().isBefore(from) && !p.deadline().isAfter(to))
                    .toList();
        }
        CutOffCalendar calendar = new CutOffCalendar(deadlineDay);
        List<ReportingPeriod> due = new ArrayList<>();
        ReportingPeriod period = calendar.periodOf(
                periodic.get(), from.minusMonths(periodic.get().months() + 1L));
        while (!period.deadline().isAfter(to)) {
            if (!period.deadline().isBefore(from)) {
                due.add(period);
            }
            period = calendar.periodOf(periodic.get(), period.to().plusDays(1));
        }
        return due;
    }

    public Optional<AssignedAgency> agency(String agencyCode) {
        return agencies.stream().filter(a -> a.code().equals(agencyCode)).findFirst();
    }

    public Optional<Indicator> indicator(String indicatorCode) {
        return tables.stream()
                .flatMap(t -> t.indicators().stream())
                .filter(i -> i.code().equals(indicatorCode))
                .findFirst();
    }

    /**
     * Checks a report's values against the indicators: every problem keyed by {@code values.<CODE>}, in the
     * order of the data tables (unknown codes last). Empty when the values are acceptable.
     */
    public Map<String, String> check(JsonNode values) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (DataTable table : tables) {
            for (Indicator indicator : table.indicators()) {
                known.add(indicator.code());
                indicator
                        .check(values.get(indicator.code()))
                        .ifPresent(reason -> problems.put("values." + indicator.code(), reason));
            }
        }
        for (String name : values.propertyNames()) {
            if (!known.contains(name)) {
                problems.put("values." + name, "Chế độ báo cáo " + code + " không có chỉ tiêu này.");
            }
        }
        return problems;
    }
}
