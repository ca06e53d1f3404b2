#!/bin/bash
# Runs once, when the official postgres image initialises an empty data directory: one
# database per service, owned by the service's login role, the same ones local-stack
# provisions (local-stack/.../postgres/ServiceDatabase.java). Every service role's password
# is POSTGRES_PASSWORD, the variable the services read.
set -euo pipefail

for entry in pulsehub_ingestion:ingestion pulsehub_points:points; do
	database="${entry%%:*}"
	role="${entry##*:}"
	echo "10-service-databases: ${database} owned by ${role}"
	psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB}" \
		--set=database="${database}" --set=role="${role}" --set=password="${POSTGRES_PASSWORD}" <<-'SQL'
		CREATE ROLE :"role" WITH LOGIN PASSWORD :'password';
		CREATE DATABASE :"database" OWNER :"role";
	SQL
done
