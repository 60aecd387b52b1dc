package vn.egov.portal.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kết quả đánh giá cơ quan: the published scores of each agency for a period, as the decree computes them: each
 * index's score is the sum of that index over the agency's rated dossiers divided by their number, to one decimal
 * (half up); the total is the sum of the 9 index scores; the classification follows from the total. Aggregates
 * only: no evaluator, no dossier.
 */
@Component
public class AgencyScores {

    /** One agency's published result. */
    public record AgencyScore(
            String agencyCode,
            String agencyName,
            int dossiers,
            List<BigDecimal> indexScores,
            BigDecimal total,
            AgencyClassification classification,
            String classificationLabel) {}

    private final JdbcClient jdbc;

    public AgencyScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AgencyScore> of(RatingPeriod period) {
        StringBuilder sums = new StringBuilder();
        for (int i = 1; i <= RatingIndex.values().length; i++) {
            sums.append(", sum(r.scores[").append(i).append("])");
        }
        return jdbc.sql("select r.agency_code, count(*)" + sums + """
                        , (select p.agency_name from procedure p where p.agency_code = r.agency_code
                           order by p.code limit 1)
                        from dossier_rating r
                        where r.rated_at >= ? and r.rated_at < ?
                        group by r.agency_code order by r.agency_code""")
                .params(
                        Timestamp.from(period.from().atStartOfDay(Vietnam.ZONE).toInstant()),
                        Timestamp.from(period.to()
                                .plusDays(1)
                                .atStartOfDay(Vietnam.ZONE)
                                .toInstant()))
                .query((rs, n) -> {
                    int count = rs.getInt(2);
                    List<Long> indexSums = new ArrayList<>();
                    for (int i = 0; i < RatingIndex.values().length; i++) {
                        indexSums.add(rs.getLong(3 + i));
                    }
                    return score(rs.getString(1), rs.getString(3 + RatingIndex.values().length), count, indexSums);
                })
                .list();
    }

    /** The decree's computation for one agency from its per-index sums over {@code count} rated dossiers. */
    public static AgencyScore score(String agencyCode, String agencyName, int count, List<Long> indexSums) {
        List<BigDecimal> indexScores = indexSums.stream()
                .map(sum -> BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP))
                .toList();
        BigDecimal total = indexScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        AgencyClassification classification = AgencyClassification.of(total);
        return new AgencyScore(
                agencyCode, agencyName, count, indexScores, total, classification, classification.label());
    }

    /** Vietnam time, in which periods are counted. */
    static final class Vietnam {
        static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

        private Vietnam() {}
    }
}
