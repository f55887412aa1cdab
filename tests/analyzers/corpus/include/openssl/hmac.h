/* A tiny stand-in for OpenSSL's <openssl/hmac.h>. */
#ifndef CORPUS_OPENSSL_HMAC_H
#define CORPUS_OPENSSL_HMAC_H

#include <stddef.h>
#include <openssl/evp.h>

#ifdef __cplusplus
extern "C" {
#endif

unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *d, size_t n,
                    unsigned char *md, unsigned int *md_len);
int CRYPTO_memcmp(const void *a, const void *b, size_t len);

#ifdef __cplusplus
}
#endif

#endif
