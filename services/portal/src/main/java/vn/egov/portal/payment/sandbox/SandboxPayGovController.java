package vn.egov.portal.payment.sandbox;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SANDBOX payment platform over HTTP, the same protocol a real provider speaks (public paths, no token: every
 * request is authenticated by its checksum). {@code GET /pay} is where the portal redirects the payer; {@code POST
 * /pay/{orderId}?outcome=} plays the payer; {@code GET /query} and {@code GET /settlements} are the provider API
 * the portal's {@code HttpPaymentProvider} calls when pointed here.
 */
@RestController
@RequestMapping("/sandbox/paygov")
@ConditionalOnProperty(prefix = "egov.portal.payment.sandbox", name = "enabled", matchIfMissing = true)
class SandboxPayGovController {

    private final SandboxPaymentProvider sandbox;

    SandboxPayGovController(SandboxPaymentProvider sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/pay")
    Map<String, Object> pay(@RequestParam Map<String, String> request) {
        return sandbox.open(request);
    }

    @PostMapping("/pay/{orderId}")
    SandboxPaymentProvider.Completed complete(
            @PathVariable String orderId, @RequestParam SandboxPaymentProvider.Outcome outcome) {
        return sandbox.complete(orderId, outcome);
    }

    @GetMapping("/query")
    Map<String, String> query(@RequestParam Map<String, String> request) {
        return sandbox.query(request);
    }

    @GetMapping("/settlements")
    List<Map<String, String>> settlements(@RequestParam Map<String, String> request) {
        return sandbox.settlements(request);
    }
}
