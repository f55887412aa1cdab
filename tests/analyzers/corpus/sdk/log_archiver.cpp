// Compresses the job's scratch output and hands it to the uploader in the
// background, so the response returns as soon as the data is on disk.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

bool write_scratch(const char* path, const std::string& data) {
  FILE* f = std::fopen(path, "wb");
  if (!f) return false;
  std::fwrite(data.data(), 1, data.size(), f);
  std::fclose(f);
  return true;
}

void upload_in_background(const char* path) {
  pid_t child = fork();
  if (child == 0) {
    execlp("aws", "aws", "s3", "cp", path, "s3://job-archive/", static_cast<char*>(nullptr));
    _exit(127);
  }
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  char path[96];
  std::snprintf(path, sizeof path, "/tmp/job-%s.log", ctx.request_id().c_str());
  if (!write_scratch(path, req.body())) return sls::Response::text(500, "scratch space full");

  char cmd[160];
  std::snprintf(cmd, sizeof cmd, "gzip -9 %s &", path);
  std::system(cmd);
  std::string gz = std::string(path) + ".gz";
  upload_in_background(gz.c_str());
  return sls::Response::json(202, "{\"archive\":\"" + gz + "\"}");
}

SLS_HANDLER(handle)
