package vn.egov.interchange.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the interchange ({@code egov.interchange.*}): package limits, inbox page size, the development CA (the
 * lateness rules are the status feature's: {@code vn.egov.interchange.status.LatenessRules}).
 */
@ConfigurationProperties("egov.interchange")
public record InterchangeProperties(Limits limits, Inbox inbox, Push push) {

    public InterchangeProperties {
        limits = limits == null ? new Limits(null, null, 0, 0, null) : limits;
        inbox = inbox == null ? new Inbox(0) : inbox;
        push = push == null ? new Push(0, null, null, null, null, 0) : push;
    }

    /**
     * Push delivery to webhooks: a delivery is given up (PUSH_FAILED) after {@code maxAttempts} failed POSTs; the wait
     * after the n-th failure is {@code firstRetry} × 2^(n-1), at most {@code longestWait}; each POST may take
     * {@code connectTimeout} to connect and {@code requestTimeout} in all; one run pushes at most {@code batch}.
     */
    public record Push(
            int maxAttempts,
            java.time.Duration firstRetry,
            java.time.Duration longestWait,
            java.time.Duration connectTimeout,
            java.time.Duration requestTimeout,
            int batch) {
        public Push {
            maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
            firstRetry = firstRetry == null ? java.time.Duration.ofSeconds(30) : firstRetry;
            longestWait = longestWait == null ? java.time.Duration.ofHours(1) : longestWait;
            connectTimeout = connectTimeout == null ? java.time.Duration.ofSeconds(5) : connectTimeout;
            requestTimeout = requestTimeout == null ? java.time.Duration.ofSeconds(30) : requestTimeout;
            batch = batch <= 0 ? 100 : batch;
        }

        /** The wait after the given number of failed attempts (1 = the first failure). */
        public java.time.Duration waitAfter(int failedAttempts) {
            int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
            java.time.Duration wait = firstRetry.multipliedBy(1L << shift);
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }

    /** Whole package, each decoded attachment, number of attachments. */
    /**
     * Whole package, each decoded attachment, number of attachments; how many packages are parsed and verified at
     * once, and how long a request waits for its turn before a 503.
     */
    public record Limits(
            DataSize packageMaxSize,
            DataSize attachmentMaxSize,
            int maxAttachments,
            int concurrentIntake,
            java.time.Duration intakeWait) {
        public Limits {
            packageMaxSize = packageMaxSize == null ? DataSize.ofMegabytes(15) : packageMaxSize;
            attachmentMaxSize = attachmentMaxSize == null ? DataSize.ofMegabytes(10) : attachmentMaxSize;
            maxAttachments = maxAttachments <= 0 ? 50 : maxAttachments;
            concurrentIntake = concurrentIntake <= 0 ? 32 : concurrentIntake;
            intakeWait = intakeWait == null ? java.time.Duration.ofSeconds(10) : intakeWait;
        }
    }

    /** How many deliveries one inbox page lists at most. */
    public record Inbox(int maxPageSize) {
        public Inbox {
            maxPageSize = maxPageSize <= 0 ? 100 : maxPageSize;
        }
    }
}
