// Multipart upload staging: each part is written to local disk under a name
// unique to this upload, and the key is returned for the final commit call.
#include <sls/function.hpp>

#include <atomic>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

std::atomic<unsigned> part_counter{0};

std::string staging_key(const std::string& upload) {
  char host[64] = {};
  gethostname(host, sizeof host);
  return upload + "-" + host + "-" + std::to_string(getpid()) + "-" + std::to_string(++part_counter);
}

bool stage(const std::string& key, const std::string& bytes) {
  const std::string path = "/tmp/stage-" + key;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  std::fclose(f);
  return ok;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string upload = req.param("upload");
  if (upload.empty() || upload.find('/') != std::string::npos) return sls::Response::text(400, "bad upload id");
  if (req.body().empty()) return sls::Response::text(400, "empty part");
  const std::string key = staging_key(upload);
  if (!stage(key, req.body())) return sls::Response::text(507, "no space for the part");
  return sls::Response::json(201, "{\"part\":\"" + key + "\",\"bytes\":" + std::to_string(req.body().size()) + "}");
}

SLS_HANDLER(handle)
