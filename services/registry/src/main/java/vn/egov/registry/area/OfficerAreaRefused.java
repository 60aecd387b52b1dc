package vn.egov.registry.area;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/**
 * An officer refused for their area: {@code no-officer-area} (their agency has none) or {@code
 * outside-officer-area} (the citizen or the place is outside it). Always 403, always thrown before anything is
 * written, so a use case may commit the access-log row of the refusal ({@code noRollbackFor}) and nothing else.
 */
public class OfficerAreaRefused extends ApiProblem {

    public static final String NO_AREA = "no-officer-area";
    public static final String OUTSIDE = "outside-officer-area";

    OfficerAreaRefused(String code, String detail, List<FieldProblem> errors) {
        super(HttpStatus.FORBIDDEN, code, detail, errors);
    }
}
