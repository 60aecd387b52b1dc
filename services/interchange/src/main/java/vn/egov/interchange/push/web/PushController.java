package vn.egov.interchange.push.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.push.PushAdministration;
import vn.egov.platform.security.Caller;

/**
 * Push delivery administration: {@code POST /api/interchange/agencies/{code}/webhook-secret} (platform-admin; the
 * secret is shown once) and {@code POST /api/interchange/deliveries/{deliveryId}/retry} (the sending agency or a
 * platform administrator re-queues a delivery parked as {@code PUSH_FAILED}).
 */
@RestController
class PushController {

    private final PushAdministration administration;

    PushController(PushAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/api/interchange/agencies/{code}/webhook-secret")
    @PreAuthorize("hasRole('platform-admin')")
    PushAdministration.IssuedSecret issueSecret(@PathVariable String code) {
        return administration.issueSecret(code);
    }

    @PostMapping("/api/interchange/deliveries/{deliveryId}/retry")
    @PreAuthorize("hasAnyRole('platform-admin','clerk','officer','integrator','agency-admin')")
    PushAdministration.Requeued retry(Caller caller, @PathVariable UUID deliveryId) {
        return administration.requeue(caller, deliveryId);
    }
}
