-- Cold-path archive of user-activity-events (ingestion-service archiver, group cold-archiver).

-- Every event id ever archived, whatever its event time: the idempotency guard. The
-- partitioned table cannot have a unique constraint on event_id alone (it would have to
-- include the partition key), so this small table has it and the archiver inserts here
-- first, in the same statement, keeping only the ids that were new.
CREATE TABLE activity_event_ids (
    event_id    text        PRIMARY KEY,
    occurred_at timestamptz NOT NULL
);

-- Retention deletes ids by event time, like it drops partitions.
CREATE INDEX activity_event_ids_occurred_at ON activity_event_ids (occurred_at);

-- One row per event: every UserActivityEvent field as a column (empty strings as NULL,
-- properties as jsonb) plus where Kafka had it and when it was archived. Daily range
-- partitions by occurred_at (UTC), named activity_events_pYYYYMMDD, are created ahead and
-- dropped after the retention by the archiver's partition maintainer.
CREATE TABLE activity_events (
    event_id        text        NOT NULL CHECK (event_id <> ''),
    user_id         text        NOT NULL CHECK (user_id <> ''),
    event_type      text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    received_at     timestamptz,
    session_id      text,
    item_id         text,
    page_url        text,
    user_agent      text,
    ip              text,
    amount_minor    bigint      NOT NULL DEFAULT 0,
    currency        text,
    properties      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    archived_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- A user's history in time order (replays, reconciliation).
CREATE INDEX activity_events_user_occurred ON activity_events (user_id, occurred_at);

-- The safety net: rows for days without a partition land here instead of failing; the
-- maintainer moves them into the day's partition when it creates it.
CREATE TABLE activity_events_default PARTITION OF activity_events DEFAULT;
