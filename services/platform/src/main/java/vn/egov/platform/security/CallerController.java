package vn.egov.platform.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET <api-prefix>/caller}: the caller as this service sees it. Integrators use it to check their
 * token and scopes end to end through the gateway.
 */
@RestController
class CallerController {

    @GetMapping("${egov.api-prefix}/caller")
    Caller caller(Caller caller) {
        return caller;
    }
}
