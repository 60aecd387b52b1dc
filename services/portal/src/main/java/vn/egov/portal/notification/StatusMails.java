package vn.egov.portal.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import vn.egov.platform.events.IncomingEvent;
import vn.egov.platform.inbox.Inbox;
import vn.egov.portal.dossier.DossierEvents;
import vn.egov.portal.dossier.DossierStatus;

/**
 * Thông báo cho công dân: consumes the portal's own {@code portal.dossier.v1} status-changed events and, exactly
 * once per event (platform inbox, same transaction), queues an e-mail to the applicant in {@code mail_message},
 * worded from the Vietnamese bundle {@code vn/egov/portal/notification/mail.properties}. Sending is the job's
 * business ({@link MailSenderJob}), so an SMTP outage delays mails and never touches the dossier.
 */
@Component
class StatusMails {

    static final String CONSUMER = "portal-notification";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Inbox inbox;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    StatusMails(Inbox inbox, MailOutbox outbox, JdbcClient jdbc, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        messages.setBasename("vn/egov/portal/notification/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @KafkaListener(topics = DossierEvents.TOPIC, groupId = CONSUMER)
    @Transactional
    public void on(IncomingEvent event) {
        if (!DossierEvents.STATUS_CHANGED.equals(event.type())) {
            return;
        }
        inbox.receive(CONSUMER, event.id(), () -> queue(event.id(), event.data()));
    }

    private record Recipient(String email, String name, String procedureName, String agencyName) {}

    private void queue(String eventId, JsonNode data) {
        UUID dossierId = UUID.fromString(data.path("id").asString());
        Recipient to = jdbc.sql("""
                        select d.applicant_email, d.applicant_name, p.name, p.agency_name
                        from dossier d join procedure p on p.code = d.procedure_code where d.id = ?""")
                .param(dossierId)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElse(null);
        if (to == null || to.email() == null || to.email().isBlank()) {
            return; // nobody to write to (e.g. a dossier filed at the counter without an address)
        }
        DossierStatus status = DossierStatus.of(data.path("status").asInt());
        String key = "mail.status." + status.code();
        if (data.path("previousStatus").asInt(-1) == status.code()) {
            // a step that keeps the status (assignment, transfer, the other agency's feedback) is the desk's
            // business; of those only the apology with its new date is the citizen's
            if (!"APOLOGY".equals(actionOf(dossierId, data.path("version").asInt()))) {
                return;
            }
            key = "mail.apology";
        }
        String due = date(data, "rescheduledDate");
        if (due == null) {
            due = date(data, "dueDate");
        }
        Object[] args = {
            data.path("code").asString(""),
            to.procedureName(),
            status.label(),
            due == null ? "" : due,
            to.name() == null ? "Quý công dân" : to.name(),
            to.agencyName()
        };
        String subject = messages.getMessage(key + ".subject", args, VIETNAMESE);
        String body = messages.getMessage("mail.greeting", args, VIETNAMESE) + "\n\n"
                + messages.getMessage(key + ".body", args, VIETNAMESE) + "\n\n"
                + messages.getMessage("mail.signature", args, VIETNAMESE);
        outbox.enqueue(eventId, dossierId, to.email(), subject, body, clock.instant());
    }

    /** The step recorded in the dossier's history at that version. */
    private String actionOf(UUID dossierId, int version) {
        return jdbc.sql("select action from dossier_history where dossier_id = ? and version = ?")
                .params(dossierId, version)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String date(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull()
                ? null
                : LocalDate.parse(node.asString()).format(DATE);
    }
}
