#pragma once
// Running a built bundle locally: the request becomes CGI/WAGI variables and
// stdin, the function's stdout is parsed back into a response. Native
// bootstraps speak this form when AWS_LAMBDA_RUNTIME_API is unset; wasm
// modules speak it always (WAGI), under wasmtime or Node.js (wasm_runner.hpp).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bundler/inspect/inspect.hpp"
#include "bundler/wasm/wasm_runner.hpp"
#include "core/process.hpp"

namespace sls {

struct LocalRequest {
  std::string method = "GET";
  std::string path = "/";  // may carry "?query"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct LocalResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// The CGI/WAGI environment for `request` sent to a function mounted at `route`.
std::map<std::string, std::string> cgi_environment(const LocalRequest& request, const std::string& route);

// Parses "header lines, blank line, body" (CGI/WAGI output). A missing status
// header means 200, as in CGI.
Expected<LocalResponse> parse_cgi_output(const std::string& output);

// WAGI's command line after argv[0] (the path): the query's '&'-separated items.
std::vector<std::string> wagi_arguments(const LocalRequest& request);

// Whether a bundle may be run: every file matches sls.json, and its handler
// is the target's entry file (never a path that leaves the bundle).
Status check_runnable(const InspectedBundle& bundle);

// Extracts the bundle to a temporary folder, runs it once and removes the folder.
// A wasm bundle runs under `wasm_runtime`, or the one find_wasm_runtime() picks.
Expected<LocalResponse> invoke_bundle(const InspectedBundle& bundle, const LocalRequest& request, ProcessRunner& runner,
                                      const std::optional<WasmRuntime>& wasm_runtime = std::nullopt);

}  // namespace sls
