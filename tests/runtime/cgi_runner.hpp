// Runs a built function as one CGI/WAGI request: natively as a process, or as a wasm module under
// Node's WASI. Both get exactly the same environment and stdin.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "glue_builder.hpp"
#include "process.hpp"

namespace sls::test {

using Env = std::vector<std::pair<std::string, std::string>>;

ProcessResult run_cgi_native(const BuildResult& build, const Env& env, const std::string& body);
// `argv0` is what WAGI passes as argv[0] (the URL path).
ProcessResult run_cgi_wasm(const BuildResult& build, const Env& env, const std::string& body, const std::string& argv0);

}  // namespace sls::test
