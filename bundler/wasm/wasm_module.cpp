#include "bundler/wasm/wasm_module.hpp"

#include <array>
#include <cstdio>

namespace sls {
namespace {

constexpr std::string_view k_magic{"\0asm", 4};
constexpr std::uint8_t k_custom_id = 0, k_import_id = 2, k_export_id = 7, k_tag_id = 13;

std::string hex(std::size_t offset) {
  char text[32];
  std::snprintf(text, sizeof text, "0x%zx", offset);
  return text;
}

std::string section_name(std::uint8_t id) {
  static constexpr std::array<const char*, 14> k_names = {"custom", "type",   "import",     "function", "table",
                                                          "memory", "global", "export",     "start",    "element",
                                                          "code",   "data",   "data count", "tag"};
  return id < k_names.size() ? k_names[id] : "unknown";
}

// Known sections must appear at most once, in this order (the tag section of
// the exception-handling proposal sits between memory and global).
int section_rank(std::uint8_t id) {
  static constexpr std::array<int, 14> k_rank = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};
  return k_rank[id];
}

// A cursor over the module's bytes. The first failure sticks: later reads
// return zeros, and the caller checks failed() at entry boundaries, which
// keeps the decoding code as plain as the format's grammar.
class Reader {
public:
  explicit Reader(std::string_view bytes, std::size_t base = 0) : m_bytes(bytes), m_base(base) {}

  std::size_t offset() const { return m_base + m_pos; }
  bool at_end() const { return m_pos >= m_bytes.size(); }
  std::size_t remaining() const { return m_bytes.size() - m_pos; }
  bool failed() const { return !m_error.empty(); }
  const std::string& error() const { return m_error; }

  void fail(const std::string& message) {
    if (m_error.empty()) m_error = message + " at byte " + hex(offset());
  }

  std::uint8_t byte() {
    if (failed() || at_end()) return fail("unexpected end of data"), 0;
    return static_cast<std::uint8_t>(m_bytes[m_pos++]);
  }

  // Unsigned LEB128: seven bits a byte, low group first, high bit = "more".
  std::uint64_t leb(unsigned max_bits) {
    std::uint64_t value = 0;
    for (unsigned shift = 0; shift < max_bits; shift += 7) {
      std::uint8_t next = byte();
      value |= std::uint64_t(next & 0x7f) << shift;
      if (!(next & 0x80)) return value;
    }
    return fail("LEB128 number longer than " + std::to_string(max_bits) + " bits"), 0;
  }
  std::uint32_t u32() { return static_cast<std::uint32_t>(leb(32)); }

