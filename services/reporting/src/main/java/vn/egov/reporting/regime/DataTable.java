package vn.egov.reporting.regime;

import java.util.List;

/** Biểu mẫu số liệu — one data table of a regime: its code, title and indicators in order. */
public record DataTable(String code, String title, List<Indicator> indicators) {

    public DataTable {
        indicators = List.copyOf(indicators);
    }
}
