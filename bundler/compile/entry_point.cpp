#include "bundler/compile/entry_point.hpp"

#include <sstream>

namespace sls {
namespace {

// What SLS_HANDLER defines: sls::detail::invoke_handler (C++, mangled) or sls_c_invoke_handler (C).
bool is_handler_symbol(const std::string& name) {
  return name.rfind("_ZN3sls6detail14invoke_handler", 0) == 0 || name == "sls_c_invoke_handler";
}

// wasm32-wasi renames `int main(int, char**)` to __main_argc_argv; `int main(void)` keeps its name.
bool is_main_symbol(const std::string& name) { return name == "main" || name == "__main_argc_argv"; }

}  // namespace

std::vector<std::string> defined_symbols_command(const Toolchain& toolchain,
                                                 const std::vector<std::filesystem::path>& objects) {
  std::vector<std::string> command = {toolchain.nm, "--defined-only", "--extern-only", "--format=just-symbols"};
  for (const auto& object : objects) command.push_back(object.string());
  return command;
}

EntryPoint entry_point_from_symbols(const std::string& defined_symbols) {
  bool handler = false, main = false;
  std::istringstream lines(defined_symbols);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == ':') continue;  // "file.o:" headers when there are several objects
    handler |= is_handler_symbol(line);
    main |= is_main_symbol(line);
  }
  if (handler && main) return EntryPoint::Both;
  if (main) return EntryPoint::OwnMain;
  return handler ? EntryPoint::SlsHandler : EntryPoint::Missing;
}

std::string entry_point_problem(EntryPoint entry, const std::string& function_name) {
  if (entry == EntryPoint::Both)
    return "function '" + function_name +
           "' defines main and registers a handler with SLS_HANDLER; a function has one entry point";
  return "function '" + function_name + "' registers no handler and defines no main, so it could only answer errors";
}

std::string entry_point_hint(EntryPoint entry, bool is_c) {
  if (entry == EntryPoint::Both)
    return "hint: keep SLS_HANDLER and let sls provide main, or keep your own main (it is then built without sls's "
           "glue)";
  return is_c ? "hint: #include <sls/function.h> and end the file with SLS_HANDLER(handle), where\n"
                "      void handle(const sls_request *req, sls_context *ctx, sls_response *res); (docs/sdk.md)"
              : "hint: #include <sls/function.hpp> and end the file with SLS_HANDLER(handle), where\n"
                "      sls::Response handle(const sls::Request& req, sls::Context& ctx); (docs/sdk.md)";
}

}  // namespace sls
