// A tiny stand-in for libpq's <libpq-fe.h>.
#pragma once
extern "C" {
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
PGconn* PQconnectdb(const char* conninfo);
ConnStatusType PQstatus(const PGconn* conn);
void PQreset(PGconn* conn);
PGresult* PQexec(PGconn* conn, const char* query);
}
