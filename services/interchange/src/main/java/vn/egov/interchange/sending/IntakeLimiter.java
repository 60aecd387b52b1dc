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
 * at the same time. The body is read only when a request has its turn; a request that cannot start within the wait,
 * or arrives when too many already wait, is answered 503 {@code busy} at once; senders resend.
 */
@Component
public class IntakeLimiter {

    private final Semaphore permits;
    private final long waitMillis;
    private final int maxWaiting;
    private final long maxBodyBytes;

    public IntakeLimiter(InterchangeProperties properties) {
        this.permits = new Semaphore(properties.limits().concurrentIntake(), true);
        this.waitMillis = properties.limits().intakeWait().toMillis();
        this.maxWaiting = properties.limits().concurrentIntake() * 8;
        this.maxBodyBytes = properties.limits().packageMaxSize().toBytes();
    }

    /** Work on a request body that is read only once the request has its turn (waiting requests hold no body). */
    public interface BodyWork<T> {
        T apply(byte[] body);
    }

    /**
     * Waits for a turn, then reads the body (at most the package limit; more is a 413) and runs the work. The body
     * read is handed to {@code onRead} too, so refusals can be logged with its hash.
     */
    public <T> T run(java.io.InputStream in, java.util.function.Consumer<byte[]> onRead, BodyWork<T> work) {
        return run(() -> {
            byte[] body;
            try {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            } catch (java.io.IOException e) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "edxml-malformed", "Không đọc được nội dung yêu cầu.");
            }
            onRead.accept(body);
            if (body.length > maxBodyBytes) {
                throw new ApiProblem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "edxml-too-large",
                        "Gói tin vượt quá giới hạn " + maxBodyBytes + " byte.");
            }
            return work.apply(body);
        });
    }

    public <T> T run(Supplier<T> work) {
        if (permits.getQueueLength() >= maxWaiting) {
            throw busy();
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private static ApiProblem busy() {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "busy",
                "Trục liên thông đang quá tải; hãy gửi lại gói tin sau ít giây (gửi lại không tạo bản trùng).");
    }
}
