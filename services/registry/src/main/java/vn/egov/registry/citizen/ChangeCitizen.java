package vn.egov.registry.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.accesslog.AccessAction;
import vn.egov.registry.accesslog.AccessOutcome;
import vn.egov.registry.area.OfficerArea;
import vn.egov.registry.area.OfficerAreaRefused;
import vn.egov.registry.area.OfficerAreas;
import vn.egov.registry.events.CitizenEvents;
import vn.egov.registry.pid.PersonalIdNumber;

/**
 * The life events an officer records on an existing citizen: change of residence (thay đổi nơi cư trú), death
 * (khai tử) and correction (điều chỉnh thông tin). Each takes the version the officer saw (If-Match), fails with
 * 412 if the citizen changed since, bumps the version and publishes a minimal event, in one transaction.
 *
 * <p>Officers act only in their agency's area ({@link OfficerAreas}): a change of residence, a death or a
 * correction on a citizen of their provinces. An area refusal comes before anything is
 * written; about an existing citizen it is appended to that citizen's access log and that row commits
 * ({@code noRollbackFor}).
 */
@Service
public class ChangeCitizen {

    /** The access-log reference of a residence change. */
    static final String RESIDENCE_CHANGE = "residence-change";

    /** The access-log reason of a write refused for a stale {@code If-Match} (412). */
    static final String STALE_VERSION = "stale-version";

    private final Citizens citizens;
    private final PidAssigner pids;
    private final CitizenEvents events;
    private final OfficerAreas areas;
    private final Clock clock;

    public ChangeCitizen(Citizens citizens, PidAssigner pids, CitizenEvents events, OfficerAreas areas, Clock clock) {
        this.citizens = citizens;
        this.pids = pids;
        this.events = events;
        this.areas = areas;
        this.clock = clock;
    }

    /**
     * Records a change of residence, for a citizen of the officer's area only (by {@code citizen_area}: the
     * current permanent residence, else the birth registration), wherever the new place is; a national agency
     * records any. A move into the area from another province is therefore recorded by the origin's officers or
     * a national agency, not by the destination (where the Law on Residence 2020 art. 22, 27 has it registered):
     * otherwise an officer could pull any citizen into their area and then read and change their record. The
     * citizen's row is locked first, so the area checked is the area acted on. Every attempt on an existing
     * citizen — granted, refused for the area, a stale version (412), an unknown commune, a dead citizen — is
     * appended to the citizen's access log (reference {@code residence-change}), and a refusal's row commits.
     */
    @Transactional(noRollbackFor = {ApiProblem.class, OptimisticLockingFailureException.class})
    public Citizen changeResidence(
            Caller caller,
            String pid,
            int expectedVersion,
            ResidenceKind kind,
            String communeCode,
            String addressLine,
            LocalDate from) {
        String field =
                switch (kind) {
                    case PERMANENT -> "permanentResidence";
                    case TEMPORARY -> "temporaryResidence";
                    case CURRENT -> "currentResidence";
                };
        List<String> fields = List.of(field);
        Optional<Citizen> found = citizens.lockByPid(pid);
        OfficerArea area;
        try {
            area = areas.of(caller);
        } catch (OfficerAreaRefused e) {
            found.ifPresent(c -> areas.log(caller, pid, fields, RESIDENCE_CHANGE, AccessOutcome.DENIED, e.code()));
            throw e;
        }
        Citizen current = found.orElseThrow(() -> notFound(area, pid));
        areas.requireCitizen(caller, area, current.id(), pid, AccessAction.RECORD, fields, RESIDENCE_CHANGE);
        try {
            if (citizens.provinceOfCommune(communeCode).isEmpty()) {
                throw ApiProblem.badField(
                        "invalid", "communeCode", "Không có xã/phường mã " + communeCode + " trong danh mục.");
            }
            atVersion(current, expectedVersion);
            if (current.status() != CitizenStatus.ALIVE) {
                throw notAlive(current);
            }
            if (from.isAfter(LocalDate.now(clock))) {
                throw ApiProblem.badField("invalid", "validFrom", "Ngày bắt đầu cư trú không được sau ngày hôm nay.");
            }
        } catch (ApiProblem e) {
            areas.log(caller, pid, fields, RESIDENCE_CHANGE, AccessOutcome.DENIED, e.code());
            throw e;
        } catch (OptimisticLockingFailureException e) {
            areas.log(caller, pid, fields, RESIDENCE_CHANGE, AccessOutcome.DENIED, STALE_VERSION);
            throw e;
        }
        Instant now = clock.instant();
        Citizen updated = citizens.update(touch(current, now));
        citizens.moveResidence(current.id(), kind, communeCode, addressLine, from, now);
        events.publish(
                CitizenEvents.Type.RESIDENCE_CHANGED,
                updated.id(),
                updated.pid().value(),
                updated.version(),
                fields,
                null);
        areas.log(caller, pid, fields, RESIDENCE_CHANGE, AccessOutcome.GRANTED, null);
        return updated;
    }

