package vn.egov.platform.deadletter;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.ApiProblem;

/**
 * Dead letters of this service's consumers, for platform administrators: list them, replay one or all to the
 * topic they came from.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('platform-admin')")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The newest dead letters (up to {@code limit} per partition) of a consumer group. */
    @GetMapping
    public List<DeadLetter> list(@RequestParam String consumer, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.badField("invalid", "limit", "phải từ 1 đến 1000");
        }
        return checked(() -> deadLetters.list(consumer, limit), "consumer");
    }

    /** Replays one dead letter to its original topic. */
    @PostMapping("/{dlt}/{partition}/{offset}/replay")
    public DeadLetter replay(@PathVariable String dlt, @PathVariable int partition, @PathVariable long offset) {
        return checked(() -> deadLetters.replay(dlt, partition, offset), "dlt")
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "Không có bản ghi tại " + dlt + "/" + partition + "/" + offset));
    }

    /** Replays every dead letter of a dead-letter topic. */
    @PostMapping("/{dlt}/replay")
    public Map<String, Object> replayAll(@PathVariable String dlt) {
        int replayed = checked(() -> deadLetters.replayAll(dlt), "dlt");
        return Map.of("deadLetterTopic", dlt, "replayed", replayed);
    }

    private static <T> T checked(Supplier<T> action, String field) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("invalid", field, e.getMessage());
        }
    }
}
