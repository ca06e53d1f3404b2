-- The loyalty ledger: an append-only event table is the source of truth; the account row
-- is a snapshot of it, written in the same transaction under optimistic concurrency.

CREATE TABLE points_accounts (
    user_id         text        PRIMARY KEY,
    balance         bigint      NOT NULL CHECK (balance >= 0),
    lifetime_earned bigint      NOT NULL CHECK (lifetime_earned >= 0),
    lifetime_spent  bigint      NOT NULL CHECK (lifetime_spent >= 0),
    -- the sequence of the user's last ledger event; the optimistic-concurrency token
    version         bigint      NOT NULL CHECK (version > 0),
    updated_at      timestamptz NOT NULL
);

CREATE TABLE points_ledger (
    event_id                uuid        PRIMARY KEY,
    user_id                 text        NOT NULL,
    sequence                bigint      NOT NULL CHECK (sequence > 0),
    type                    text        NOT NULL CHECK (type IN ('EARNED', 'SPENT', 'REVERSED')),
    -- EARNED/SPENT: the points moved (> 0); REVERSED: the signed change to the balance
    amount                  bigint      NOT NULL CHECK (amount <> 0),
    balance_after           bigint      NOT NULL CHECK (balance_after >= 0),
    reason                  text        NOT NULL,
    transaction_id          uuid        NOT NULL UNIQUE,
    -- unique: a transaction is compensated at most once, whatever the concurrency
    reverses_transaction_id uuid        UNIQUE,
    idempotency_key         text,
    occurred_at             timestamptz NOT NULL,
    UNIQUE (user_id, sequence),
    CHECK ((type = 'REVERSED') = (reverses_transaction_id IS NOT NULL))
);

-- risk rules look back over a user's recent events
CREATE INDEX points_ledger_user_time ON points_ledger (user_id, occurred_at);

-- one row per Idempotency-Key: the primary key makes concurrent first uses of a key wait
-- for each other, so exactly one of them executes the command
CREATE TABLE points_idempotency (
    idempotency_key text        PRIMARY KEY,
    fingerprint     text        NOT NULL,
    outcome         text,
    transaction_id  uuid,
    rule_id         text,
    detail          text,
    created_at      timestamptz NOT NULL
);

-- the transactional outbox: written with the ledger, relayed to Kafka afterwards
CREATE TABLE points_outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);

CREATE INDEX points_outbox_unsent ON points_outbox (id) WHERE sent_at IS NULL;

CREATE TABLE points_risk_alerts (
    alert_id    uuid        PRIMARY KEY,
    user_id     text        NOT NULL,
    rule_id     text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('REJECTED', 'FLAGGED')),
    detail      text        NOT NULL,
    occurred_at timestamptz NOT NULL
);

CREATE INDEX points_risk_alerts_time ON points_risk_alerts (occurred_at DESC);
