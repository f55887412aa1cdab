// Bundles the attachments of a ticket into one compressed blob
// (aws-lambda-cpp). Work files are private temporaries removed before return.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

#include <zlib.h>

using namespace aws::lambda_runtime;

namespace {

struct TempFile {
  char path[32] = "/tmp/bundle-XXXXXX";
  int fd = -1;
  TempFile() { fd = mkstemp(path); }
  ~TempFile() {
    if (fd >= 0) close(fd);
    unlink(path);
  }
};

bool spill(TempFile& tmp, const std::string& data) {
  return tmp.fd >= 0 && write(tmp.fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
}

invocation_response bundle(invocation_request const& req) {
  TempFile tmp;
  if (!spill(tmp, req.payload)) return invocation_response::failure("no scratch space", "Internal");
  lseek(tmp.fd, 0, SEEK_SET);
  std::vector<Bytef> raw(req.payload.size());
  if (read(tmp.fd, raw.data(), raw.size()) != static_cast<ssize_t>(raw.size())) {
    return invocation_response::failure("short read", "Internal");
  }
  uLongf packed_size = compressBound(raw.size());
  std::vector<Bytef> packed(packed_size);
  if (compress2(packed.data(), &packed_size, raw.data(), raw.size(), Z_DEFAULT_COMPRESSION) != Z_OK) {
    return invocation_response::failure("compression failed", "Internal");
  }
  return invocation_response::success("{\"raw\":" + std::to_string(raw.size()) + ",\"packed\":" + std::to_string(packed_size) + "}",
                                      "application/json");
}

}  // namespace

int main() {
  run_handler(bundle);
  return 0;
}
