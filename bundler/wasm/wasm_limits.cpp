#include "bundler/wasm/wasm_limits.hpp"

#include <filesystem>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

namespace sls {
namespace {

struct WasmLimit {
  const char* rule;         // shown in brackets, so editors and CI can group the notes
  std::regex pattern;       // matched against the message part of an error line
  const char* explanation;  // why, then what to do
};

const std::vector<WasmLimit>& wasm_limits() {
  static const std::vector<WasmLimit> k_limits = {
      {"wasm-exceptions", std::regex(R"(with exceptions disabled|__cxa_(throw|allocate_exception|begin_catch))"),
       "wasm32-wasi functions are built with -fno-exceptions (WASI preview 1 has no exception handling); "
       "return an error sls::Response instead of throwing"},
      {"wasm-threads",
       std::regex(
           R"('pthread\.h' file not found|identifier 'pthread_\w+'|unknown type name 'pthread_\w+'|)"
           R"(named '(thread|jthread|this_thread|mutex|recursive_mutex|timed_mutex|shared_mutex|condition_variable)"
           R"(|condition_variable_any|async|future|promise|packaged_task|counting_semaphore|latch|barrier)' in namespace 'std')"),
       "WASI preview 1 has no threads or mutexes; do the work in the handler, one request at a time, or build this "
       "function with target = \"native\""},
      {"wasm-sockets",
       std::regex(
           R"('(sys/socket|netdb|arpa/inet|netinet/\w+|sys/un)\.h' file not found|)"
           R"(identifier '(socket|connect|bind|listen|accept|getaddrinfo|gethostbyname|inet_pton|inet_ntop|htons|ntohs)')"),
       "WASI preview 1 has no sockets; call other services from a function built with target = \"native\""},
      {"wasm-signals",
       std::regex(R"(wasm lacks signal support|identifier '(signal|sigaction|raise|kill|alarm|sigemptyset)')"),
       "WASI preview 1 has no signals (the host stops a module, no SIGTERM arrives); remove the handler, or build "
       "this function with target = \"native\""},
      {"wasm-filesystem",
       std::regex(R"(in namespace 'std::filesystem'|named 'filesystem' in namespace 'std'|'filesystem' file not found|)"
                  R"(std::__2::__fs::filesystem)"),
       "std::filesystem is not available in wasm32-wasi's libc++; read bundle files with <cstdio> (fopen, fread), or "
       "build this function with target = \"native\""},
      {"wasm-processes",
       std::regex(R"(identifier '(fork|vfork|execv\w*|execl\w*|popen|system|waitpid|posix_spawn\w*)')"),
       "WASI preview 1 cannot start processes; do the work in the function itself, or build it with target = "
       "\"native\""},
  };
  return k_limits;
}

// "api/x.cpp:3:5: error: message" -> location and message; linker lines keep `fallback`.
bool parse_error_line(const std::string& line, const SourceLocation& fallback, SourceLocation& where,
                      std::string& message) {
  static const std::regex k_located(R"(^(.+?):(\d+):(\d+): (?:fatal )?error: (.*)$)");
  std::smatch match;
  if (std::regex_match(line, match, k_located)) {
    where = {match[1].str(), static_cast<std::uint32_t>(std::stoul(match[2].str())),
             static_cast<std::uint32_t>(std::stoul(match[3].str()))};
    message = match[4].str();
    return true;
  }
  if (line.find("error:") == std::string::npos) return false;
  where = fallback;
  message = line;
  return true;
}

// A header the wasm sysroot lacks but the host has: found in the host's include folders.
std::optional<std::filesystem::path> host_copy_of(const std::string& header) {
  for (const char* dir : {"/usr/local/include", "/usr/include", "/usr/include/x86_64-linux-gnu"}) {
    std::error_code ec;
    std::filesystem::path candidate = std::filesystem::path(dir) / header;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

std::optional<Diagnostic> explain_missing_header(const std::string& message, const SourceLocation& where) {
  static const std::regex k_not_found(R"('([^']+)' file not found)");
  std::smatch match;
  if (!std::regex_search(message, match, k_not_found)) return std::nullopt;
  auto host = host_copy_of(match[1].str());
  if (!host) return std::nullopt;
  return Diagnostic{Severity::Note,
                    where,
                    "sls: '" + match[1].str() + "' is installed for the host (" + host->string() +
                        ") but a wasm32-wasi build sees only the wasm sysroot; vendor the library under the project "
                        "and list its folder in include_dirs, or build this function with target = \"native\" "
                        "[wasm-host-header]",
                    {}};
}

// Code outside api/ and lib/ is someone else's: point at the library's own no-exceptions switch.
bool in_vendored_code(const SourceLocation& where) {
  return !where.file.empty() && where.file.rfind("api/", 0) != 0 && where.file.rfind("lib/", 0) != 0 &&
         where.file.rfind("./api/", 0) != 0 && where.file.rfind("./lib/", 0) != 0;
}

const char* const k_vendored_exceptions =
    "this library code throws, and wasm32-wasi functions are built with -fno-exceptions (WASI preview 1 has no "
    "exception handling); most libraries have a switch for that — nlohmann/json: JSON_NOEXCEPTION, {fmt}: "
    "FMT_EXCEPTIONS=0, toml++: TOML_EXCEPTIONS=0 — add it to the function's defines in sls.toml";

}  // namespace

std::vector<Diagnostic> explain_wasm_limits(const std::string& tool_output, const SourceLocation& fallback) {
  std::vector<Diagnostic> notes;
  std::set<std::string> explained;  // one note per limitation is enough
  std::istringstream lines(tool_output);
  std::string line;
  while (std::getline(lines, line)) {
    SourceLocation where;
    std::string message;
    if (!parse_error_line(line, fallback, where, message)) continue;
    bool matched = false;
    for (const WasmLimit& limit : wasm_limits()) {
      if (!std::regex_search(message, limit.pattern)) continue;
      matched = true;
      if (explained.count(limit.rule)) continue;
      explained.insert(limit.rule);
      bool vendored = std::string(limit.rule) == "wasm-exceptions" && in_vendored_code(where);
      notes.push_back(
          {Severity::Note,
           where,
           std::string("sls: ") + (vendored ? k_vendored_exceptions : limit.explanation) + " [" + limit.rule + "]",
           {}});
    }
    if (matched) continue;
    if (auto note = explain_missing_header(message, where); note && explained.insert(note->message).second)
      notes.push_back(std::move(*note));
  }
  return notes;
}

}  // namespace sls
