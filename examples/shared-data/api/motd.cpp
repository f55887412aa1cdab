// GET /api/motd -> the header and the message of the day, read with fopen (traced).
#include <sls/function.hpp>

#include <cstdio>

#include "text.hpp"

sls::Response motd(const sls::Request&, sls::Context&) {
  std::string body = read_text_file(sls::asset("data/common/header.txt"));
  if (std::FILE* file = std::fopen("data/motd.txt", "r")) {
    char line[256] = {};
    if (std::fgets(line, sizeof line, file)) body += line;
    std::fclose(file);
  } else {
    body += "missing: data/motd.txt";
  }
  return sls::Response::text(200, body);
}
SLS_HANDLER(motd)
