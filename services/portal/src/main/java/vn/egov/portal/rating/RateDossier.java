package vn.egov.portal.rating;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import vn.egov.platform.outbox.Outbox;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierEvents;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;

/**
 * Đánh giá mức độ hài lòng: the owner of a dossier with a result (status 9 or 10) rates its handling once, on the 9
 * indices, each 0, 1 or 2. The rating and its {@code vn.egov.portal.dossier.rated.v1} event are written in one
 * transaction; neither carries the evaluator's identity.
 */
@Component
public class RateDossier {

    /** A stored rating. */
    public record Rating(
            UUID dossierId,
            String procedureCode,
            String agencyCode,
            List<Integer> scores,
            int total,
            Instant ratedAt) {}

    private final Dossiers dossiers;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public RateDossier(Dossiers dossiers, JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Checks the 9 scores: exactly nine whole numbers, each 0, 1 or 2; every fault named (422). */
    public static List<Integer> scores(JsonNode body) {
        JsonNode scores = body == null ? null : body.get("scores");
        List<FieldProblem> errors = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        if (scores == null || !scores.isArray()) {
            errors.add(new FieldProblem("scores", "bắt buộc: danh sách 9 điểm, mỗi điểm 0, 1 hoặc 2"));
        } else {
            if (scores.size() != RatingIndex.values().length) {
                errors.add(new FieldProblem("scores", "phải có đúng 9 điểm (một cho mỗi chỉ số), có " + scores.size()));
            }
            for (int i = 0; i < scores.size(); i++) {
                JsonNode score = scores.get(i);
                if (!score.isIntegralNumber() || score.asInt() < 0 || score.asInt() > 2) {
                    errors.add(new FieldProblem("scores[" + i + "]", "điểm phải là 0, 1 hoặc 2"));
                } else {
                    values.add(score.asInt());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rating", "Phiếu đánh giá chưa hợp lệ", errors);
        }
        return List.copyOf(values);
    }

    @Transactional
    public Rating rate(Caller caller, UUID dossierId, List<Integer> scores) {
        if (caller.pid() == null) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "citizen-only", "Chỉ người nộp hồ sơ (công dân) mới đánh giá được");
        }
        Dossier dossier = dossiers.lock(dossierId)
                .filter(d -> caller.pid().equals(d.applicantPid()))
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND, "dossier-not-found", "Không tìm thấy hồ sơ " + dossierId + " của bạn"));
        if (dossier.status() != DossierStatus.DONE && dossier.status() != DossierStatus.RETURNED) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "no-result-yet",
                    "Hồ sơ chưa có kết quả giải quyết (trạng thái \""
                            + (dossier.status() == null
                                    ? "nháp"
                                    : dossier.status().label())
                            + "\"); chỉ đánh giá được sau khi có kết quả");
        }
        Instant now = clock.instant();
        int total = scores.stream().mapToInt(Integer::intValue).sum();
        int inserted = jdbc.sql("""
                        insert into dossier_rating (dossier_id, procedure_code, agency_code, scores, total, rated_at)
                        values (?, ?, ?, ?::smallint[], ?, ?) on conflict (dossier_id) do nothing""")
                .params(
                        dossier.id(),
                        dossier.procedureCode(),
                        dossier.agencyCode(),
                        "{"
                                + String.join(
                                        ",",
                                        scores.stream().map(String::valueOf).toList()) + "}",
                        total,
                        Timestamp.from(now))
                .update();
        if (inserted == 0) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "already-rated", "Hồ sơ này đã được đánh giá; mỗi hồ sơ đánh giá một lần");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", dossier.id().toString());
        event.put("code", dossier.code());
        event.put("procedureCode", dossier.procedureCode());
        event.put("agencyCode", dossier.agencyCode());
        event.put("scores", scores);
        event.put("total", total);
        event.put("version", dossier.version());
        event.put("ratedAt", now.toString());
        outbox.append(DossierEvents.TOPIC, DossierEvents.RATED, dossier.id().toString(), event);
        return new Rating(dossier.id(), dossier.procedureCode(), dossier.agencyCode(), scores, total, now);
    }

    /** The rating of a dossier, for its owner. */
    public Optional<Rating> of(UUID dossierId) {
        return jdbc.sql("""
                        select dossier_id, procedure_code, agency_code, scores, total, rated_at
                        from dossier_rating where dossier_id = ?""")
                .param(dossierId)
                .query((rs, n) -> {
                    Short[] array = (Short[]) rs.getArray(4).getArray();
                    List<Integer> values = new ArrayList<>();
                    for (Short s : array) {
                        values.add(s.intValue());
                    }
                    return new Rating(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            List.copyOf(values),
                            rs.getInt(5),
                            rs.getTimestamp(6).toInstant());
                })
                .optional();
    }
}
