#!/bin/sh
# Runs once, when the data volume is new: a database and an owner of the same name for each
# service (its password from the env file), and one for Keycloak.
set -eu
create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$1" -v password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
}
create accounts "$ACCOUNTS_DB_PASSWORD"
create checkins "$CHECKINS_DB_PASSWORD"
create notifications "$NOTIFICATIONS_DB_PASSWORD"
create keycloak "$KEYCLOAK_DB_PASSWORD"
