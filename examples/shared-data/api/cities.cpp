// GET /api/cities -> the header and the city list, shouted; reads two traced data files.
#include <sls/function.hpp>

#include "text.hpp"

sls::Response cities(const sls::Request&, sls::Context&) {
  std::string header = read_text_file(sls::asset("data/common/header.txt"));
  return sls::Response::text(200, header + shout(read_text_file(sls::asset("data/cities.txt"))));
}
SLS_HANDLER(cities)
