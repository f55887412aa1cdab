/* A tiny stand-in for libHaru's <hpdf.h>. */
#ifndef CORPUS_HPDF_H
#define CORPUS_HPDF_H

#ifdef __cplusplus
extern "C" {
#endif

typedef void *HPDF_Doc;
typedef void *HPDF_Page;
typedef void *HPDF_Font;
typedef unsigned long HPDF_STATUS;
typedef float HPDF_REAL;
typedef unsigned int HPDF_UINT32;
typedef unsigned char HPDF_BYTE;
typedef void (*HPDF_Error_Handler)(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data);

#define HPDF_OK 0

HPDF_Doc HPDF_New(HPDF_Error_Handler user_error_fn, void *user_data);
void HPDF_Free(HPDF_Doc pdf);
HPDF_Page HPDF_AddPage(HPDF_Doc pdf);
HPDF_Font HPDF_GetFont(HPDF_Doc pdf, const char *font_name, const char *encoding_name);
HPDF_STATUS HPDF_Page_SetFontAndSize(HPDF_Page page, HPDF_Font font, HPDF_REAL size);
HPDF_STATUS HPDF_Page_BeginText(HPDF_Page page);
HPDF_STATUS HPDF_Page_TextOut(HPDF_Page page, HPDF_REAL xpos, HPDF_REAL ypos, const char *text);
HPDF_STATUS HPDF_Page_EndText(HPDF_Page page);
HPDF_REAL HPDF_Page_GetHeight(HPDF_Page page);
HPDF_STATUS HPDF_SaveToFile(HPDF_Doc pdf, const char *file_name);
HPDF_STATUS HPDF_SaveToStream(HPDF_Doc pdf);
HPDF_UINT32 HPDF_GetStreamSize(HPDF_Doc pdf);
HPDF_STATUS HPDF_ReadFromStream(HPDF_Doc pdf, HPDF_BYTE *buf, HPDF_UINT32 *size);

#ifdef __cplusplus
}
#endif

#endif
