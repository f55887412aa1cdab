// A function that forgot SLS_HANDLER: it still links (the glue has weak stand-ins) and the glue
// must report the mistake at init.
#include <sls/function.hpp>

sls::Response forgotten(const sls::Request&, sls::Context&) { return sls::Response::text(200, "never"); }
