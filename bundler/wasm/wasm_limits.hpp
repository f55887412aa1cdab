#pragma once
// What cannot work in wasm32-wasi (preview 1) with the libraries sls builds
// against — exceptions, threads, sockets, signals, std::filesystem, child
// processes — recognised in the compiler's or linker's own error text, so a
// failed wasm build gets one extra line saying why and what to do. The
// compiler's messages stay as they are; sls only adds the reason.

#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace sls {

// One note per limitation found in `tool_output`, located where the compiler
// reported it (or at `fallback` for linker errors, which carry no line).
std::vector<Diagnostic> explain_wasm_limits(const std::string& tool_output, const SourceLocation& fallback);

}  // namespace sls
