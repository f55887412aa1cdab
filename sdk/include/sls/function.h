/* The sls function SDK for C: include this, write a handler, register it with SLS_HANDLER.
 *
 *   #include <sls/function.h>
 *
 *   static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
 *     sls_response_printf(res, "hello %s", sls_request_query(req, "name"));
 *   }
 *   SLS_HANDLER(handle)
 *
 * The same request, response and context as the C++ SDK (<sls/function.hpp>), served by the same
 * runtime glue on both targets. Every string the SDK returns is NUL-terminated, never NULL, and
 * stays valid until the handler returns. The response starts as status 200 with an empty body and
 * no headers (application/octet-stream is sent when no content-type is set, as for C++).
 * See docs/sdk.md. */
#ifndef SLS_FUNCTION_H
#define SLS_FUNCTION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sls_request sls_request;
typedef struct sls_response sls_response;
typedef struct sls_context sls_context;

/* The request. */
const char* sls_request_method(const sls_request* req);                   /* "GET" */
const char* sls_request_path(const sls_request* req);                     /* without the query */
const char* sls_request_query(const sls_request* req, const char* name);  /* URL-decoded; "" if absent */
const char* sls_request_header(const sls_request* req, const char* name); /* any case; "" if absent */
const char* sls_request_param(const sls_request* req, const char* name);  /* route "/u/:id" -> "id" */
const char* sls_request_body(const sls_request* req, size_t* length);     /* raw bytes; length may be NULL */
size_t sls_request_header_count(const sls_request* req);
const char* sls_request_header_name(const sls_request* req, size_t i); /* lower case */
const char* sls_request_header_value(const sls_request* req, size_t i);

/* The invocation. */
const char* sls_context_request_id(const sls_context* ctx);
const char* sls_context_function_name(const sls_context* ctx);
int64_t sls_context_remaining_ms(const sls_context* ctx); /* never negative */

/* The response. */
void sls_response_status(sls_response* res, int status);
void sls_response_header(sls_response* res, const char* name, const char* value);     /* replaces */
void sls_response_add_header(sls_response* res, const char* name, const char* value); /* set-cookie */
void sls_response_body(sls_response* res, const char* data, size_t length);           /* replaces */
void sls_response_append(sls_response* res, const char* data, size_t length);
int sls_response_printf(sls_response* res, const char* format, ...)
    __attribute__((format(printf, 2, 3))); /* appends; returns the bytes added, -1 on a bad format */
/* Status, content-type and the whole body at once, like sls::Response::text/json/html. */
void sls_response_text(sls_response* res, int status, const char* text);
void sls_response_json(sls_response* res, int status, const char* json);
void sls_response_html(sls_response* res, int status, const char* html);

/* Where the project file `project_relative_path` ("data/cities.txt") is inside the running bundle,
 * like sls::asset: pass a literal so sls ships the file. The string lives until the process ends. */
const char* sls_asset(const char* project_relative_path);

/* What SLS_HANDLER defines; the glue calls them. */
typedef struct sls_function_info {
  const char* name;
  const char* route;
} sls_function_info;
void sls_c_invoke_handler(const sls_request* request, sls_context* context, sls_response* response);
sls_function_info sls_c_function_info(void);

#ifndef SLS_FUNCTION_NAME
#define SLS_FUNCTION_NAME ""
#endif
#ifndef SLS_FUNCTION_ROUTE
#define SLS_FUNCTION_ROUTE ""
#endif

/* Registers `fn` (void fn(const sls_request *, sls_context *, sls_response *)) as the function's
 * handler. Use once, at file scope. The analyzers recognise the two definitions it expands to.
 * C only: in C++, <sls/function.hpp>'s SLS_HANDLER registers a C++ handler (the glue, which is C++,
 * includes both headers). */
#ifndef __cplusplus
#define SLS_HANDLER(fn)                                                                                 \
  void sls_c_invoke_handler(const sls_request* request, sls_context* context, sls_response* response) { \
    fn(request, context, response);                                                                     \
  }                                                                                                     \
  sls_function_info sls_c_function_info(void) {                                                         \
    sls_function_info info = {SLS_FUNCTION_NAME, SLS_FUNCTION_ROUTE};                                   \
    return info;                                                                                        \
  }
#endif

#ifdef __cplusplus
}
#endif

#endif /* SLS_FUNCTION_H */
