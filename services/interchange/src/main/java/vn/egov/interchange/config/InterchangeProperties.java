package vn.egov.interchange.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the interchange ({@code egov.interchange.*}): package limits, inbox page size, the development CA.
 */
@ConfigurationProperties("egov.interchange")
public record InterchangeProperties(Limits limits, Inbox inbox, Lateness lateness) {

    public InterchangeProperties {
        limits = limits == null ? new Limits(null, null, 0, 0, null) : limits;
        inbox = inbox == null ? new Inbox(0) : inbox;
        lateness = lateness == null ? new Lateness(null, null) : lateness;
    }

    /**
     * When the sender's timeline flags a delivery as late: not acknowledged by the recipient's system within
     * {@code notDeliveredAfter} of sending; no 03 (accepted) or 02 (refused) within {@code notAcceptedAfter}.
     */
    public record Lateness(java.time.Duration notDeliveredAfter, java.time.Duration notAcceptedAfter) {
        public Lateness {
            notDeliveredAfter = notDeliveredAfter == null ? java.time.Duration.ofHours(4) : notDeliveredAfter;
            notAcceptedAfter = notAcceptedAfter == null ? java.time.Duration.ofHours(24) : notAcceptedAfter;
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
