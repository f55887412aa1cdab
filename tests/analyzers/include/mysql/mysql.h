/* A tiny stand-in for the MySQL C API <mysql/mysql.h>. */
#ifndef CORPUS_MYSQL_MYSQL_H
#define CORPUS_MYSQL_MYSQL_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct st_mysql MYSQL;
typedef struct st_mysql_res MYSQL_RES;
typedef char **MYSQL_ROW;
typedef unsigned long long my_ulonglong;

MYSQL *mysql_init(MYSQL *mysql);
MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user, const char *passwd,
                          const char *db, unsigned int port, const char *unix_socket,
                          unsigned long clientflag);
int mysql_query(MYSQL *mysql, const char *q);
int mysql_real_query(MYSQL *mysql, const char *q, unsigned long length);
MYSQL_RES *mysql_store_result(MYSQL *mysql);
MYSQL_ROW mysql_fetch_row(MYSQL_RES *result);
my_ulonglong mysql_num_rows(MYSQL_RES *res);
my_ulonglong mysql_affected_rows(MYSQL *mysql);
void mysql_free_result(MYSQL_RES *result);
int mysql_ping(MYSQL *mysql);
const char *mysql_error(MYSQL *mysql);
unsigned int mysql_errno(MYSQL *mysql);
unsigned long mysql_real_escape_string(MYSQL *mysql, char *to, const char *from, unsigned long length);
void mysql_close(MYSQL *sock);

#ifdef __cplusplus
}
#endif

#endif
