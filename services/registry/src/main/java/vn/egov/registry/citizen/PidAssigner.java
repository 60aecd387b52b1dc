package vn.egov.registry.citizen;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.platform.web.ApiProblem;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;

/**
 * Cấp số định danh cá nhân — assigns new personal ID numbers: the prefix from the province of birth registration,
 * the century/sex digit and the year from the birth, and a six-digit random part drawn with {@link SecureRandom}.
 *
 * <p>Every number ever issued is a row of {@code issued_pid} (append-only, primary key on the number): a number
 * is claimed by inserting it ({@code on conflict do nothing}), so two concurrent births can never get the same
 * number, and a cancelled or replaced number is never handed out again. A collision just draws again.
 */
@Component
public class PidAssigner {

    static final int MAX_DRAWS = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PidAssigner(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims a fresh number in the current transaction (rolled back with it). */
    public PersonalIdNumber assign(String pidProvinceCode, Sex sex, int birthYear, String reason) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            PersonalIdNumber candidate =
                    PersonalIdNumber.of(pidProvinceCode, sex, birthYear, random.nextInt(1_000_000));
            if (claim(candidate, reason)) {
                return candidate;
            }
        }
        throw new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "pid-space-exhausted",
                "Không cấp được số định danh mới cho tổ hợp mã tỉnh, giới tính và năm sinh này; vui lòng thử lại.");
    }

    /** Records a number issued elsewhere (seed, migration); false if it was already issued. */
    public boolean claim(PersonalIdNumber pid, String reason) {
        return jdbc.sql("insert into issued_pid (pid, issued_at, reason) values (?, ?, ?) on conflict do nothing")
                        .params(pid.value(), OffsetDateTime.now(clock), reason)
                        .update()
                == 1;
    }
}
