/* A tiny stand-in for <zlib.h>. */
#ifndef CORPUS_ZLIB_H
#define CORPUS_ZLIB_H

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned char Bytef;
typedef unsigned long uLong;
typedef unsigned long uLongf;
typedef unsigned int uInt;

#define Z_OK 0
#define Z_BUF_ERROR (-5)
#define Z_BEST_SPEED 1
#define Z_DEFAULT_COMPRESSION (-1)

uLong compressBound(uLong sourceLen);
int compress2(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen, int level);
int uncompress(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen);
uLong crc32(uLong crc, const Bytef *buf, uInt len);

#ifdef __cplusplus
}
#endif

#endif
