package vn.egov.reporting.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.reporting.period.ReportingPeriod;
import vn.egov.reporting.regime.AssignedAgency;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.regime.Regimes;
import vn.egov.reporting.submission.Submission;
import vn.egov.reporting.submission.Submissions;

/**
 * Nhắc hạn gửi báo cáo — once a day, emails every assigned agency that has not filed a period's report when the
 * deadline is {@code egov.reporting.reminders.days-before} (default 3) days away or less. Each reminder is
 * recorded in {@code report_reminder} in the transaction that sends it, so an agency gets at most one per regime
 * and period, whatever the number of replicas (ShedLock runs the job on one of them at a time, and the record's
 * primary key stops a second send). A failed send records nothing and is retried on the next run.
 */
@Component
public class FilingReminders {

    private static final Logger log = LoggerFactory.getLogger(FilingReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Regimes regimes;
    private final Submissions submissions;
    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int daysBefore;
    private final String from;

    public FilingReminders(
            Regimes regimes,
            Submissions submissions,
            JdbcClient jdbc,
            JavaMailSender mail,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${egov.reporting.reminders.days-before:3}") int daysBefore,
            @Value("${egov.reporting.reminders.from:he-thong-bao-cao@egov.localhost}") String from) {
        this.regimes = regimes;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.mail = mail;
        this.transaction = transaction;
        this.clock = clock;
        this.daysBefore = daysBefore;
        this.from = from;
    }

    @Scheduled(cron = "${egov.reporting.reminders.cron:0 0 8 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "reporting.filing-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        int sent = sendDue();
        if (sent > 0) {
            log.info("sent {} filing reminders", sent);
        }
    }

    /** Sends the reminders due today; answers how many were sent. */
    public int sendDue() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (Regime regime : regimes.all()) {
            for (ReportingPeriod period : regime.periodsDueBetween(today, today.plusDays(daysBefore))) {
                if (!today.isAfter(period.to())) {
                    continue; // data not yet cut off: the period is not open for filing
                }
                Set<String> filed = submissions.forPeriod(regime.code(), period.period()).stream()
                        .map(Submission::agencyCode)
                        .collect(Collectors.toSet());
                for (AssignedAgency agency : regime.agencies()) {
                    if (filed.contains(agency.code())) {
                        continue;
                    }
                    if (agency.email() == null || agency.email().isBlank()) {
                        log.warn("no mail address for {} in regime {}: no reminder", agency.code(), regime.code());
                        continue;
                    }
                    if (remind(regime, period, agency, today)) {
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    private boolean remind(Regime regime, ReportingPeriod period, AssignedAgency agency, LocalDate today) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                int recorded = jdbc.sql("""
                                insert into report_reminder (regime_code, period, agency_code, email, deadline, sent_at)
                                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                regime.code(),
                                period.period(),
                                agency.code(),
                                agency.email(),
                                period.deadline(),
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .update();
                if (recorded == 0) {
                    return false; // reminded already
                }
                mail.send(message(regime, period, agency, today));
                return true;
            }));
        } catch (MailException | IllegalStateException e) {
            log.warn(
                    "reminder for {} {} {} not sent, retried on the next run: {}",
                    regime.code(),
                    period.period(),
                    agency.code(),
                    e.toString());
            return false;
        }
    }

    private MimeMessage message(Regime regime, ReportingPeriod period, AssignedAgency agency, LocalDate today) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(agency.email());
            helper.setSubject("[Nhắc hạn] " + regime.name() + " kỳ " + period.period() + " – hạn "
                    + period.deadline().format(DAY));
            long daysLeft = ChronoUnit.DAYS.between(today, period.deadline());
            helper.setText("""
                    Kính gửi: %s (%s)

                    Hệ thống thông tin báo cáo chưa nhận được báo cáo "%s" (mã %s) kỳ %s của quý cơ quan.

                    Thời gian chốt số liệu: từ ngày %s đến ngày %s.
                    Hạn gửi báo cáo: ngày %s (còn %d ngày).
                    Căn cứ: %s.
                    Cơ quan nhận báo cáo: %s.

                    Đề nghị quý cơ quan gửi báo cáo đúng hạn qua Hệ thống thông tin báo cáo.
                    Đây là thư tự động, vui lòng không trả lời.
                    """.formatted(
                            agency.name(),
                            agency.code(),
                            regime.name(),
                            regime.code(),
                            period.period(),
                            period.from().format(DAY),
                            period.to().format(DAY),
                            period.deadline().format(DAY),
                            daysLeft,
                            regime.legalBasis(),
                            regime.receivingAgency()));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the reminder to " + agency.email(), e);
        }
        return message;
    }
}
