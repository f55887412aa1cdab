/* A tiny stand-in for OpenSSL's <openssl/rand.h>. */
#ifndef CORPUS_OPENSSL_RAND_H
#define CORPUS_OPENSSL_RAND_H

#ifdef __cplusplus
extern "C" {
#endif

int RAND_bytes(unsigned char *buf, int num);

#ifdef __cplusplus
}
#endif

#endif
