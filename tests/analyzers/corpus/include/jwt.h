/* A tiny stand-in for libjwt's <jwt.h>. */
#ifndef CORPUS_JWT_H
#define CORPUS_JWT_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jwt jwt_t;
typedef enum { JWT_ALG_NONE = 0, JWT_ALG_HS256, JWT_ALG_HS384, JWT_ALG_HS512, JWT_ALG_RS256 } jwt_alg_t;

int jwt_new(jwt_t **jwt);
int jwt_decode(jwt_t **jwt, const char *token, const unsigned char *key, int key_len);
void jwt_free(jwt_t *jwt);
const char *jwt_get_grant(jwt_t *jwt, const char *grant);
long jwt_get_grant_int(jwt_t *jwt, const char *grant);
int jwt_add_grant(jwt_t *jwt, const char *grant, const char *val);
int jwt_add_grant_int(jwt_t *jwt, const char *grant, long val);
int jwt_set_alg(jwt_t *jwt, jwt_alg_t alg, const unsigned char *key, int len);
jwt_alg_t jwt_get_alg(jwt_t *jwt);
char *jwt_encode_str(jwt_t *jwt);
void jwt_free_str(char *str);

#ifdef __cplusplus
}
#endif

#endif
