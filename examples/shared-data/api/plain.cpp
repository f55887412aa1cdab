// GET /api/plain -> "plain": no lib/ code, no data; its bundle is the bootstrap alone.
#include <sls/function.hpp>

sls::Response plain(const sls::Request&, sls::Context&) { return sls::Response::text(200, "plain"); }
SLS_HANDLER(plain)
