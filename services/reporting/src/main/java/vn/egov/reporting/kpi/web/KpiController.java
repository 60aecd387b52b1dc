package vn.egov.reporting.kpi.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.reporting.kpi.KpiAccess;
import vn.egov.reporting.kpi.KpiPeriods;
import vn.egov.reporting.kpi.KpiRebuild;
import vn.egov.reporting.kpi.KpiReport;
import vn.egov.reporting.kpi.Kpis;
import vn.egov.reporting.kpi.reconciliation.Reconcile;
import vn.egov.reporting.kpi.reconciliation.Reconciliation;
import vn.egov.reporting.period.ReportingPeriod;

/** The Resolution 17 indicators, their rebuild by replay, and the reconciliation with the sources. */
@RestController
class KpiController {

    private static final Pattern AGENCY = Pattern.compile("[0-9A-Z.]{1,35}");

    private final Kpis kpis;
    private final KpiPeriods periods;
    private final KpiAccess access;
    private final KpiRebuild rebuild;
    private final Reconcile reconcile;
    private final Clock clock;

    KpiController(
            Kpis kpis, KpiPeriods periods, KpiAccess access, KpiRebuild rebuild, Reconcile reconcile, Clock clock) {
        this.kpis = kpis;
        this.periods = periods;
        this.access = access;
        this.rebuild = rebuild;
        this.reconcile = reconcile;
        this.clock = clock;
    }

    /** One agency's figures, or the national ones (operations centre) when no agency is named. */
    @GetMapping("/api/reports/kpis")
    KpiReport kpis(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String agency,
            Caller caller) {
        ReportingPeriod p = periods.parse(period, LocalDate.now(clock), "period");
        return kpis.report(p, access.agencyFor(caller, validAgency(agency)));
    }

    /** Every agency's figures (the operations centre), or the caller's own agency's. */
    @GetMapping("/api/reports/kpis/agencies")
    List<KpiReport> agencies(@RequestParam(required = false) String period, Caller caller) {
        ReportingPeriod p = periods.parse(period, LocalDate.now(clock), "period");
        if (access.seesAll(caller)) {
            return kpis.byAgency(p);
        }
        return List.of(kpis.report(p, access.agencyFor(caller, null)));
    }

    /** The KPI tables' counts against the portal's and the interchange's own. */
    @GetMapping("/api/reports/kpis/reconciliation")
    Reconciliation reconciliation(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String agency,
            @AuthenticationPrincipal Jwt token,
            Caller caller) {
        ReportingPeriod p = periods.parse(period, LocalDate.now(clock), "period");
        // the caller's own token goes on to the sources, which answer with the caller's rights
        String authorization = token == null ? null : "Bearer " + token.getTokenValue();
        return reconcile.check(p, access.agencyFor(caller, validAgency(agency)), authorization);
    }

    /** Rebuilds every figure by replaying the topics from their beginning (platform administrators). */
    @PostMapping("/api/reports/kpis/rebuild")
    ResponseEntity<KpiRebuild.Run> startRebuild(Caller caller) {
        access.requireAdmin(caller);
        KpiRebuild.Run run = rebuild.start(caller.username() == null ? caller.subject() : caller.username());
        return ResponseEntity.accepted()
                .location(URI.create("/api/reports/kpis/rebuild/" + run.id()))
                .body(run);
    }

    @GetMapping("/api/reports/kpis/rebuild/{id}")
    KpiRebuild.Run rebuild(@PathVariable UUID id, Caller caller) {
        access.requireAdmin(caller);
        return rebuild.find(id)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND, "kpi-rebuild-not-found", "Không có lần dựng lại số liệu " + id));
    }

    static String validAgency(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        if (!AGENCY.matcher(agency).matches()) {
            throw ApiProblem.badField(
                    "invalid-agency",
                    "agency",
                    "Mã cơ quan phải gồm chữ hoa, chữ số và dấu chấm, tối đa 35 ký tự (ví dụ 000.00.00.H57)");
        }
        return agency;
    }
}