    @Transactional(noRollbackFor = OfficerAreaRefused.class)
    public Citizen recordDeath(Caller caller, String pid, int expectedVersion, LocalDate dateOfDeath) {
        Citizen current = loadInArea(caller, pid, expectedVersion, "death");
        if (current.status() == CitizenStatus.DECEASED) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "already-deceased", "Công dân " + pid + " đã được đăng ký khai tử trước đó.");
        }
        if (dateOfDeath.isAfter(LocalDate.now(clock))) {
            throw ApiProblem.badField("invalid", "dateOfDeath", "Ngày chết không được sau ngày hôm nay.");
        }
        if (dateOfDeath.isBefore(current.birthDate().earliest())) {
            throw ApiProblem.badField("invalid", "dateOfDeath", "Ngày chết không được trước ngày sinh.");
        }
        Instant now = clock.instant();
        Citizen updated = citizens.update(current.deceased(dateOfDeath, now));
        citizens.closeResidences(current.id(), dateOfDeath);
        events.publish(
                CitizenEvents.Type.DECEASED,
                updated.id(),
                updated.pid().value(),
                updated.version(),
                List.of("status", "deathDate"),
                null);
        return updated;
    }

    /**
     * Applies a correction. A new sex or birth year changes what the number encodes, so a new number is issued
     * (Circular 59/2021 art. 6) and the old one kept in the history; it is never issued again.
     */
    @Transactional(noRollbackFor = OfficerAreaRefused.class)
    public Citizen correct(
            Caller caller, String pid, int expectedVersion, Citizen.Correction correction, String reason) {
        Citizen current = loadInArea(caller, pid, expectedVersion, "correction");
        if (correction.ethnicCode() != null && !citizens.ethnicGroupExists(correction.ethnicCode())) {
            throw ApiProblem.badField("invalid", "ethnicCode", "Không có dân tộc mã " + correction.ethnicCode() + ".");
        }
        if (correction.birthDate() != null && !correction.birthDate().notAfter(LocalDate.now(clock))) {
            throw ApiProblem.badField("invalid", "dateOfBirth", "Ngày sinh không được sau ngày hôm nay.");
        }
        Instant now = clock.instant();
        Citizen proposed = current.corrected(correction, null, now);
        List<String> changed = current.changedFields(proposed);
        if (changed.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "nothing-to-correct",
                    "Thông tin điều chỉnh trùng với thông tin đang lưu; không có gì thay đổi.",
                    List.of(new FieldProblem("body", "Không có trường nào thay đổi.")));
        }
        String previousPid = null;
        if (proposed.sex() != current.sex()
                || proposed.birthDate().year() != current.birthDate().year()) {
            PersonalIdNumber newPid = pids.assign(
                    current.pid().provinceCode(),
                    proposed.sex(),
                    proposed.birthDate().year(),
                    "REISSUE");
            proposed = current.corrected(correction, newPid, now);
            previousPid = current.pid().value();
            changed = current.changedFields(proposed);
        }
        Citizen updated = citizens.update(proposed);
        if (previousPid != null) {
            citizens.recordPidChange(current.id(), previousPid, updated.pid().value(), reason, now);
        }
        events.publish(
                CitizenEvents.Type.CORRECTED,
                updated.id(),
                updated.pid().value(),
                updated.version(),
                changed,
                previousPid);
        return updated;
    }

    /**
     * The citizen, if in the caller's area (else 403, logged with {@code reference}) and at that version; the row
     * is locked for the rest of the transaction, so the area checked is the area acted on.
     */
    private Citizen loadInArea(Caller caller, String pid, int expectedVersion, String reference) {
        OfficerArea area = areas.of(caller);
        Citizen current = citizens.lockByPid(pid).orElseThrow(() -> notFound(area, pid));
        areas.requireCitizen(caller, area, current.id(), pid, AccessAction.RECORD, List.of(), reference);
        return atVersion(current, expectedVersion);
    }

    private static Citizen atVersion(Citizen current, int expectedVersion) {
        String pid = current.pid().value();
        if (current.version() != expectedVersion) {
            throw new OptimisticLockingFailureException(
                    "citizen " + pid + " is at version " + current.version() + ", not " + expectedVersion);
        }
        return current;
    }

    private static Citizen touch(Citizen c, Instant now) {
        return c.corrected(Citizen.Correction.NONE, null, now);
    }

    /**
     * An unknown number: 404 for a national agency; for a provincial officer the same 403 as for a citizen of
     * another province, so that neither answer tells whether the number exists.
     */
    private ApiProblem notFound(OfficerArea area, String pid) {
        return area.national() ? notFound(pid) : areas.notInArea(area, pid);
    }

    static ApiProblem notFound(String pid) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "citizen-not-found",
                "Không có công dân mang số định danh " + pid + " trong cơ sở dữ liệu.");
    }

    private static ApiProblem notAlive(Citizen c) {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "citizen-not-alive",
                "Công dân " + c.pid() + " có tình trạng " + c.status() + "; không ghi nhận thay đổi cư trú.");
    }
}
