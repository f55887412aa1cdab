// OCR for scanned receipts: the image from the event is written to a private
// scratch folder, recognised, and the folder is removed before returning.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;
namespace fs = std::filesystem;

namespace {

std::string recognise(const fs::path& image) {
  std::ifstream in(image, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return "TOTAL " + std::to_string(bytes.size() % 1000) + ".00";
}

invocation_response ocr(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded() || !event.contains("image")) return invocation_response::failure("no image", "InvalidEvent");
  const fs::path dir = fs::temp_directory_path() / ("ocr-" + req.request_id);
  fs::create_directory(dir);
  const fs::path image = dir / "receipt.png";
  {
    std::ofstream out(image, std::ios::binary);
    out << event["image"].get<std::string>();
  }
  char log_name[] = "/tmp/ocr-log-XXXXXX";
  const int log_fd = mkstemp(log_name);
  const std::string text = recognise(image);
  if (log_fd >= 0) {
    dprintf(log_fd, "%s %zu\n", req.request_id.c_str(), text.size());
    close(log_fd);
    unlink(log_name);
  }
  fs::remove_all(dir);
  nlohmann::json out = {{"text", text}};
  return invocation_response::success(out.dump(), "application/json");
}

}  // namespace

int main() {
  run_handler(ocr);
  return 0;
}
