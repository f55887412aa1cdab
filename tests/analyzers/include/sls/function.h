/* A tiny stand-in for sdk/include/sls/function.h: the C SDK's names and the
 * same SLS_HANDLER expansion, so analyzer tests of C functions stay fast. */
#pragma once
#include <stddef.h>

typedef struct sls_request sls_request;
typedef struct sls_context sls_context;
typedef struct sls_response sls_response;

const char* sls_request_path(const sls_request* req);
const char* sls_request_query(const sls_request* req, const char* name);
const char* sls_request_header(const sls_request* req, const char* name);
const char* sls_request_body(const sls_request* req, size_t* length);
const char* sls_context_request_id(const sls_context* ctx);
void sls_response_text(sls_response* res, int status, const char* text);

void sls_c_invoke_handler(const sls_request* request, sls_context* context, sls_response* response);

#define SLS_HANDLER(fn)                                                                                 \
  void sls_c_invoke_handler(const sls_request* request, sls_context* context, sls_response* response) { \
    fn(request, context, response);                                                                     \
  }
