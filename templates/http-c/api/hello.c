/* GET /api/hello?name=Ada -> "hello Ada"
 *
 * One file under api/ is one function; its path is its route. C functions use <sls/function.h>,
 * the same request and response as the C++ SDK. Keep per-request data in locals: an instance is
 * frozen between invocations and reused, so globals outlive the request. */
#include <sls/function.h>

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)ctx;
  const char *name = sls_request_query(req, "name");
  sls_response_text(res, 200, "hello ");
  sls_response_printf(res, "%s", name[0] != '\0' ? name : "world");
}
SLS_HANDLER(handle)
