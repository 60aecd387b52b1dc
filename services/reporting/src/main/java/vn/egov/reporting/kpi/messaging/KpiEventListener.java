package vn.egov.reporting.kpi.messaging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.events.EventSchemas;
import vn.egov.platform.events.IncomingEvent;
import vn.egov.platform.events.InvalidEventException;
import vn.egov.platform.inbox.Inbox;
import vn.egov.reporting.kpi.KpiProjection;
import vn.egov.reporting.kpi.KpiProperties;

/**
 * Reads the portal's dossier and payment events and the interchange's document events into the KPI tables, a
 * batch of records per transaction. Each event is checked against its contract first: a record that is not a
 * CloudEvent, breaks its schema or lacks a field goes to the dead-letter topic {@code <topic>.reporting-kpi.dlt}
 * with the reason (the records before it are applied and committed, the ones after it are read again), and
 * nothing else stops. The inbox applies each event once, in the same transaction as its effect.
 */
@Component
public class KpiEventListener {

    private final Inbox inbox;
    private final EventSchemas schemas;
    private final KpiProjection projection;
    private final TransactionTemplate transactions;
    private final String group;

    KpiEventListener(
            Inbox inbox,
            EventSchemas schemas,
            KpiProjection projection,
            TransactionTemplate transactions,
            KpiProperties properties) {
        this.inbox = inbox;
        this.schemas = schemas;
        this.projection = projection;
        this.transactions = transactions;
        this.group = properties.group();
    }

    @KafkaListener(
            id = "kpi-events",
            topics = {
                "${egov.reporting.kpi.topics.dossier:portal.dossier.v1}",
                "${egov.reporting.kpi.topics.payment:portal.payment.v1}",
                "${egov.reporting.kpi.topics.document:interchange.document.v1}"
            },
            groupId = "${egov.reporting.kpi.group:reporting-kpi}",
            containerFactory = "kpiBatchListenerContainerFactory")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                IncomingEvent event = IncomingEvent.from(records.get(i));
                if (KpiProjection.handles(event.type())) {
                    schemas.validate(event);
                    KpiProjection.check(event);
                    events.add(event);
                }
            } catch (InvalidEventException e) {
                apply(events);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        apply(events);
    }

    /** Applies the events the inbox has not seen, in one transaction; one that lacks a field fails it whole. */
    private void apply(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            List<IncomingEvent> fresh = new ArrayList<>(events.size());
            for (IncomingEvent event : events) {
                inbox.receive(group, event.id(), () -> fresh.add(event));
            }
            projection.apply(fresh);
        });
    }
}
