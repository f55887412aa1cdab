// Merges the uploaded PDF with the branded cover page and returns the result.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool merge(const char* body_path) {
  fs::create_directory("/tmp/pdf-work");
  std::ifstream cover("/tmp/cover.pdf", std::ios::binary);
  std::ofstream out("/tmp/pdf-work/merged.pdf", std::ios::binary);
  out << cover.rdbuf();
  const std::string body = slurp(body_path);
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  return static_cast<bool>(out);
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (req.body().compare(0, 5, "%PDF-") != 0) return sls::Response::text(415, "send a PDF");
  char part[] = "/tmp/part-XXXXXX";
  const int fd = mkstemp(part);
  if (fd < 0) return sls::Response::text(500, "no scratch space");
  const bool written = write(fd, req.body().data(), req.body().size()) == static_cast<ssize_t>(req.body().size());
  close(fd);
  const bool merged = written && merge(part);
  unlink(part);
  if (!merged) return sls::Response::text(500, "merge failed");
  sls::Response res;
  res.body = slurp("/tmp/pdf-work/merged.pdf");
  res.set_header("content-type", "application/pdf");
  return res;
}

SLS_HANDLER(handle)
