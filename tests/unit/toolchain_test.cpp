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

TEST(ToolchainTest, Arm64UnitsCompileAgainstTheCrossSysroot) {
  // Given an arm64 unit, we should target aarch64 with the cross sysroot and GCC, never the x86_64 triple.
  UnitOptions options{Target::Native, Optimize::Speed, "/p", "api/a", "/api/a"};
  options.arch = "arm64";
  auto args = compile_command(test_toolchain(), options, "api/a.cpp", "a.o");
  EXPECT_TRUE(contains(args, "--target=aarch64-linux-gnu"));
  EXPECT_TRUE(contains(args, "--sysroot=/usr/aarch64-linux-gnu"));
  EXPECT_TRUE(contains(args, "--gcc-install-dir=/usr/lib/gcc-cross/aarch64-linux-gnu/12"));
  EXPECT_FALSE(contains(args, "--target=x86_64-linux-gnu"));
  // Debian's shared headers come after the sysroot's, never before.
  auto sysroot = std::find(args.begin(), args.end(), "--sysroot=/usr/aarch64-linux-gnu");
  auto shared = std::find(args.begin(), args.end(), "/usr/include");
  ASSERT_NE(shared, args.end());
  EXPECT_EQ(*(shared - 1), "-idirafter");
  EXPECT_LT(sysroot, shared);
  EXPECT_TRUE(contains(compile_command(test_toolchain(), UnitOptions{}, "a.cpp", "a.o"), "--target=x86_64-linux-gnu"));
}

TEST(ToolchainTest, Arm64LinkUsesTheCrossSysrootWithLld) {
  // Given an arm64 link, we should cross-link with lld, keep the static C++ runtime, and let the libc
  // script's absolute paths stand (-Wl,--sysroot=/).
  auto args = link_command(test_toolchain(), Platform{Target::Native, "arm64"}, Optimize::Speed, {"a.o"}, "bootstrap");
  EXPECT_TRUE(contains(args, "--target=aarch64-linux-gnu"));
  EXPECT_TRUE(contains(args, "--sysroot=/usr/aarch64-linux-gnu"));
  EXPECT_TRUE(contains(args, "-Wl,--sysroot=/"));
  EXPECT_TRUE(contains(args, "-fuse-ld=lld"));
  EXPECT_TRUE(contains(args, "-static-libstdc++"));
  EXPECT_FALSE(contains(args, "--target=x86_64-linux-gnu"));
}

TEST(ToolchainTest, WasmIgnoresArch) {
  // Given a wasm platform asked for arm64, we should have one wasm platform and wasm flags only.
  EXPECT_EQ(Platform(Target::Wasm, "arm64"), Platform(Target::Wasm));
  EXPECT_EQ(to_string(Platform(Target::Wasm, "arm64")), "wasm");
  EXPECT_EQ(to_string(Platform(Target::Native, "arm64")), "native-arm64");
  EXPECT_EQ(to_string(Platform(Target::Native)), "native");
  UnitOptions options{Target::Wasm, Optimize::Size, "/p", "", ""};
  options.arch = "arm64";
  auto args = frontend_command(test_toolchain(), options, "x.cpp");
  EXPECT_TRUE(contains(args, "--target=wasm32-wasi"));
  EXPECT_FALSE(contains(args, "--target=aarch64-linux-gnu"));
}

TEST(ToolchainTest, MissingArm64SysrootIsNamedWithItsPackages) {
  // Given a toolchain whose arm64 sysroot is missing, we should refuse arm64 (naming the packages) and not x86_64.
  Toolchain toolchain = test_toolchain();
  toolchain.arm64_sysroot = "/nonexistent/aarch64-sysroot";
  Status arm64 = check_platform(toolchain, Platform{Target::Native, "arm64"});
  ASSERT_FALSE(arm64);
  EXPECT_NE(arm64.error().message.find("libc6-dev-arm64-cross"), std::string::npos) << arm64.error().message;
  EXPECT_TRUE(check_platform(toolchain, Platform{Target::Native}));
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
