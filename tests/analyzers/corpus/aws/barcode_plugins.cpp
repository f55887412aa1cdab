// Barcode decoding (aws-lambda-cpp). Symbologies are vendor plugins; the
// common one is loaded at start-up, the rare one when a request needs it.
#include <aws/lambda-runtime/runtime.h>

#include <dlfcn.h>
#include <string>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

typedef int (*decode_fn)(const unsigned char* image, long size, char* text, long capacity);

static decode_fn decode_qr = nullptr;
static decode_fn decode_pdf417 = nullptr;

static decode_fn load(const char* library, const char* symbol) {
  void* handle = dlopen(library, RTLD_NOW);
  return handle ? reinterpret_cast<decode_fn>(dlsym(handle, symbol)) : nullptr;
}

static invocation_response decode(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  const std::string kind = event.value("symbology", "qr");
  const std::string image = event.value("image", "");
  decode_fn fn = decode_qr;
  if (kind == "pdf417") {
    if (!decode_pdf417) decode_pdf417 = load("libbarcode-pdf417.so", "decode");
    fn = decode_pdf417;
  }
  if (!fn) return invocation_response::failure("decoder unavailable", "Internal");
  char text[512];
  const int n = fn(reinterpret_cast<const unsigned char*>(image.data()), static_cast<long>(image.size()), text, sizeof text);
  if (n < 0) return invocation_response::failure("no barcode found", "NotFound");
  return invocation_response::success(nlohmann::json{{"text", std::string(text, static_cast<size_t>(n))}}.dump(),
                                      "application/json");
}

int main() {
  decode_qr = load("libbarcode-qr.so", "decode");
  run_handler(decode);
  return 0;
}
