#!/bin/bash
# Runs once, after 10-service-databases.sh, on an empty data directory: the
# role and physical slot the streaming replica (postgres-replica) uses, and the pg_hba
# rule that lets it connect for replication ("all" in pg_hba does not cover replication).
set -euo pipefail

psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB}" \
	--set=password="${POSTGRES_REPLICATION_PASSWORD}" <<-'SQL'
	CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
	SELECT pg_create_physical_replication_slot('replica_1');
SQL

echo "host replication replicator all scram-sha-256" >>"${PGDATA}/pg_hba.conf"
