package vn.egov.reporting.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.reporting.completeness.Completeness;
import vn.egov.reporting.completeness.FilingCompleteness;
import vn.egov.reporting.kpi.Indicator;
import vn.egov.reporting.kpi.KpiAccess;
import vn.egov.reporting.kpi.KpiPeriods;
import vn.egov.reporting.kpi.KpiReport;
import vn.egov.reporting.kpi.Kpis;
import vn.egov.reporting.period.ReportingPeriod;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.regime.Regimes;

/**
 * Bảng điều hành — the operations centre's page, reached through the gateway's single sign-on at
 * {@code /reports/dashboard} (the gateway relays the session's token). The operations centre sees the national
 * figures, every agency's and the trend; an agency's staff see their own agency only. Server-rendered HTML with
 * SVG charts and one stylesheet, no script.
 */
@Controller
class DashboardController {

    private static final Pattern AGENCY = Pattern.compile("[0-9A-Z.]{1,35}");
    private static final int TREND_PERIODS = 6;

    private final Kpis kpis;
    private final KpiPeriods periods;
    private final KpiAccess access;
    private final Regimes regimes;
    private final FilingCompleteness completeness;
    private final Clock clock;

    DashboardController(
            Kpis kpis,
            KpiPeriods periods,
            KpiAccess access,
            Regimes regimes,
            FilingCompleteness completeness,
            Clock clock) {
        this.kpis = kpis;
        this.periods = periods;
        this.access = access;
        this.regimes = regimes;
        this.completeness = completeness;
        this.clock = clock;
    }

    @GetMapping({"/reports/dashboard", "/reports/dashboard/"})
    String dashboard(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String agency,
            Caller caller,
            Model model) {
        ReportingPeriod p = periods.parse(period, LocalDate.now(clock), "period");
        String requested = agency == null || agency.isBlank() ? null : agency;
        if (requested != null && !AGENCY.matcher(requested).matches()) {
            throw ApiProblem.badField("invalid-agency", "agency", "Mã cơ quan không hợp lệ: " + requested);
        }
        String shown;
        try {
            shown = access.agencyFor(caller, requested);
        } catch (ApiProblem e) {
            throw new DashboardForbidden();
        }
        boolean seesAll = access.seesAll(caller);
        KpiReport report = kpis.report(p, shown);
        model.addAttribute("period", p);
        model.addAttribute("agency", shown);
        model.addAttribute("seesAll", seesAll);
        model.addAttribute("user", caller.username() == null ? caller.subject() : caller.username());
        model.addAttribute(
                "asOf",
                report.asOf()
                        .atZoneSameInstant(clock.getZone())
                        .toLocalDateTime()
                        .withNano(0));
        model.addAttribute(
                "figures",
                report.indicators().stream().map(DashboardView::figure).toList());

        List<KpiReport> agencies = seesAll ? kpis.byAgency(p) : List.of();
        model.addAttribute(
                "agencyCodes", agencies.stream().map(KpiReport::agency).toList());
        model.addAttribute(
                "keyIndicators", DashboardView.KEY.stream().map(kpis::name).toList());
        model.addAttribute(
                "agencyRows",
                shown == null
                        ? agencies.stream()
                                .map(r -> new DashboardView.AgencyRow(
                                        r.agency(),
                                        DashboardView.KEY.stream()
                                                .map(i -> DashboardView.figure(r.figure(i)))
                                                .toList()))
                                .toList()
                        : List.of());

        List<KpiReport> history = new ArrayList<>();
        for (ReportingPeriod past : periods.trend(p, TREND_PERIODS)) {
            history.add(kpis.report(past, shown));
        }
        model.addAttribute(
                "trends",
                DashboardView.KEY.stream()
                        .filter(i -> i != Indicator.OVERDUE)
                        .map(i -> DashboardView.trend(i, kpis.name(i), history))
                        .toList());
        model.addAttribute("filings", filings(p.period(), shown));
        return "dashboard/index";
    }

    /**
     * The filing completeness of every regime that has a period with this label: every agency for the whole
     * country, one agency's own row otherwise.
     */
    private List<Completeness> filings(String label, String agency) {
        List<Completeness> result = new ArrayList<>();
        for (Regime regime : regimes.all()) {
            if (agency != null && regime.agency(agency).isEmpty()) {
                continue;
            }
            regime.period(label).ifPresent(period -> {
                Completeness all = completeness.of(regime, period);
                result.add(agency == null ? all : all.only(agency));
            });
        }
        return result;
    }

    /** A caller who is neither of the operations centre nor an agency's staff. */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class DashboardForbidden extends RuntimeException {}

    @org.springframework.web.bind.annotation.ExceptionHandler(DashboardForbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "dashboard/forbidden";
    }
}
