package vn.egov.systemtests.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Recorder;

/**
 * An open-model load generator: requests start at a fixed arrival rate whatever the latency of earlier ones,
 * and latency is measured from the moment a request was due, so a stall is not hidden (no coordinated
 * omission). Results come from an HdrHistogram.
 */
public final class OpenLoad {

    /** One run's outcome. */
    public record Result(
            String name,
            double offeredPerSecond,
            double achievedPerSecond,
            long requests,
            long errors,
            double p50Ms,
            double p99Ms,
            double p999Ms,
            double maxMs) {

        @Override
        public String toString() {
            return "%-28s offered %7.1f/s achieved %7.1f/s  n=%d errors=%d  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms"
                    .formatted(
                            name, offeredPerSecond, achievedPerSecond, requests, errors, p50Ms, p99Ms, p999Ms, maxMs);
        }
    }

    private OpenLoad() {}

    /**
     * Fires {@code call} at {@code ratePerSecond} for {@code duration}; a response whose status is not 2xx
     * counts as an error. The first {@code warmUp} is run the same way and not recorded.
     */
    public static Result run(
            String name,
            double ratePerSecond,
            Duration warmUp,
            Duration duration,
            Supplier<CompletableFuture<? extends HttpResponse<?>>> call)
            throws InterruptedException {
        if (!warmUp.isZero()) {
            fire(ratePerSecond, warmUp, call, new Recorder(3), new AtomicLong(), new AtomicLong());
        }
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long started = System.nanoTime();
        fire(ratePerSecond, duration, call, recorder, errors, completed);
        double seconds = (System.nanoTime() - started) / 1e9;
        var histogram = recorder.getIntervalHistogram();
        return new Result(
                name,
                ratePerSecond,
                completed.get() / seconds,
                completed.get(),
                errors.get(),
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6,
                histogram.getValueAtPercentile(99.9) / 1e6,
                histogram.getMaxValue() / 1e6);
    }

    private static void fire(
            double ratePerSecond,
            Duration duration,
            Supplier<CompletableFuture<? extends HttpResponse<?>>> call,
            Recorder recorder,
            AtomicLong errors,
            AtomicLong completed)
            throws InterruptedException {
        long total = Math.round(ratePerSecond * duration.toNanos() / 1e9);
        long intervalNanos = Math.round(1e9 / ratePerSecond);
        CountDownLatch done = new CountDownLatch((int) total);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        long origin = System.nanoTime();
        try {
            for (long i = 0; i < total; i++) {
                long due = origin + i * intervalNanos;
                scheduler.schedule(
                        () -> {
                            CompletableFuture<? extends HttpResponse<?>> future;
                            try {
                                future = call.get();
                            } catch (RuntimeException e) {
                                errors.incrementAndGet();
                                done.countDown();
                                return;
                            }
                            future.whenComplete((response, failure) -> {
                                recorder.recordValue(Math.max(0, System.nanoTime() - due));
                                if (failure != null || response.statusCode() / 100 != 2) {
                                    errors.incrementAndGet();
                                }
                                completed.incrementAndGet();
                                done.countDown();
                            });
                        },
                        due - System.nanoTime(),
                        TimeUnit.NANOSECONDS);
            }
            if (!done.await(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                errors.addAndGet(done.getCount());
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
