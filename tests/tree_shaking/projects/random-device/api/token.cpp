// GET /api/token: a random id per request from std::random_device, which GCC 12's static
// libstdc++ implements with glibc 2.36's arc4random.
#include <sls/function.hpp>

#include <cstdio>
#include <random>

sls::Response token(const sls::Request&, sls::Context&) {
  std::random_device device;
  std::uniform_int_distribution<unsigned> digits(0, 0xffff);
  char text[32];
  std::snprintf(text, sizeof text, "token-%04x%04x", digits(device), digits(device));
  return sls::Response::text(200, text);
}
SLS_HANDLER(token)
