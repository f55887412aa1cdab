#pragma once
// How a function's executable starts. Most functions register a handler with
// SLS_HANDLER and sls links its glue (the Runtime API loop, the CGI/WAGI
// adapter, which bring `main`). A function that defines `main` itself (an
// aws-lambda-cpp `run_handler` program, a hand-written Runtime API loop)
// brings its own runtime and is linked without the glue. One that does
// neither would link and then answer every request with an error, so the
// build refuses it. Told from the names the function's objects define.

#include <filesystem>
#include <string>
#include <vector>

#include "bundler/project/toolchain.hpp"

namespace sls {

enum class EntryPoint { SlsHandler, OwnMain, Both, Missing };

// llvm-nm over the objects: the external names they define, one per line.
std::vector<std::string> defined_symbols_command(const Toolchain& toolchain,
                                                 const std::vector<std::filesystem::path>& objects);

// From that command's output.
EntryPoint entry_point_from_symbols(const std::string& defined_symbols);

// What to tell the author when a function is Both or Missing, and the fix
// (in C or C++ terms).
std::string entry_point_problem(EntryPoint entry, const std::string& function_name);
std::string entry_point_hint(EntryPoint entry, bool is_c);

}  // namespace sls
