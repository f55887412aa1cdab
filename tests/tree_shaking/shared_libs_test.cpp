#include "bundler/shake/shared_libs.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/tree_shaking/native_fixtures.hpp"

namespace sls {
namespace {

namespace fs = std::filesystem;

bool mentions(const std::vector<LibraryProblem>& problems, const std::string& text) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const LibraryProblem& p) { return p.message.find(text) != std::string::npos; });
}

// libanswer.so.1 in a folder of its own; returns the folder.
fs::path private_library(const std::string& body = "int answer(void) { return 42; }\n") {
  auto library = test::compile_c(body, {"-shared", "-fPIC", "-Wl,-soname,libanswer.so.1"}, "libanswer.so.1");
  EXPECT_FALSE(library.empty());
  return library.parent_path();
}

fs::path program_using_answer(const fs::path& library_dir, const std::string& runpath) {
  std::vector<std::string> flags = {"-L" + library_dir.string(), "-l:libanswer.so.1"};
  if (!runpath.empty()) flags.push_back("-Wl,-rpath," + runpath);
  auto program = test::compile_c("int answer(void);\nint main(void) { return answer(); }\n", flags);
  EXPECT_FALSE(program.empty());
  return program;
}

TEST(SharedLibsTest, BundlesHiredisAndLeavesGlibcToTheRuntime) {
  // Given a program linked with -lhiredis, we should bundle libhiredis.so.0.14 and leave libc to provided.al2023.
  auto program = test::compile_c(
      "#include <hiredis/hiredis.h>\nint main(void) { redisReaderFree(redisReaderCreate()); return 0; }\n",
      {"-lhiredis"});
  ASSERT_FALSE(program.empty());
  LibraryClosure closure = resolve_libraries(program, runtime_profile_al2023(), default_library_dirs());
  EXPECT_TRUE(closure.problems.empty()) << closure.problems.front().message;
  ASSERT_EQ(closure.bundled.size(), 1u);
  EXPECT_EQ(closure.bundled[0].soname, "libhiredis.so.0.14");
  EXPECT_EQ(closure.bundled[0].needed_by, "bootstrap");
  EXPECT_NE(std::find(closure.provided.begin(), closure.provided.end(), "libc.so.6"), closure.provided.end());
}

TEST(SharedLibsTest, HonoursTheBinarysRunpath) {
  // Given a library found only through the program's DT_RUNPATH, we should find it there, and miss it without one.
  fs::path dir = private_library();
  LibraryClosure found = resolve_libraries(program_using_answer(dir, dir.string()), runtime_profile_al2023(), {});
  ASSERT_EQ(found.bundled.size(), 1u);
  EXPECT_EQ(found.bundled[0].host_path, fs::canonical(dir / "libanswer.so.1"));
  LibraryClosure missing =
      resolve_libraries(program_using_answer(dir, ""), runtime_profile_al2023(), default_library_dirs());
  EXPECT_TRUE(missing.bundled.empty());
  EXPECT_TRUE(mentions(missing.problems, "bootstrap needs libanswer.so.1, which is not on this machine"));
}

TEST(SharedLibsTest, RefusesABinaryNeedingANewerGlibcThanTheRuntime) {
  // Given a program calling arc4random (GLIBC_2.36), we should name the symbol and provided.al2023's 2.34.
  auto program = test::compile_c("#include <stdlib.h>\nint main(void) { return (int)(arc4random() & 1); }\n", {});
  ASSERT_FALSE(program.empty());
  LibraryClosure closure = resolve_libraries(program, runtime_profile_al2023(), default_library_dirs());
  ASSERT_TRUE(mentions(closure.problems, "arc4random@GLIBC_2.36"))
      << (closure.problems.empty() ? "" : closure.problems[0].message);
  EXPECT_TRUE(mentions(closure.problems, "provided.al2023 has glibc 2.34"));
  EXPECT_NE(closure.problems[0].hint.find("hint:"), std::string::npos);
}

