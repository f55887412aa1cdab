#include "bundler/inspect/local_invoke.hpp"

#include "bundler/inspect/native_launcher.hpp"
#include "bundler/package/bundle.hpp"

#include <algorithm>
#include <sstream>

#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

std::string cgi_header_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return c == '-' ? '_' : static_cast<char>(std::toupper(c)); });
  return "HTTP_" + name;
}

std::string trim(std::string text) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Removes the temporary folder however invoke_bundle returns.
struct TemporaryFolder {
  fs::path path;
  ~TemporaryFolder() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

}  // namespace

std::map<std::string, std::string> cgi_environment(const LocalRequest& request, const std::string& route) {
  std::string path = request.path, query;
  if (auto mark = path.find('?'); mark != std::string::npos) {
    query = path.substr(mark + 1);
    path.resize(mark);
  }
  std::map<std::string, std::string> env = {
      {"REQUEST_METHOD", request.method},
      {"PATH_INFO", path},
      {"X_RAW_PATH_INFO", path},
      {"QUERY_STRING", query},
      {"SCRIPT_NAME", route},
      {"X_MATCHED_ROUTE", route},
      {"SERVER_NAME", "localhost"},
      {"SERVER_PORT", "80"},
      {"SERVER_PROTOCOL", "HTTP/1.1"},
      {"GATEWAY_INTERFACE", "CGI/1.1"},
      {"REMOTE_ADDR", "127.0.0.1"},
      {"X_FULL_URL", "http://localhost" + request.path},
      {"CONTENT_LENGTH", std::to_string(request.body.size())},
  };
  for (const auto& [name, value] : request.headers) {
    if (lower(name) == "content-type")
      env["CONTENT_TYPE"] = value;
    else
      env[cgi_header_name(name)] = value;
  }
  return env;
}

Expected<LocalResponse> parse_cgi_output(const std::string& output) {
  std::size_t end = output.find("\n\n");
  std::size_t separator = 2;
  if (auto crlf = output.find("\r\n\r\n"); crlf != std::string::npos && crlf < end) {
    end = crlf;
    separator = 4;
  }
  if (end == std::string::npos)
    return make_error("the function wrote no header block (expected headers, a blank line, the body)");
  LocalResponse response;
  std::istringstream lines(output.substr(0, end));
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto colon = line.find(':');
    if (colon == std::string::npos) return make_error("malformed header line: '" + line + "'");
    std::string name = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (lower(name) == "status")
      response.status = std::atoi(value.c_str());
    else
      response.headers.emplace_back(name, value);
  }
  response.body = output.substr(end + separator);
  return response;
}

std::vector<std::string> wagi_arguments(const LocalRequest& request) {
  std::vector<std::string> args;
  auto mark = request.path.find('?');
  if (mark == std::string::npos) return args;
  std::stringstream items(request.path.substr(mark + 1));
  std::string item;
  while (std::getline(items, item, '&')) {
    if (!item.empty()) args.push_back(item);
  }
  return args;
}

namespace {

Expected<ProcessResult> run_native(const InspectedBundle& bundle, const LocalRequest& request, const fs::path& dir,
                                   ProcessRunner& runner) {
  std::map<std::string, std::string> env = current_environment();
  env.erase("AWS_LAMBDA_RUNTIME_API");  // force the one-shot CGI mode
  for (auto& [name, value] : cgi_environment(request, bundle.route)) env[name] = value;
  for (const auto& [name, value] : bundle.env) env[name] = value;
  env["LAMBDA_TASK_ROOT"] = dir.string();
  env["AWS_LAMBDA_FUNCTION_NAME"] = bundle.function;
  auto command = native_launch_command(bundle.arch, dir / bundle.handler);
  if (!command) return command.error();
  return runner.run({*command, env, request.body, dir});
}

// wasm: as a WAGI host runs it — only the CGI variables and the bundle's env,
// argv = path and query items, the bundle's folder preopened as "/".
Expected<ProcessResult> run_wasm(const InspectedBundle& bundle, const LocalRequest& request, const fs::path& dir,
                                 ProcessRunner& runner, const WasmRuntime& runtime) {
  WasmInvocation invocation{dir / bundle.handler,
                            dir,
                            request.path.substr(0, request.path.find('?')),
                            wagi_arguments(request),
                            cgi_environment(request, bundle.route),
                            request.body};
  for (const auto& [name, value] : bundle.env) invocation.environment[name] = value;
  return runner.run(wasm_process_spec(runtime, invocation));
}

}  // namespace

Status check_runnable(const InspectedBundle& bundle) {
  auto target = parse_target(bundle.target);
  if (!target) return make_error("running " + bundle.target + " bundles is not supported by this sls");
  if (!bundle.problems.empty())
    return make_error("the bundle does not match its sls.json, so it is not run: " + bundle.problems.front() +
                      (bundle.problems.size() > 1 ? " (and " + std::to_string(bundle.problems.size() - 1) + " more)" : ""));
  // The handler is the target's entry file and nothing else: never a path that could leave the bundle.
  if (bundle.handler != entry_file_for(*target))
    return make_error("sls.json names the handler '" + bundle.handler + "'; a " + bundle.target + " bundle runs '" +
                      entry_file_for(*target) + "'");
  return Ok{};
}

Expected<LocalResponse> invoke_bundle(const InspectedBundle& bundle, const LocalRequest& request, ProcessRunner& runner,
                                      const std::optional<WasmRuntime>& wasm_runtime) {
  if (Status runnable = check_runnable(bundle); !runnable) return runnable.error();
  std::optional<WasmRuntime> runtime = wasm_runtime;
  if (bundle.target == "wasm" && !runtime) {
    auto found = find_wasm_runtime();
    if (!found) return found.error();
    runtime = *found;
  }
  auto dir = make_temp_directory("sls-invoke");
  if (!dir) return dir.error();
  TemporaryFolder cleanup{*dir};
  if (Status extracted = extract_files(bundle.contents, *dir); !extracted) return extracted.error();
  auto result = runtime ? run_wasm(bundle, request, *dir, runner, *runtime) : run_native(bundle, request, *dir, runner);
  if (!result) return result.error();
  if (result->exit_code != 0)
    return make_error("the function exited with status " + std::to_string(result->exit_code) + "\n" +
                      result->stderr_data);
  return parse_cgi_output(result->stdout_data);
}

}  // namespace sls
