-- Push delivery (chuyển giao chủ động): the axis POSTs each package to the webhook of agencies whose directory entry
-- says PUSH, signing every request with HMAC-SHA256 under the agency's webhook secret.
ALTER TABLE agency ADD COLUMN webhook_secret text;
ALTER TABLE agency ADD COLUMN webhook_secret_created_at timestamptz;

-- Attempts so far, when the next one is due (exponential back-off), the last failure; after the configured number of
-- attempts the delivery is parked as PUSH_FAILED (dead letter) until the sender or an administrator re-queues it.
ALTER TABLE delivery ADD COLUMN push_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE delivery ADD COLUMN next_push_at timestamptz;
ALTER TABLE delivery ADD COLUMN last_push_error text;
ALTER TABLE delivery DROP CONSTRAINT delivery_state_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_state_check
    CHECK (state IN ('PENDING', 'DELIVERED', 'RECALLED', 'PUSH_FAILED'));

-- The push job's query: pending deliveries, most urgent first, oldest first within a rank, due now.
CREATE INDEX delivery_push_due ON delivery (urgency DESC, created_at, id) WHERE state = 'PENDING';
