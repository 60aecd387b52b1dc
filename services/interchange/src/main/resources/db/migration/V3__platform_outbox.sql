-- Document events now go through the platform's transactional outbox (outbox_event).
DROP TABLE document_event_outbox;
