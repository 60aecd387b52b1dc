package vn.egov.interchange.edxml;

/** Size limits for incoming packages: whole package, each decoded attachment, number of attachments. */
public record EdxmlLimits(long maxPackageBytes, long maxAttachmentBytes, int maxAttachments) {

    public static EdxmlLimits defaults() {
        return new EdxmlLimits(15L * 1024 * 1024, 10L * 1024 * 1024, 50);
    }
}
