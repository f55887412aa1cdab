/* A tiny stand-in for OpenSSL's <openssl/sha.h>. */
#ifndef CORPUS_OPENSSL_SHA_H
#define CORPUS_OPENSSL_SHA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHA256_DIGEST_LENGTH 32
unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);

#ifdef __cplusplus
}
#endif

#endif
