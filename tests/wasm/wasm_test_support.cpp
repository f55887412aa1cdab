#include "wasm_test_support.hpp"

#include <fstream>
#include <sstream>

#include "core/file_system.hpp"
#include "core/process.hpp"

#ifndef SLS_TEST_CLANG_C
#define SLS_TEST_CLANG_C "clang-19"
#endif

namespace sls::test {

std::string leb(std::uint32_t value) {
  std::string out;
  do {
    std::uint8_t byte = value & 0x7f;
    value >>= 7;
    out += static_cast<char>(value ? byte | 0x80 : byte);
  } while (value);
  return out;
}

std::string wasm_name(const std::string& text) { return leb(static_cast<std::uint32_t>(text.size())) + text; }

ModuleWriter& ModuleWriter::section(std::uint8_t id, const std::string& payload) {
  m_bytes += static_cast<char>(id);
  m_bytes += leb(static_cast<std::uint32_t>(payload.size()));
  m_bytes += payload;
  return *this;
}

std::string minimal_command(const std::vector<ImportSpec>& imports, bool export_start, bool export_memory) {
  std::string import_payload = leb(static_cast<std::uint32_t>(imports.size()));
  for (const ImportSpec& import : imports)
    import_payload += wasm_name(import.module) + wasm_name(import.name) + std::string("\0\0", 2);  // function, type 0
  std::uint32_t start_index = static_cast<std::uint32_t>(imports.size());  // defined functions follow imported ones
  std::string export_payload;
  std::uint32_t export_count = 0;
  if (export_start) ++export_count, export_payload += wasm_name("_start") + '\0' + leb(start_index);
  if (export_memory) ++export_count, export_payload += wasm_name("memory") + '\x02' + leb(0);
  ModuleWriter writer;
  writer
      .section(1, std::string("\x01\x60\x00\x00", 4))  // one type: () -> ()
      .section(2, import_payload)
      .section(3, std::string("\x01\x00", 2))      // one function of type 0
      .section(5, std::string("\x01\x00\x01", 3))  // one memory, min 1 page
      .section(7, leb(export_count) + export_payload)
      .section(10, std::string("\x01\x02\x00\x0b", 4));  // its body: no locals, end
  return writer.bytes();
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string compile_c_to_wasm(const std::string& source, const std::filesystem::path& work_dir, std::string& log) {
  write_text(work_dir / "program.c", source);
  SystemProcessRunner runner;
  auto result = runner.run({{SLS_TEST_CLANG_C, "--target=wasm32-wasi", "-Os", "-s", "-nostdlibinc", "-isystem",
                             "/usr/include/wasm32-wasi", "program.c", "-o", "program.wasm"},
                            std::nullopt,
                            {},
                            work_dir});
  if (!result || result->exit_code != 0) {
    log = result ? result->stderr_data : result.error().message;
    return "";
  }
  return read_bytes(work_dir / "program.wasm");
}

}  // namespace sls::test
