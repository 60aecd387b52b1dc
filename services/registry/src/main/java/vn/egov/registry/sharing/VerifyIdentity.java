package vn.egov.registry.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;
import vn.egov.registry.accesslog.AccessAction;
import vn.egov.registry.accesslog.AccessLog;
import vn.egov.registry.accesslog.AccessOutcome;
import vn.egov.registry.citizen.BirthDate;
import vn.egov.registry.citizen.Citizen;
import vn.egov.registry.citizen.Citizens;
import vn.egov.registry.citizen.Names;
import vn.egov.registry.pid.Sex;

/**
 * Xác thực thông tin công dân — answers whether submitted attributes match the record of a personal ID number,
 * without returning any data. An unknown number is "no match" (existence is not disclosed), and which attribute
 * differed is not said. Callers need the scope {@code registry.verify}, or the officer or clerk role. Every
 * verification, refused ones included, is logged.
 */
@Service
public class VerifyIdentity {

    public static final String SCOPE = "registry.verify";

    /** The attributes to check; at least one besides the number. */
    public record Claim(String pid, String fullName, BirthDate dateOfBirth, Sex sex, String reference) {}

    public record Answer(boolean match, List<String> checkedAttributes, Instant verifiedAt) {}

    private final Citizens citizens;
    private final AccessLog log;
    private final Clock clock;

    public VerifyIdentity(Citizens citizens, AccessLog log, Clock clock) {
        this.citizens = citizens;
        this.log = log;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public Answer verify(Caller caller, Claim claim) {
        List<String> attributes = new ArrayList<>();
        if (claim.fullName() != null) {
            attributes.add("fullName");
        }
        if (claim.dateOfBirth() != null) {
            attributes.add("dateOfBirth");
        }
        if (claim.sex() != null) {
            attributes.add("sex");
        }
        if (!caller.scopes().contains(SCOPE)
                && !caller.hasRole(EgovRoles.OFFICER)
                && !caller.hasRole(EgovRoles.CLERK)) {
            log.append(
                    caller,
                    claim.pid(),
                    AccessAction.VERIFY,
                    Purposes.IDENTITY_VERIFICATION,
                    attributes,
                    claim.reference(),
                    AccessOutcome.DENIED,
                    "missing-scope");
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "verification-not-allowed",
                    "Cần phạm vi (scope) " + SCOPE + " hoặc vai trò cán bộ để xác thực thông tin công dân.");
        }
        Optional<Citizen> found = citizens.findByPid(claim.pid());
        boolean match = found.isPresent()
                && (claim.fullName() == null
                        || Names.sameName(claim.fullName(), found.get().fullName()))
                && (claim.dateOfBirth() == null
                        || claim.dateOfBirth().equals(found.get().birthDate()))
                && (claim.sex() == null || claim.sex() == found.get().sex());
        log.append(
                caller,
                claim.pid(),
                AccessAction.VERIFY,
                Purposes.IDENTITY_VERIFICATION,
                attributes,
                claim.reference(),
                match ? AccessOutcome.MATCH : AccessOutcome.NO_MATCH,
                null);
        return new Answer(match, attributes, clock.instant());
    }
}
