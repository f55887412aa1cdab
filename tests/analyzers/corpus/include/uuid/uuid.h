/* A tiny stand-in for libuuid's <uuid/uuid.h>. */
#ifndef CORPUS_UUID_UUID_H
#define CORPUS_UUID_UUID_H

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned char uuid_t[16];

void uuid_generate(uuid_t out);
void uuid_generate_random(uuid_t out);
void uuid_generate_time(uuid_t out);
void uuid_unparse_lower(const uuid_t uu, char *out);

#ifdef __cplusplus
}
#endif

#endif
