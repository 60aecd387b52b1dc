package vn.egov.reporting.kpi.messaging;

import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.events.IncomingEvent;
import vn.egov.platform.inbox.Inbox;
import vn.egov.reporting.kpi.KpiProjection;
import vn.egov.reporting.kpi.KpiProperties;

/**
 * Reads the portal's dossier and payment events and the interchange's document events into the KPI tables. Each
 * event is checked against its contract first: a record that is not a CloudEvent, breaks its schema or lacks a
 * field goes to the dead-letter topic {@code <topic>.reporting-kpi.dlt} with the reason, and the next record is
 * read. The inbox applies each event once, in the same transaction as its effect.
 */
@Component
public class KpiEventListener {

    private final Inbox inbox;
    private final EventSchemas schemas;
    private final KpiProjection projection;
    private final String group;

    KpiEventListener(Inbox inbox, EventSchemas schemas, KpiProjection projection, KpiProperties properties) {
        this.inbox = inbox;
        this.schemas = schemas;
        this.projection = projection;
        this.group = properties.group();
    }

    @KafkaListener(
            id = "kpi-events",
            topics = {
                "${egov.reporting.kpi.topics.dossier:portal.dossier.v1}",
                "${egov.reporting.kpi.topics.payment:portal.payment.v1}",
                "${egov.reporting.kpi.topics.document:interchange.document.v1}"
            },
            groupId = "${egov.reporting.kpi.group:reporting-kpi}")
    @Transactional
    public void on(IncomingEvent event) {
        if (!KpiProjection.handles(event.type())) {
            return;
        }
        schemas.validate(event);
        inbox.receive(group, event.id(), () -> projection.apply(List.of(event)));
    }
}
