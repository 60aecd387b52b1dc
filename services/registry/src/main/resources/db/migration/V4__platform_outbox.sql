-- Citizen events now go through the platform's transactional outbox (outbox_event, db/platform).
drop table citizen_event;
