-- Residences by citizen. Every purpose-bound read that releases a residence field (the dossier-processing
-- agreements do) loads the citizen's residences with `where citizen_id = ?`; the only index starting with
-- citizen_id (residence_open) is partial (open residences only), so each such read scanned the whole table
-- (measured: 284 ms for one read at 950,000 residences; it grows with the population).
-- On a large live registry, build it first without blocking writers (psql: `create index concurrently
-- residence_citizen on residence (citizen_id)`); this migration then finds it and does nothing.
create index if not exists residence_citizen on residence (citizen_id);