  std::string_view take(std::size_t count) {
    if (failed() || count > m_bytes.size() - m_pos) return fail("unexpected end of data"), std::string_view{};
    std::string_view part = m_bytes.substr(m_pos, count);
    m_pos += count;
    return part;
  }
  std::string name() { return std::string(take(u32())); }

private:
  std::string_view m_bytes;
  std::size_t m_base;
  std::size_t m_pos = 0;
  std::string m_error;
};

void skip_limits(Reader& in) {
  std::uint8_t flags = in.byte();
  if (flags > 0x07) in.fail("unknown limits flags " + hex(flags));
  in.leb(64);
  if (flags & 0x01) in.leb(64);
}

// The part of an import entry after its names and kind byte.
void skip_import_description(Reader& in, WasmExternKind kind) {
  switch (kind) {
    case WasmExternKind::Function:
      in.u32();
      return;
    case WasmExternKind::Table:
      in.byte(), skip_limits(in);
      return;
    case WasmExternKind::Memory:
      skip_limits(in);
      return;
    case WasmExternKind::Global:
      in.byte(), in.byte();
      return;
    case WasmExternKind::Tag:
      in.byte(), in.u32();
      return;
  }
}

WasmExternKind extern_kind(Reader& in) {
  std::size_t at = in.offset();
  std::uint8_t kind = in.byte();
  if (kind > 4) in.fail("unknown import/export kind " + hex(kind) + " (entry at byte " + hex(at) + ")");
  return static_cast<WasmExternKind>(kind);
}

void read_imports(Reader& in, WasmModuleInfo& module) {
  for (std::uint32_t count = in.u32(), i = 0; i < count && !in.failed(); ++i) {
    WasmImport entry;
    entry.offset = in.offset();
    entry.module = in.name();
    entry.name = in.name();
    entry.kind = extern_kind(in);
    skip_import_description(in, entry.kind);
    if (!in.failed()) module.imports.push_back(std::move(entry));
  }
}

void read_exports(Reader& in, WasmModuleInfo& module) {
  for (std::uint32_t count = in.u32(), i = 0; i < count && !in.failed(); ++i) {
    WasmExport entry;
    entry.offset = in.offset();
    entry.name = in.name();
    entry.kind = extern_kind(in);
    entry.index = in.u32();
    if (!in.failed()) module.exports.push_back(std::move(entry));
  }
}

// Decodes the import or export payload, which must be used up exactly.
Status read_known_payload(const WasmSection& section, std::string_view payload, std::size_t payload_offset,
                          WasmModuleInfo& module) {
  if (section.id != k_import_id && section.id != k_export_id) return Ok{};
  Reader in(payload, payload_offset);
  if (section.id == k_import_id) read_imports(in, module);
  if (section.id == k_export_id) read_exports(in, module);
  if (!in.failed() && !in.at_end()) in.fail("entries end before the section does");
  if (in.failed()) return make_error("malformed " + section.name + " section: " + in.error());
  return Ok{};
}

Expected<WasmSection> read_section_header(Reader& in, int& last_rank) {
  WasmSection section;
  section.offset = in.offset();
  section.id = in.byte();
  section.size = in.u32();
  if (in.failed()) return make_error("malformed section header: " + in.error());
  if (section.id > k_tag_id)
    return make_error("unknown section id " + std::to_string(section.id) + " at byte " + hex(section.offset));
  section.name = section_name(section.id);
  if (section.id == k_custom_id) return section;
  if (section_rank(section.id) <= last_rank)
    return make_error("the " + section.name + " section at byte " + hex(section.offset) +
                      " is repeated or out of order");
  last_rank = section_rank(section.id);
  return section;
}

Expected<WasmModuleInfo> read_sections(Reader& in) {
  WasmModuleInfo module;
  int last_rank = 0;
  while (!in.at_end()) {
    auto section = read_section_header(in, last_rank);
    if (!section) return section.error();
    std::size_t payload_offset = in.offset(), remaining = in.remaining();
    std::string_view payload = in.take(section->size);
    if (in.failed())
      return make_error("the file is truncated: the " + section->name + " section at byte " + hex(section->offset) +
                        " declares " + std::to_string(section->size) + " bytes, but only " + std::to_string(remaining) +
                        " remain");
    if (section->id == k_custom_id) {
      Reader custom(payload, payload_offset);
      section->name = custom.name();
      if (custom.failed()) return make_error("malformed custom section name: " + custom.error());
    }
    if (Status decoded = read_known_payload(*section, payload, payload_offset, module); !decoded)
      return decoded.error();
    module.sections.push_back(std::move(*section));
  }
  return module;
}

}  // namespace

std::string to_string(WasmExternKind kind) {
  switch (kind) {
    case WasmExternKind::Function:
      return "function";
    case WasmExternKind::Table:
      return "table";
    case WasmExternKind::Memory:
      return "memory";
    case WasmExternKind::Global:
      return "global";
    case WasmExternKind::Tag:
      return "tag";
  }
  return "unknown";
}

Expected<WasmModuleInfo> read_wasm_module(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4);
  if (head != k_magic.substr(0, head.size()) || bytes.empty())
    return make_error("not a WebAssembly module: it does not start with the wasm magic bytes \\0asm");
  if (bytes.size() < 8)
    return make_error("the file is truncated: " + std::to_string(bytes.size()) +
                      " bytes, shorter than the 8-byte wasm header");
  // Version 1 is every core module; a component (version 0x0d, layer 1) is not a preview 1 module.
  if (bytes.substr(4, 4) != std::string_view("\x01\0\0\0", 4))
    return make_error(
        "unsupported wasm binary version at byte 0x4 (expected 1; a WASI preview 2 component is not a "
        "preview 1 module)");
  Reader in(bytes.substr(8), 8);
  return read_sections(in);
}

std::vector<std::string> wasi_command_problems(const WasmModuleInfo& module) {
  std::vector<std::string> problems;
  for (const WasmImport& import : module.imports) {
    if (import.module == k_wasi_preview1_module) continue;
    problems.push_back("imports " + to_string(import.kind) + " '" + import.module + "." + import.name +
                       "' (import section, entry at byte " + hex(import.offset) + "): only imports from " +
                       std::string(k_wasi_preview1_module) + " are available to a WASI preview 1 module");
  }
  auto exports = [&](std::string_view name, WasmExternKind kind) {
    for (const WasmExport& entry : module.exports) {
      if (entry.name == name && entry.kind == kind) return true;
    }
    return false;
  };
  if (!exports("_start", WasmExternKind::Function))
    problems.push_back(
        "exports no function '_start' (export section): a WASI command needs one; build it as a program "
        "with main(), not as a reactor or library");
  if (!exports("memory", WasmExternKind::Memory))
    problems.push_back("exports no 'memory' (export section): WASI passes arguments, environment and I/O through it");
  return problems;
}

std::vector<std::string> validate_wasi_command(std::string_view bytes) {
  auto module = read_wasm_module(bytes);
  if (!module) return {module.error().message};
  return wasi_command_problems(*module);
}

}  // namespace sls
