package vn.egov.portal.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The citizen e-mails ({@code egov.portal.mail.*}); the SMTP server itself is {@code spring.mail.*} (the stack's
 * SMTP, {@code EGOV_SMTP_HOST}/{@code EGOV_SMTP_PORT}).
 *
 * @param from sender address
 * @param batch mails sent per run of the job
 * @param firstRetry wait after the first failure; doubles up to {@code maxRetry}
 * @param maxRetry longest wait between attempts
 * @param maxAttempts attempts before a mail is marked {@code FAILED}
 */
@ConfigurationProperties("egov.portal.mail")
public record MailProperties(
        @DefaultValue("Cổng dịch vụ công <no-reply@dichvucong.egov.vn>")
        String from,

        @DefaultValue("50") int batch,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("50") int maxAttempts) {}