TEST(SharedLibsTest, AnOrdinaryProgramFitsAl2023ButNotAl2) {
  // Given a plain program built on glibc 2.36, we should accept it for al2023 and refuse it for al2 (glibc 2.26).
  auto program = test::compile_c("#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n", {});
  ASSERT_FALSE(program.empty());
  EXPECT_TRUE(resolve_libraries(program, runtime_profile_al2023(), default_library_dirs()).problems.empty());
  EXPECT_TRUE(mentions(resolve_libraries(program, runtime_profile_al2(), default_library_dirs()).problems,
                       "__libc_start_main@GLIBC_2.34"));
}

TEST(SharedLibsTest, ChecksTheGlibcVersionsOfBundledLibrariesToo) {
  // Given a bundled library that calls arc4random, we should name the library in the refusal.
  fs::path dir = private_library("#include <stdlib.h>\nint answer(void) { return (int)(arc4random() & 1); }\n");
  LibraryClosure closure = resolve_libraries(program_using_answer(dir, dir.string()), runtime_profile_al2023(), {});
  EXPECT_TRUE(mentions(closure.problems, "lib/libanswer.so.1 needs GLIBC_2.36"));
}

// The flags sls cross-compiles arm64 with (docs/targets.md), for a C program or library.
const std::vector<std::string> k_arm64 = {"--target=aarch64-linux-gnu", "--sysroot=/usr/aarch64-linux-gnu",
                                          "--gcc-install-dir=/usr/lib/gcc-cross/aarch64-linux-gnu/12",
                                          "-Wl,--sysroot=/"};

std::vector<std::string> with_arm64(std::vector<std::string> flags) {
  flags.insert(flags.begin(), k_arm64.begin(), k_arm64.end());
  return flags;
}

TEST(SharedLibsTest, AnArm64ProgramTakesTheArm64LibraryAndPassesOverTheX86_64One) {
  // Given an arm64 program needing libanswer.so.1, an x86_64 copy in the first folder searched and an
  // arm64 copy in the second, we should bundle the arm64 one; with only the x86_64 copy, name the library
  // as missing for arm64.
  fs::path x86_dir = private_library();
  auto arm64_library = test::compile_c("int answer(void) { return 42; }\n",
                                       with_arm64({"-shared", "-fPIC", "-Wl,-soname,libanswer.so.1"}),
                                       "libanswer.so.1");
  ASSERT_FALSE(arm64_library.empty());
  auto program = test::compile_c("int answer(void);\nint main(void) { return answer(); }\n",
                                 with_arm64({"-L" + arm64_library.parent_path().string(), "-l:libanswer.so.1"}));
  ASSERT_FALSE(program.empty());
  LibraryClosure found =
      resolve_libraries(program, runtime_profile_al2023(), {x86_dir, arm64_library.parent_path()}, "arm64");
  EXPECT_TRUE(found.problems.empty()) << found.problems.front().message;
  ASSERT_EQ(found.bundled.size(), 1u);
  EXPECT_EQ(found.bundled[0].host_path, fs::canonical(arm64_library));
  LibraryClosure missing = resolve_libraries(program, runtime_profile_al2023(), {x86_dir}, "arm64");
  EXPECT_TRUE(missing.bundled.empty());
  EXPECT_TRUE(mentions(missing.problems, "bootstrap needs libanswer.so.1 for arm64, which is not on this machine"));
}

TEST(SharedLibsTest, AnArm64ProgramFitsAl2023AndMustBeBuiltForTheArchItClaims) {
  // Given a plain arm64 program (with the aarch64 glibc's versions), we should accept it for al2023 as arm64,
  // and refuse it when the function says x86_64.
  auto program = test::compile_c("#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n", k_arm64);
  ASSERT_FALSE(program.empty());
  LibraryClosure arm64 = resolve_libraries(program, runtime_profile_al2023(), default_library_dirs("arm64"), "arm64");
  EXPECT_TRUE(arm64.problems.empty()) << arm64.problems.front().message;
  EXPECT_NE(std::find(arm64.provided.begin(), arm64.provided.end(), "libc.so.6"), arm64.provided.end());
  LibraryClosure wrong = resolve_libraries(program, runtime_profile_al2023(), default_library_dirs(), "x86_64");
  EXPECT_TRUE(mentions(wrong.problems, "the linked executable is for arm64, but the function is built for x86_64"));
}

}  // namespace
}  // namespace sls
