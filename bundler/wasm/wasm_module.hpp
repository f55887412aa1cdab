#pragma once
// Reading and checking a WebAssembly module without running anything: what a
// prebuilt api/x.wasm and every module sls links must satisfy before they are
// packaged as a WASI preview 1 command (docs/design.md §2, §4).
//
// The binary format is a header ("\0asm", version 1) followed by sections:
// one id byte, a LEB128 payload size, the payload. Only the import (2) and
// export (7) sections are decoded; the others are checked for size and order
// and skipped, so a reader of a few hundred lines covers every check.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"

namespace sls {

inline constexpr std::string_view k_wasi_preview1_module = "wasi_snapshot_preview1";

// The kinds an import or export names (the byte the binary format uses).
enum class WasmExternKind : std::uint8_t { Function = 0, Table = 1, Memory = 2, Global = 3, Tag = 4 };

std::string to_string(WasmExternKind kind);

struct WasmSection {
  std::uint8_t id = 0;
  std::string name;        // "import", "code", or the custom section's own name
  std::size_t offset = 0;  // of the id byte
  std::size_t size = 0;    // of the payload
};

struct WasmImport {
  std::string module;
  std::string name;
  WasmExternKind kind = WasmExternKind::Function;
  std::size_t offset = 0;  // of the entry, from the start of the file
};

struct WasmExport {
  std::string name;
  WasmExternKind kind = WasmExternKind::Function;
  std::uint32_t index = 0;
  std::size_t offset = 0;
};

struct WasmModuleInfo {
  std::vector<WasmSection> sections;
  std::vector<WasmImport> imports;
  std::vector<WasmExport> exports;
};

// Decodes the structure. An Error names the byte offset and the section
// where the module stops making sense (bad magic, a truncated section, an
// unknown kind byte…).
Expected<WasmModuleInfo> read_wasm_module(std::string_view bytes);

// Why a well-formed module cannot run as a WASI preview 1 command: imports
// from another module (naming each), a missing `_start` function or
// `memory` export. Empty when it can.
std::vector<std::string> wasi_command_problems(const WasmModuleInfo& module);

// Both of the above: every problem, one message each.
std::vector<std::string> validate_wasi_command(std::string_view bytes);

}  // namespace sls
