#pragma once
// The checks every wasm module passes before it is packaged (wasm_module.hpp
// says what they are). A module sls linked is first shrunk with wasm-opt when
// binaryen is installed; a prebuilt api/x.wasm is taken byte for byte.

#include <filesystem>
#include <optional>

#include "bundler/project/project_layout.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"
#include "core/process.hpp"

namespace sls {

// Runs `wasm-opt -Oz` over `module` in place when wasm-opt is on PATH (not for
// debug builds: it drops what a debugger needs), then validates it. False
// after reporting at `where` when the result cannot be shipped.
bool finish_linked_module(const std::filesystem::path& module, Optimize optimize, ProcessRunner& runner,
                          Diagnostics& diagnostics, const SourceLocation& where);

// The prebuilt module's path when it is a valid WASI preview 1 command;
// otherwise every problem is reported at the module's file.
std::optional<std::filesystem::path> check_prebuilt_module(const std::filesystem::path& project_root,
                                                           const FunctionSource& function, ProcessRunner& runner,
                                                           Diagnostics& diagnostics);

}  // namespace sls
