#!/bin/bash
# Entrypoint of postgres-replica: on first start, clones the primary with pg_basebackup
# (streaming WAL, its replication slot, standby.signal and primary_conninfo written by -R);
# afterwards the data directory exists and this only hands over to the image's entrypoint,
# which starts PostgreSQL as a hot standby.
set -euo pipefail

primary="${POSTGRES_PRIMARY_HOST:?POSTGRES_PRIMARY_HOST is required}"

if [[ ! -s "${PGDATA}/PG_VERSION" ]]; then
	echo "bootstrap-replica: cloning ${primary} into ${PGDATA}"
	mkdir -p "${PGDATA}"
	chown postgres:postgres "${PGDATA}"
	chmod 700 "${PGDATA}"
	until gosu postgres pg_isready --host "${primary}" --port 5432 --username replicator --quiet; do
		echo "bootstrap-replica: waiting for ${primary}"
		sleep 2
	done
	PGPASSWORD="${POSTGRES_REPLICATION_PASSWORD:?POSTGRES_REPLICATION_PASSWORD is required}" \
		gosu postgres pg_basebackup --host "${primary}" --port 5432 --username replicator \
		--pgdata "${PGDATA}" --wal-method stream --slot replica_1 --write-recovery-conf \
		--checkpoint fast --no-password
	echo "bootstrap-replica: clone done, starting as hot standby"
fi

exec docker-entrypoint.sh postgres -c hot_standby=on
