package vn.egov.portal.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gửi thư: every few seconds (one replica at a time, ShedLock), sends the due mails of the outbox through the
 * stack's SMTP. A failed send stays {@code PENDING} with a doubling wait (first retry, up to the longest wait)
 * and is marked {@code FAILED} after the last attempt; a sent mail is never sent again by this job.
 */
@EnableConfigurationProperties(MailProperties.class)
@Component
class MailSenderJob {

    private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);

    private final MailOutbox outbox;
    private final JavaMailSender mail;
    private final MailProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailSenderJob(
            MailOutbox outbox, JavaMailSender mail, MailProperties properties, TransactionTemplate tx, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${egov.portal.mail.poll:2s}", initialDelayString = "${egov.portal.mail.poll:2s}")
    @SchedulerLock(name = "portal.mail-sender", lockAtMostFor = "PT5M")
    void sendDue() {
        Integer sent;
        do {
            sent = tx.execute(s -> sendBatch());
        } while (sent != null && sent == properties.batch());
    }

    /** Sends one batch; returns how many mails it picked. */
    int sendBatch() {
        var due = outbox.due(clock.instant(), properties.batch());
        for (MailOutbox.Mail m : due) {
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
                helper.setFrom(new InternetAddress(properties.from(), false));
                helper.setTo(m.recipient());
                helper.setSubject(m.subject());
                helper.setText(m.body(), false);
                mail.send(message);
                outbox.sent(m.id(), clock.instant());
            } catch (Exception e) {
                int attempts = m.attempts() + 1;
                boolean giveUp = attempts >= properties.maxAttempts();
                Instant next = clock.instant().plus(backoff(attempts));
                outbox.failed(m.id(), abbreviate(e.toString()), next, giveUp);
                log.warn(
                        "mail {} not sent (attempt {}{}): {}",
                        m.id(),
                        attempts,
                        giveUp ? ", giving up" : "",
                        e.toString());
            }
        }
        return due.size();
    }

    Duration backoff(int attempts) {
        Duration wait = properties.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
