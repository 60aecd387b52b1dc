package vn.egov.interchange.sending;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.egov.interchange.config.InterchangeProperties;
import vn.egov.platform.web.ApiProblem;

/**
 * Bounds how many packages and status packages are parsed and verified at once. Requests run on virtual threads, so
 * without a bound a burst (every sender resending after an outage) would hold hundreds of parsed documents in memory
 * at the same time. A request that cannot start within the wait is answered 503 {@code busy}; senders resend.
 */
@Component
public class IntakeLimiter {

    private final Semaphore permits;
    private final long waitMillis;

    public IntakeLimiter(InterchangeProperties properties) {
        this.permits = new Semaphore(properties.limits().concurrentIntake(), true);
        this.waitMillis = properties.limits().intakeWait().toMillis();
    }

    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "busy",
                    "Trục liên thông đang quá tải; hãy gửi lại gói tin sau ít giây (gửi lại không tạo bản trùng).");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
