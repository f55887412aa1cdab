/* A tiny stand-in for OpenSSL's <openssl/evp.h>. */
#ifndef CORPUS_OPENSSL_EVP_H
#define CORPUS_OPENSSL_EVP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct evp_md_st EVP_MD;
#define EVP_MAX_MD_SIZE 64

const EVP_MD *EVP_sha256(void);
const EVP_MD *EVP_sha1(void);
int EVP_EncodeBlock(unsigned char *t, const unsigned char *f, int n);

#ifdef __cplusplus
}
#endif

#endif
