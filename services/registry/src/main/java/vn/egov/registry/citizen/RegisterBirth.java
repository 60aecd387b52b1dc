package vn.egov.registry.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.area.OfficerArea;
import vn.egov.registry.area.OfficerAreas;
import vn.egov.registry.events.CitizenEvents;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;

/**
 * Đăng ký khai sinh — registers a birth: checks the declaration, assigns the personal ID number (prefix of the
 * province where the birth is registered), stores the citizen with their permanent residence and household
 * membership, and publishes {@code registered} through the outbox, all in one transaction. The officer's agency
 * must serve the province of the registering commune and of the declared permanent residence ({@link
 * OfficerAreas}); else 403 and nothing is stored. A household the newborn joins must be in the area too: one
 * outside it is answered like an unknown number (400 on {@code household.number}), so the desk cannot be used to
 * learn which household numbers exist elsewhere.
 */
@Service
public class RegisterBirth {

    /** The declaration of a birth, as checked by the web layer (shapes) and here (references and dates). */
    public record Declaration(
            String fullName,
            String otherNames,
            BirthDate birthDate,
            Sex sex,
            String birthRegistrationCommune,
            String homeTown,
            String ethnicCode,
            String religion,
            String bloodType,
            String nationality,
            Relative father,
            Relative mother,
            Relative representative,
            String householdNumber,
            HouseholdRelationship householdRelationship,
            String residenceCommune,
            String residenceAddress) {}

    private final Citizens citizens;
    private final PidAssigner pids;
    private final CitizenEvents events;
    private final OfficerAreas areas;
    private final Clock clock;

    public RegisterBirth(Citizens citizens, PidAssigner pids, CitizenEvents events, OfficerAreas areas, Clock clock) {
        this.citizens = citizens;
        this.pids = pids;
        this.events = events;
        this.areas = areas;
        this.clock = clock;
    }

    @Transactional
    public Citizen register(Caller caller, Declaration d) {
        OfficerArea area = areas.of(caller);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (!d.birthDate().notAfter(today)) {
            problems.add(new FieldProblem("dateOfBirth", "Ngày sinh không được sau ngày hôm nay."));
        }
        if (d.birthDate().year() < 1900) {
            problems.add(new FieldProblem("dateOfBirth", "Năm sinh trước 1900 không mã hóa được trong số định danh."));
        }
        String province =
                citizens.provinceOfCommune(d.birthRegistrationCommune()).orElse(null);
        if (province == null) {
            problems.add(new FieldProblem(
                    "birthRegistrationCommune",
                    "Không có xã/phường mã " + d.birthRegistrationCommune() + " trong danh mục."));
        }
        if (d.ethnicCode() != null && !citizens.ethnicGroupExists(d.ethnicCode())) {
            problems.add(new FieldProblem(
                    "ethnicCode", "Không có dân tộc mã " + d.ethnicCode() + " trong danh mục 54 dân tộc."));
        }
        String residenceProvince = d.residenceCommune() == null
                ? null
                : citizens.provinceOfCommune(d.residenceCommune()).orElse(null);
        if (d.residenceCommune() != null && residenceProvince == null) {
            problems.add(new FieldProblem(
                    "permanentResidence.communeCode",
                    "Không có xã/phường mã " + d.residenceCommune() + " trong danh mục."));
        }
        UUID householdId = null;
        if (d.householdNumber() != null) {
            // a household outside the area answers like an unknown number: the answer tells nothing about which
            // numbers exist elsewhere
            householdId = citizens.householdByNumber(d.householdNumber())
                    .filter(h -> area.covers(h.provinceCode()))
                    .map(Citizens.HouseholdPlace::id)
                    .orElse(null);
            if (householdId == null) {
                problems.add(new FieldProblem(
                        "household.number",
                        "Không có hộ số " + d.householdNumber()
                                + (area.national() ? "." : " trong địa bàn của cơ quan " + area.agencyCode() + ".")));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid", "Tờ khai đăng ký khai sinh chưa hợp lệ.", problems);
        }
        areas.requirePlace(
                area,
                province,
                "birthRegistrationCommune",
                "Nơi đăng ký khai sinh (xã/phường " + d.birthRegistrationCommune() + ")");
        if (residenceProvince != null) {
            areas.requirePlace(
                    area,
                    residenceProvince,
                    "permanentResidence.communeCode",
                    "Nơi thường trú khai báo (xã/phường " + d.residenceCommune() + ")");
        }
        Instant now = clock.instant();
        PersonalIdNumber pid =
                pids.assign("0" + province, d.sex(), d.birthDate().year(), "BIRTH");
        Citizen citizen = new Citizen(
                UUID.randomUUID(),
                pid,
                d.fullName(),
                d.otherNames(),
                d.birthDate(),
                d.sex(),
                d.birthRegistrationCommune(),
                province,
                d.homeTown(),
                d.ethnicCode(),
                d.religion(),
                d.bloodType(),
                d.nationality(),
                d.father(),
                d.mother(),
                null,
                d.representative(),
                householdId,
                householdId == null ? null : d.householdRelationship(),
                CitizenStatus.ALIVE,
                null,
                0,
                now,
                now);
        citizens.insert(citizen);
        if (d.residenceCommune() != null) {
            citizens.moveResidence(
                    citizen.id(),
                    ResidenceKind.PERMANENT,
                    d.residenceCommune(),
                    d.residenceAddress(),
                    d.birthDate().earliest(),
                    now);
        }
        events.publish(CitizenEvents.Type.REGISTERED, citizen.id(), pid.value(), citizen.version(), List.of(), null);
        return citizen;
    }
}
