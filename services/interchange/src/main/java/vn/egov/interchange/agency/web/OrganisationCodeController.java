package vn.egov.interchange.agency.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.agency.Agencies;
import vn.egov.interchange.agency.OrganisationCodeCheck;
import vn.egov.interchange.agency.OrganisationCodeFormat;

/**
 * {@code GET /api/interchange/organisation-codes/{code}}: is this organisation code well-formed, which form does it
 * use, what are its levels, and if not, why. A utility for any authenticated caller, integrators included. A
 * malformed code is an answer ({@code valid: false}), not an error.
 */
@RestController
class OrganisationCodeController {

    private final Agencies agencies;

    OrganisationCodeController(Agencies agencies) {
        this.agencies = agencies;
    }

    record Registered(String code, String name) {}

    record CodeView(
            String code,
            boolean valid,
            OrganisationCodeFormat format,
            String kind,
            String level1Group,
            List<OrganisationCodeCheck.Level> levels,
            List<String> reasons,
            Registered registeredAgency) {}

    @GetMapping("/api/interchange/organisation-codes/{code}")
    CodeView check(@PathVariable String code) {
        OrganisationCodeCheck.Result r = OrganisationCodeCheck.check(code);
        Registered registered = r.valid()
                ? agencies.byCode(code)
                        .map(a -> new Registered(a.code(), a.name()))
                        .orElse(null)
                : null;
        return new CodeView(
                r.code(), r.valid(), r.format(), r.kind(), r.level1Group(), r.levels(), r.reasons(), registered);
    }
}
