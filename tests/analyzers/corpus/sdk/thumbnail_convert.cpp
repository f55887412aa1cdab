// Thumbnails for the product catalogue: the uploaded image is written to disk,
// ImageMagick resizes it, and the result is returned as image/jpeg.
#include <sls/function.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace {

constexpr int kMaxEdge = 320;

bool save_upload(const std::string& bytes) {
  std::ofstream out("/tmp/upload.jpg", std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

bool resize(int edge) {
  char cmd[256];
  std::snprintf(cmd, sizeof cmd, "convert /tmp/upload.jpg -thumbnail %dx%d /tmp/thumb.jpg 2>&1", edge, edge);
  FILE* p = popen(cmd, "r");
  if (!p) return false;
  char line[256];
  while (std::fgets(line, sizeof line, p)) std::fputs(line, stderr);
  return pclose(p) == 0;
}

std::string load_thumbnail() {
  std::ifstream in("/tmp/thumb.jpg", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (req.method() != "POST") return sls::Response::text(405, "POST an image");
  if (req.body().size() > 8 * 1024 * 1024) return sls::Response::text(413, "image too large");

  int edge = kMaxEdge;
  if (!req.query("edge").empty()) edge = std::stoi(req.query("edge"));
  if (edge <= 0 || edge > kMaxEdge) edge = kMaxEdge;

  if (!save_upload(req.body())) return sls::Response::text(500, "could not store upload");
  if (!resize(edge)) return sls::Response::text(422, "not an image");

  sls::Response res;
  res.status = 200;
  res.body = load_thumbnail();
  res.set_header("content-type", "image/jpeg");
  return res;
}

SLS_HANDLER(handle)
