// GET /api/stuck: runs past its max_duration of one second, so sls dev answers 504 and discards
// the instance; GET /api/stuck?quick=1 answers at once.
#include <sls/function.hpp>

#include <unistd.h>

sls::Response stuck(const sls::Request& req, sls::Context&) {
  if (req.query("quick").empty()) sleep(5);
  return sls::Response::text(200, "quick");
}
SLS_HANDLER(stuck)
