-- Erasure (GDPR) of the archive: one tombstone per erased user, written by the archive
-- eraser when profile-changes announces a DELETED profile, in the transaction that deletes
-- the user's rows. The archiver never stores an event of a user listed here, so an event
-- still in flight when the user was erased (or replayed later) does not bring them back.
-- Like profile-service's user_erasures, a tombstone is never removed.
CREATE TABLE archive_erasures (
    user_id      text        PRIMARY KEY,
    erased_at    timestamptz NOT NULL DEFAULT now(),
    rows_deleted bigint      NOT NULL DEFAULT 0
);
