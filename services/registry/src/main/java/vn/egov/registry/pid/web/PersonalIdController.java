package vn.egov.registry.pid.web;

import java.time.Clock;
import java.time.Year;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.registry.pid.BirthRegistrationProvinces;
import vn.egov.registry.pid.PersonalIdCheck;
import vn.egov.registry.pid.Sex;

/**
 * {@code GET /api/registry/personal-ids/{number}}: a public utility for any authenticated caller — is the number
 * well-formed, and what does it encode. It never says whether a person holds the number, and reads no
 * citizen data, so it is not an access to personal data and is not written to the access log.
 */
@RestController
class PersonalIdController {

    private final BirthRegistrationProvinces provinces;
    private final Clock clock;

    PersonalIdController(BirthRegistrationProvinces provinces, Clock clock) {
        this.provinces = provinces;
        this.clock = clock;
    }

    @GetMapping("/api/registry/personal-ids/{number}")
    PersonalIdCheck check(
            @PathVariable String number,
            @RequestParam(required = false) Sex sex,
            @RequestParam(required = false) Integer birthYear) {
        return PersonalIdCheck.of(number, provinces, Year.now(clock).getValue(), sex, birthYear);
    }
}
