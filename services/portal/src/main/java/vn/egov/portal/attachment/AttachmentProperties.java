package vn.egov.portal.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of attached files ({@code egov.portal.attachments.*}).
 *
 * @param maxSize largest file accepted (default 10 MB); the request limits ({@code egov.web.max-body-size},
 *     {@code spring.servlet.multipart.*}) must stay above it so the portal can name the file in its 413
 * @param maxPerDossier most files on one dossier
 */
@ConfigurationProperties("egov.portal.attachments")
public record AttachmentProperties(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("30") int maxPerDossier) {}
