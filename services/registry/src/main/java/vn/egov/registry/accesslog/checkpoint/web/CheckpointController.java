package vn.egov.registry.accesslog.checkpoint.web;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.registry.accesslog.ChainReport;
import vn.egov.registry.accesslog.checkpoint.AnchoredVerification;
import vn.egov.registry.accesslog.checkpoint.Checkpoint;
import vn.egov.registry.accesslog.checkpoint.CheckpointKeys;
import vn.egov.registry.accesslog.checkpoint.Checkpoints;

/**
 * Điểm kiểm tra nhật ký truy cập: the public checkpoint key (anyone holding a checkpoint can check its signature),
 * verification of the access log against checkpoints kept outside the database (role {@code auditor}), and taking a
 * checkpoint now instead of waiting for the job (role {@code platform-admin}).
 */
@RestController
class CheckpointController {

    private final CheckpointKeys keys;
    private final Checkpoints checkpoints;
    private final AnchoredVerification verification;

    CheckpointController(CheckpointKeys keys, Checkpoints checkpoints, AnchoredVerification verification) {
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.verification = verification;
    }

    /** The request of an anchored verification: signed checkpoints obtained outside the registry. */
    record AnchoredRequest(List<Checkpoint> checkpoints) {}

    @GetMapping("/api/registry/access-log/checkpoint-key")
    CheckpointKeys.Published key() {
        return keys.published();
    }

    @PostMapping("/api/registry/access-log/verification")
    @PreAuthorize("hasRole('auditor')")
    ChainReport verify(@RequestBody AnchoredRequest request) {
        return verification.verify(request.checkpoints());
    }

    @PostMapping("/api/registry/admin/access-log/checkpoints")
    @PreAuthorize("hasRole('platform-admin')")
    Checkpoint take() {
        return checkpoints.take();
    }
}
