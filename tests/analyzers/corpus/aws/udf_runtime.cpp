// User-defined transforms (aws-lambda-cpp): tenants upload compiled
// transforms; the event names the one to run on its records.
#include <aws/lambda-runtime/runtime.h>

#include <dlfcn.h>
#include <string>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace {

using transform_fn = int (*)(const char* in, char* out, int cap);

void* builtin_lib = nullptr;

transform_fn resolve(const std::string& tenant, const std::string& name) {
  if (tenant.empty()) return reinterpret_cast<transform_fn>(dlsym(builtin_lib, name.c_str()));
  const std::string path = "/tmp/udf/" + tenant + ".so";
  void* lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  return lib ? reinterpret_cast<transform_fn>(dlsym(lib, name.c_str())) : nullptr;
}

invocation_response transform(invocation_request const& req) {
  auto event = nlohmann::json::parse(req.payload, nullptr, false);
  if (event.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  transform_fn fn = resolve(event.value("tenant", ""), event.value("transform", "identity"));
  if (!fn) return invocation_response::failure("unknown transform", "NotFound");
  const std::string input = event.value("record", "");
  std::string out(input.size() * 2 + 64, '\0');
  const int n = fn(input.c_str(), out.data(), static_cast<int>(out.size()));
  if (n < 0) return invocation_response::failure("transform failed", "TransformError");
  out.resize(static_cast<size_t>(n));
  return invocation_response::success(out, "application/json");
}

}  // namespace

int main() {
  builtin_lib = dlopen("libtransforms-builtin.so", RTLD_NOW);
  run_handler(transform);
  return 0;
}
