/* A tiny stand-in for libpq's <libpq-fe.h>. */
#ifndef CORPUS_LIBPQ_FE_H
#define CORPUS_LIBPQ_FE_H

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned int Oid;
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
typedef enum {
  PGRES_EMPTY_QUERY = 0,
  PGRES_COMMAND_OK,
  PGRES_TUPLES_OK,
  PGRES_BAD_RESPONSE = 5,
  PGRES_FATAL_ERROR = 7
} ExecStatusType;
typedef enum { PQPING_OK, PQPING_REJECT, PQPING_NO_RESPONSE, PQPING_NO_ATTEMPT } PGPing;

PGconn *PQconnectdb(const char *conninfo);
ConnStatusType PQstatus(const PGconn *conn);
void PQreset(PGconn *conn);
void PQfinish(PGconn *conn);
PGPing PQping(const char *conninfo);
char *PQerrorMessage(const PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
PGresult *PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                       const char *const *paramValues, const int *paramLengths,
                       const int *paramFormats, int resultFormat);
ExecStatusType PQresultStatus(const PGresult *res);
int PQntuples(const PGresult *res);
char *PQgetvalue(const PGresult *res, int tup_num, int field_num);
char *PQcmdTuples(PGresult *res);
void PQclear(PGresult *res);

#ifdef __cplusplus
}
#endif

#endif
