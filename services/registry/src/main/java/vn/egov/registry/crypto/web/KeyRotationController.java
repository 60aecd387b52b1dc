package vn.egov.registry.crypto.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.registry.crypto.KeyRotation;
import vn.egov.registry.crypto.RewrapJob;

/**
 * Quản trị khóa mã hóa (role {@code platform-admin}): how many citizens still hold sensitive fields encrypted
 * under an old key, and re-wrapping them now instead of waiting for the job.
 */
@RestController
@PreAuthorize("hasRole('platform-admin')")
class KeyRotationController {

    private final KeyRotation rotation;
    private final RewrapJob job;

    KeyRotationController(KeyRotation rotation, RewrapJob job) {
        this.rotation = rotation;
        this.job = job;
    }

    @GetMapping("/api/registry/admin/key-rotation")
    KeyRotation.Progress progress() {
        return rotation.progress();
    }

    @PostMapping("/api/registry/admin/key-rotation/rewrap")
    KeyRotation.Run rewrap() {
        // the same batches as the job; a concurrent run of the job skips the rows locked here and vice versa
        return rotation.rewrapAll(job.batchSize());
    }
}
