package vn.egov.portal.rating.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.rating.AgencyScores;
import vn.egov.portal.rating.RateDossier;
import vn.egov.portal.rating.RatingIndex;
import vn.egov.portal.rating.RatingPeriod;

/**
 * Đánh giá sự hài lòng: the owner rates a dossier after its result; everyone can read the agencies' published scores
 * for a period.
 */
@RestController
class RatingController {

    private final RateDossier rate;
    private final AgencyScores scores;
    private final Dossiers dossiers;

    RatingController(RateDossier rate, AgencyScores scores, Dossiers dossiers) {
        this.rate = rate;
        this.scores = scores;
        this.dossiers = dossiers;
    }

    record RatingView(UUID dossierId, String agencyCode, List<Integer> scores, int total, Instant ratedAt) {
        static RatingView of(RateDossier.Rating r) {
            return new RatingView(r.dossierId(), r.agencyCode(), r.scores(), r.total(), r.ratedAt());
        }
    }

    @PostMapping("/api/portal/dossiers/{id}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    RatingView rate(Caller caller, @PathVariable UUID id, @RequestBody JsonNode body) {
        return RatingView.of(rate.rate(caller, id, RateDossier.scores(body)));
    }

    @GetMapping("/api/portal/dossiers/{id}/rating")
    RatingView rating(Caller caller, @PathVariable UUID id) {
        boolean owner = caller.pid() != null
                && dossiers.find(id)
                        .filter(d -> caller.pid().equals(d.applicantPid()))
                        .isPresent();
        return rate.of(id)
                .filter(r -> owner)
                .map(RatingView::of)
                .orElseThrow(
                        () -> new ApiProblem(HttpStatus.NOT_FOUND, "rating-not-found", "Hồ sơ chưa được bạn đánh giá"));
    }

    record IndexView(int number, String code, String name) {}

    record PublishedScores(
            String period,
            LocalDate from,
            LocalDate to,
            List<IndexView> indices,
            List<AgencyScores.AgencyScore> agencies) {}

    /** Public: every agency's index scores, total and classification for the period; aggregates only. */
    @GetMapping("/api/portal/ratings/agencies")
    PublishedScores agencies(@RequestParam String period) {
        RatingPeriod parsed = RatingPeriod.parse(period);
        if (parsed == null) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Kỳ đánh giá không hợp lệ",
                    List.of(new FieldProblem("period", "có dạng 2026-11 (tháng), 2026-Q4 (quý) hoặc 2026 (năm)")));
        }
        return new PublishedScores(
                parsed.text(),
                parsed.from(),
                parsed.to(),
                Arrays.stream(RatingIndex.values())
                        .map(i -> new IndexView(i.number(), i.name(), i.label()))
                        .toList(),
                scores.of(parsed));
    }
}
