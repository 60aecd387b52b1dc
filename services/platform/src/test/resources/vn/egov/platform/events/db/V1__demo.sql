-- Tables of the platform's messaging demo application (tests only).
CREATE TABLE demo_thing (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per applied effect; no unique constraint, so a duplicate effect would show.
CREATE TABLE demo_effect (
    id       bigserial PRIMARY KEY,
    event_id text NOT NULL,
    thing_id uuid NOT NULL,
    name     text NOT NULL,
    trace_id text
);
