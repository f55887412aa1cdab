// GET /api/greet?name=Grace&lang=fr -> "bonjour Grace"; uses lib/greeting.
#include <sls/function.hpp>

#include "greeting.hpp"

sls::Response greet(const sls::Request& req, sls::Context&) {
  return sls::Response::text(200, greeting_for(req.query("lang")) + " " + req.query("name"));
}
SLS_HANDLER(greet)
