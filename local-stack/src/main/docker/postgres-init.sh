#!/bin/sh
# docker-compose.yml: creates the role the services log in as and one database per service. The postgres image
# runs this once, when its data volume is still empty.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$CHORUS_DB_PASSWORD" <<'SQL'
CREATE ROLE chorus LOGIN PASSWORD :'password';
CREATE DATABASE directory OWNER chorus;
CREATE DATABASE survey OWNER chorus;
CREATE DATABASE insight OWNER chorus;
SQL
