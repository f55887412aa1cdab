// GET /api/random: calls arc4random, which glibc added in 2.36 — newer than provided.al2023's 2.34.
#include <sls/function.hpp>

#include <stdlib.h>

sls::Response random_number(const sls::Request&, sls::Context&) {
  return sls::Response::text(200, std::to_string(arc4random()));
}
SLS_HANDLER(random_number)
