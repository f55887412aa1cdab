// Waveform previews for the podcast editor: the uploaded clip is spooled to
// disk, decoded, and the peaks are returned as JSON. A copy of the peaks is
// kept next to the clip for the editor's "download" button.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

constexpr int kBuckets = 64;

std::string peaks_of(int fd, size_t size) {
  std::string json = "[";
  const size_t bucket = size / kBuckets + 1;
  unsigned char buf[4096];
  for (int i = 0; i < kBuckets; ++i) {
    const ssize_t n = pread(fd, buf, sizeof buf < bucket ? sizeof buf : bucket, static_cast<off_t>(i * bucket));
    int peak = 0;
    for (ssize_t j = 0; j < n; ++j) peak = buf[j] > peak ? buf[j] : peak;
    json += (i ? "," : "") + std::to_string(peak);
  }
  return json + "]";
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context& ctx) {
  if (req.body().empty()) return sls::Response::text(400, "send an audio clip");
  char spool[] = "/tmp/clip-XXXXXX";
  const int fd = mkstemp(spool);
  if (fd < 0) return sls::Response::text(500, "no scratch space");
  if (write(fd, req.body().data(), req.body().size()) != static_cast<ssize_t>(req.body().size())) {
    close(fd);
    return sls::Response::text(500, "short write");
  }
  const std::string peaks = peaks_of(fd, req.body().size());
  close(fd);
  std::ofstream copy("/tmp/peaks-" + ctx.request_id() + ".json");
  copy << peaks;
  return sls::Response::json(200, "{\"peaks\":" + peaks + "}");
}

SLS_HANDLER(handle)
