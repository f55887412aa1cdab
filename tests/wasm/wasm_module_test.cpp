// The prebuilt-module validator (bundler/wasm_module.hpp): good modules pass,
// each kind of bad module gets a message naming what is wrong and where.
#include "bundler/wasm/wasm_module.hpp"

#include <gtest/gtest.h>

#include "wasm_test_support.hpp"

namespace sls::test {
namespace {

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& problem : problems) {
    if (problem.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string compiled_hello(std::string& log) {
  static TempDir dir;
  static std::string module, compile_log;
  if (module.empty())
    module =
        compile_c_to_wasm("#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n", dir.path(), compile_log);
  log = compile_log;
  return module;
}

TEST(WasmModuleTest, ClangBuiltCommandIsValid) {
  // Given a C program clang-19 linked for wasm32-wasi, we should find no problem and see its WASI imports.
  std::string log;
  std::string module = compiled_hello(log);
  ASSERT_FALSE(module.empty()) << log;
  auto info = read_wasm_module(module);
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_TRUE(wasi_command_problems(*info).empty());
  ASSERT_FALSE(info->imports.empty());
  EXPECT_EQ(info->imports.front().module, "wasi_snapshot_preview1");
}

TEST(WasmModuleTest, HandWrittenCommandDecodesImportsAndExports) {
  // Given a minimal command with one WASI import, we should decode it with its offset and both exports.
  std::string module = minimal_command({{"wasi_snapshot_preview1", "proc_exit"}});
  auto info = read_wasm_module(module);
  ASSERT_TRUE(info) << info.error().message;
  ASSERT_EQ(info->imports.size(), 1u);
  EXPECT_EQ(info->imports[0].name, "proc_exit");
  EXPECT_EQ(module.substr(info->imports[0].offset + 1, 22), "wasi_snapshot_preview1");
  ASSERT_EQ(info->exports.size(), 2u);
  EXPECT_EQ(info->exports[0].name, "_start");
  EXPECT_EQ(info->exports[1].kind, WasmExternKind::Memory);
  EXPECT_TRUE(validate_wasi_command(module).empty());
}

TEST(WasmModuleTest, ImportFromAnotherModuleIsNamed) {
  // Given a module that imports env.host_log besides WASI, we should name that import and its section.
  auto problems = validate_wasi_command(minimal_command({{"wasi_snapshot_preview1", "fd_write"}, {"env", "host_log"}}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(mentions(problems, "'env.host_log'")) << problems[0];
  EXPECT_TRUE(mentions(problems, "import section")) << problems[0];
}

TEST(WasmModuleTest, TruncatedFileIsReported) {
  // Given a real module cut in half, we should say it is truncated and name the section that runs off the end.
  std::string log;
  std::string module = compiled_hello(log);
  ASSERT_FALSE(module.empty()) << log;
  auto problems = validate_wasi_command(module.substr(0, module.size() / 2));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(mentions(problems, "truncated")) << problems[0];
  EXPECT_TRUE(mentions(problems, "section at byte 0x")) << problems[0];
}

TEST(WasmModuleTest, TruncatedHeaderIsReported) {
  // Given only the magic bytes, we should say the header is truncated rather than "not wasm".
  auto problems = validate_wasi_command(std::string("\0asm\x01", 5));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(mentions(problems, "truncated")) << problems[0];
}

TEST(WasmModuleTest, NonWasmFilesAreRejected) {
  // Given an ELF file, a shell script and an empty file, we should say each is not a WebAssembly module.
  for (const std::string& bytes : {std::string("\x7f"
                                               "ELF\x02\x01\x01\0",
                                               8),
                                   std::string("#!/bin/sh\necho hi\n"), std::string()}) {
    auto problems = validate_wasi_command(bytes);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(mentions(problems, "not a WebAssembly module")) << problems[0];
  }
}

TEST(WasmModuleTest, ComponentVersionIsRejected) {
  // Given a component-model binary (version 0x0d, layer 1), we should reject its version at byte 0x4.
  auto problems = validate_wasi_command(std::string("\0asm\x0d\0\x01\0", 8));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(mentions(problems, "version at byte 0x4")) << problems[0];
}

TEST(WasmModuleTest, MissingStartAndMemoryAreNamed) {
  // Given a module exporting neither _start nor memory (a reactor), we should report both exports.
  auto problems = validate_wasi_command(minimal_command({}, false, false));
  EXPECT_EQ(problems.size(), 2u);
  EXPECT_TRUE(mentions(problems, "'_start'"));
  EXPECT_TRUE(mentions(problems, "'memory'"));
}

TEST(WasmModuleTest, MalformedImportEntryIsLocated) {
  // Given an import section whose kind byte is unknown, we should name the section and the byte offset.
  ModuleWriter writer;
  writer.section(2, leb(1) + wasm_name("wasi_snapshot_preview1") + wasm_name("fd_write") + '\x09' + leb(0));
  auto info = read_wasm_module(writer.bytes());
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find("malformed import section"), std::string::npos) << info.error().message;
  EXPECT_NE(info.error().message.find("at byte 0x"), std::string::npos) << info.error().message;
}

TEST(WasmModuleTest, OutOfOrderSectionsAreRejected) {
  // Given an export section before an import section, we should say which section is out of order.
  ModuleWriter writer;
  writer.section(7, leb(0)).section(2, leb(0));
  auto info = read_wasm_module(writer.bytes());
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find("import section at byte 0xb is repeated or out of order"), std::string::npos)
      << info.error().message;
}

TEST(WasmModuleTest, CustomSectionsAreNamed) {
  // Given a custom section, we should record it under its own name and still accept the module.
  ModuleWriter writer;
  writer.section(0, wasm_name("producers") + "xyz");
  auto info = read_wasm_module(writer.bytes());
  ASSERT_TRUE(info) << info.error().message;
  ASSERT_EQ(info->sections.size(), 1u);
  EXPECT_EQ(info->sections[0].name, "producers");
}

}  // namespace
}  // namespace sls::test
