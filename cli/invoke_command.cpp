// sls invoke FUNCTION: run a built bundle once with a request and print the response.

#include <iostream>

#include <nlohmann/json.hpp>

#include "bundler/inspect/local_invoke.hpp"
#include "bundler/pipeline.hpp"
#include "bundler/project/plan.hpp"
#include "cli/commands.hpp"
#include "core/file_system.hpp"

namespace sls::cli {
namespace {

struct InvokeCommandOptions {
  std::string function;
  std::string project_dir = ".";
  std::string method = "GET";
  std::string path;
  std::vector<std::string> headers;
  std::string body;
};

// Accepts "api/hello", "/api/hello", "api/hello.zip" or a path to a zip.
std::filesystem::path bundle_for(const InvokeCommandOptions& options) {
  std::string name = options.function;
  if (std::filesystem::path(name).extension() == ".zip" && std::filesystem::exists(name)) return name;
  if (!name.empty() && name.front() == '/') name.erase(0, 1);
  if (std::filesystem::path(name).extension() == ".zip") name.resize(name.size() - 4);
  return output_dir_for(options.project_dir) / bundle_path_for(name);
}

// Whether the project's manifest marks the function's bundle stale (its
// last build failed and this is the bundle of the build before).
bool is_stale(const InvokeCommandOptions& options, const std::string& function) {
  auto text = read_file(output_dir_for(options.project_dir) / "manifest.json");
  if (!text) return false;
  nlohmann::json manifest = nlohmann::json::parse(*text, nullptr, false);
  if (!manifest.is_object() || !manifest["functions"].is_array()) return false;
  for (const auto& entry : manifest["functions"])
    if (entry.value("name", "") == function) return entry.value("stale", false);
  return false;
}

Expected<LocalRequest> make_request(const InvokeCommandOptions& options, const std::string& route) {
  LocalRequest request{options.method, options.path.empty() ? route : options.path, {}, options.body};
  if (request.path.find("/:") != std::string::npos)
    return make_error("the route " + route +
                      " has parameters: pass --path with real values, e.g. --path /api/users/42");
  for (const std::string& header : options.headers) {
    auto colon = header.find(':');
    if (colon == std::string::npos) return make_error("--header must look like 'Name: value', not '" + header + "'");
    std::string value = header.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    request.headers.emplace_back(header.substr(0, colon), value);
  }
  return request;
}

int run_invoke(const InvokeCommandOptions& options) {
  std::filesystem::path zip = bundle_for(options);
  if (!std::filesystem::exists(zip)) {
    std::cerr << "sls: no bundle at " << zip.string() << "; run sls build first (or check the function name)\n";
    return k_exit_failed;
  }
  auto bundle = inspect_bundle(zip);
  if (bundle && is_stale(options, bundle->function))
    std::cerr << "sls: warning: the last build of " << bundle->function
              << " failed; running the bundle of the build before it (stale)\n";
  auto request = bundle ? make_request(options, bundle->route) : Expected<LocalRequest>(bundle.error());
  SystemProcessRunner runner;
  auto response = request ? invoke_bundle(*bundle, *request, runner) : Expected<LocalResponse>(request.error());
  if (!response) {
    std::cerr << "sls: " << response.error().message
              << "\nhint: check the request options (sls invoke --help), or rebuild with sls build and try again\n";
    return k_exit_failed;
  }
  std::cout << "HTTP/1.1 " << response->status << "\n";
  for (const auto& [name, value] : response->headers) std::cout << name << ": " << value << "\n";
  std::cout << "\n" << response->body;
  return k_exit_ok;
}

}  // namespace

void add_invoke_command(CLI::App& app) {
  auto options = std::make_shared<InvokeCommandOptions>();
  CLI::App* command =
      app.add_subcommand("invoke", "Run a built function locally with one request and print the response");
  command->add_option("function", options->function, "Function name (api/hello), route (/api/hello) or bundle zip")
      ->required();
  command->add_option("-C,--dir", options->project_dir, "Project folder (default: the current folder)");
  command->add_option("-X,--method", options->method, "HTTP method (default GET)");
  command->add_option("--path", options->path, "Request path with optional ?query (default: the function's route)");
  command->add_option("-H,--header", options->headers, "A request header 'Name: value' (repeatable)");
  command->add_option("-d,--body", options->body, "Request body");
  command->footer(
      "Examples:\n  sls invoke api/hello --path '/api/hello?name=Ada'\n"
      "  sls invoke api/users/[id] --path /api/users/42 -H 'Accept: application/json'\n"
      "  sls invoke api/echo -X POST -d '{\"a\":1}' -H 'Content-Type: application/json'");
  command->callback([options] { throw CLI::RuntimeError(run_invoke(*options)); });
}

}  // namespace sls::cli
