// Batch export (aws-lambda-cpp): writes the rows of the request to a scratch
// file, checksums it, and returns the checksum and the file size.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <string>
#include <unistd.h>

#include <zlib.h>

using namespace aws::lambda_runtime;

namespace {

std::string scratch_path() {
  return "/tmp/export-" + std::to_string(getpid()) + ".csv";
}

long write_rows(const std::string& path, const std::string& rows, uLong& crc) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return -1;
  std::fwrite(rows.data(), 1, rows.size(), f);
  crc = crc32(0, reinterpret_cast<const Bytef*>(rows.data()), static_cast<uInt>(rows.size()));
  const long size = std::ftell(f);
  std::fclose(f);
  return size;
}

invocation_response export_batch(invocation_request const& req) {
  const std::string path = scratch_path();
  uLong crc = 0;
  const long size = write_rows(path, req.payload, crc);
  std::remove(path.c_str());
  if (size < 0) return invocation_response::failure("could not write scratch file", "Internal");
  return invocation_response::success("{\"bytes\":" + std::to_string(size) + ",\"crc32\":" + std::to_string(crc) + "}",
                                      "application/json");
}

}  // namespace

int main() {
  run_handler(export_batch);
  return 0;
}
