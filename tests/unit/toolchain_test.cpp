#include "bundler/project/toolchain.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace sls {
namespace {

bool contains(const std::vector<std::string>& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

Toolchain test_toolchain() {
  Toolchain toolchain;
  toolchain.layout.share_dir = "/opt/sls/share/sls";
  return toolchain;
}

TEST(ToolchainTest, FunctionUnitsCarryNameRouteAndPrefixMaps) {
  // Given a function source, we should define its name and route and remap absolute paths.
  UnitOptions options{Target::Native, Optimize::Size, "/srv/projects/app", "api/users/[id]", "/api/users/:id"};
  auto args = compile_command(test_toolchain(), options, "api/users/[id].cpp", "/tmp/o.o");
  EXPECT_EQ(args[0], "clang++-19");
  EXPECT_TRUE(contains(args, "-Os"));
  EXPECT_TRUE(contains(args, "-std=c++20"));
  EXPECT_TRUE(contains(args, "-DSLS_FUNCTION_ROUTE=\"/api/users/:id\""));
  EXPECT_TRUE(contains(args, "-ffile-prefix-map=/srv/projects/app=."));
  EXPECT_TRUE(contains(args, "/opt/sls/share/sls/sdk/include"));
}

TEST(ToolchainTest, CSourcesUseTheCCompiler) {
  // Given a .c source, we should compile it as C17 with clang-19.
  auto args = frontend_command(test_toolchain(), UnitOptions{}, "api/legacy.c");
  EXPECT_EQ(args[0], "clang-19");
  EXPECT_TRUE(contains(args, "-std=c17"));
}

TEST(ToolchainTest, WasmUnitsAvoidHostHeadersAndExceptions) {
  // Given the wasm target, we should use the wasi sysroot only and disable exceptions.
  UnitOptions options{Target::Wasm, Optimize::Size, "/p", "", ""};
  auto args = frontend_command(test_toolchain(), options, "x.cpp");
  EXPECT_TRUE(contains(args, "--target=wasm32-wasi"));
  EXPECT_TRUE(contains(args, "-fno-exceptions"));
  EXPECT_TRUE(contains(args, "-nostdlibinc"));
}

TEST(ToolchainTest, NativeLinkIsStrippedAndStaticCxxRuntime) {
  // Given a native speed build, we should strip and link libstdc++/libgcc statically.
  auto args = link_command(test_toolchain(), Target::Native, Optimize::Speed, {"a.o"}, "bootstrap");
  EXPECT_TRUE(contains(args, "-s"));
  EXPECT_TRUE(contains(args, "-static-libstdc++"));
  EXPECT_TRUE(contains(args, "-Wl,--gc-sections"));
  EXPECT_FALSE(contains(link_command(test_toolchain(), Target::Native, Optimize::Debug, {"a.o"}, "b"), "-s"));
}

TEST(ToolchainTest, PreludeIsUsedOnlyWhenTheSourceStartsWithAnSdkInclude) {
  // Given sources whose first directive is an SDK include (after comments), we should allow the prelude.
  EXPECT_TRUE(can_use_prelude("api/a.cpp", "#include <sls/function.hpp>\nint x;\n"));
  EXPECT_TRUE(can_use_prelude("api/a.cpp", "// GET /a\n/* doc\n */\n  #  include \"sls/response.hpp\"\n"));
  // Given anything before it that could change what the headers mean, or C, we should not.
  EXPECT_FALSE(can_use_prelude("api/a.cpp", "#define _GLIBCXX_DEBUG 1\n#include <sls/function.hpp>\n"));
  EXPECT_FALSE(can_use_prelude("api/a.cpp", "#include <string>\n#include <sls/function.hpp>\n"));
  EXPECT_FALSE(can_use_prelude("api/a.cpp", "int before;\n#include <sls/function.hpp>\n"));
  EXPECT_FALSE(can_use_prelude("api/a.c", "#include <sls/function.hpp>\n"));
  EXPECT_FALSE(can_use_prelude("api/a.cpp", "// only a comment"));
}

TEST(ToolchainTest, PreludeIsPrecompiledWithoutFunctionDefinitions) {
  // Given a function's options, the prelude command should drop its -D names and emit a C++ header PCH.
  UnitOptions options{Target::Native, Optimize::Speed, "/p", "api/a", "/api/a"};
  auto args =
      prelude_command(test_toolchain(), options, "/opt/sls/share/sls/runtime/prelude/prelude.hpp", "/p/prelude.pch");
  EXPECT_FALSE(contains(args, "-DSLS_FUNCTION_NAME=\"api/a\""));
  EXPECT_TRUE(contains(args, "c++-header"));
  EXPECT_TRUE(contains(args, "-fpch-validate-input-files-content"));  // survives a header's new mtime
  EXPECT_TRUE(contains(args, "/p/prelude.pch"));
  // And a unit that starts from it should name the PCH; a C unit never does.
  options.prelude_pch = "/p/prelude.pch";
  EXPECT_TRUE(contains(frontend_command(test_toolchain(), options, "api/a.cpp"), "-include-pch"));
  EXPECT_FALSE(contains(frontend_command(test_toolchain(), options, "api/a.c"), "-include-pch"));
}

TEST(ToolchainTest, StringLiteralsAreEscaped) {
  // Given quotes, backslashes and control bytes, we should produce a valid C literal.
  EXPECT_EQ(c_string_literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(c_string_literal(std::string("\n1")), "\"\\0121\"");
  EXPECT_EQ(c_string_literal("café"), "\"café\"");
}

}  // namespace
}  // namespace sls
