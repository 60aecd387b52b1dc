package vn.egov.portal.prefill;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;

/**
 * {@code GET /api/portal/dossiers/{id}/prefill[?consent=true]}: without consent, what would be read and the
 * consent text to show; with it, the form pre-filled from the population registry (not saved: the citizen
 * checks it and saves the draft).
 */
@RestController
@PreAuthorize("hasRole('citizen')")
class PrefillController {

    private final PrefillForm prefill;

    PrefillController(PrefillForm prefill) {
        this.prefill = prefill;
    }

    @GetMapping("/api/portal/dossiers/{id}/prefill")
    PrefillForm.Prefill prefill(
            Caller caller,
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean consent) {
        return prefill.prefill(id, caller, jwt.getTokenValue(), consent);
    }
}
