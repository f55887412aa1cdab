/* Tags every response with an instance id and a node name, so support can
 * tell which instance served a request; ids are also used as nonces. */
#define _GNU_SOURCE
#include <sls/function.h>

#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/utsname.h>

#include <uuid/uuid.h>

static char instance_id[37];
static unsigned char nonce_key[16];
static struct utsname node;
static unsigned long nonce_counter;

__attribute__((constructor)) static void tag_instance(void) {
  uuid_t id;
  uuid_generate_random(id);
  uuid_unparse_lower(id, instance_id);
  getrandom(nonce_key, sizeof nonce_key, 0);
  uname(&node);
}

static void handle(const sls_request *req, sls_context *ctx, sls_response *res) {
  (void)req;
  char nonce[64];
  snprintf(nonce, sizeof nonce, "%s-%lu-%02x", instance_id, ++nonce_counter, nonce_key[0]);
  sls_response_header(res, "x-instance", instance_id);
  sls_response_header(res, "x-node", node.nodename);
  sls_response_header(res, "content-type", "application/json");
  sls_response_printf(res, "{\"nonce\":\"%s\",\"request\":\"%s\"}", nonce, sls_context_request_id(ctx));
}

SLS_HANDLER(handle)
