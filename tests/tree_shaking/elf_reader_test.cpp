#include "bundler/shake/elf_reader.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/tree_shaking/native_fixtures.hpp"

namespace sls {
namespace {

const VersionNeed* find_need(const ElfInfo& info, const std::string& version) {
  for (const VersionNeed& need : info.version_needs) {
    if (need.version == version) return &need;
  }
  return nullptr;
}

TEST(ElfReaderTest, ReadsNeededRunpathAndSymbolVersions) {
  // Given a program linked against libm with a run path, we should read DT_NEEDED, DT_RUNPATH and sqrt's version.
  auto program = test::compile_c(
      "#include <math.h>\n#include <stdlib.h>\nint main(int c, char** v) { return (int)sqrt(atof(v[c - 1])); }\n",
      {"-lm", "-Wl,-rpath,$ORIGIN/lib"});
  ASSERT_FALSE(program.empty());
  auto info = read_elf(*read_file(program));
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_NE(std::find(info->needed.begin(), info->needed.end(), "libm.so.6"), info->needed.end());
  EXPECT_NE(std::find(info->needed.begin(), info->needed.end(), "libc.so.6"), info->needed.end());
  EXPECT_EQ(info->runpath, std::vector<std::string>{"$ORIGIN/lib"});
  EXPECT_TRUE(info->soname.empty());
  EXPECT_EQ(info->machine, 62);  // EM_X86_64
  bool sqrt_found = false;
  for (const VersionNeed& need : info->version_needs)
    sqrt_found |= need.library == "libm.so.6" && std::count(need.symbols.begin(), need.symbols.end(), "sqrt");
  EXPECT_TRUE(sqrt_found);
}

TEST(ElfReaderTest, NamesTheSymbolThatNeedsANewGlibc) {
  // Given a program calling arc4random (glibc 2.36), we should find GLIBC_2.36 needed by arc4random.
  auto program = test::compile_c("#include <stdlib.h>\nint main(void) { return (int)(arc4random() & 1); }\n", {});
  ASSERT_FALSE(program.empty());
  auto info = read_elf(*read_file(program));
  ASSERT_TRUE(info) << info.error().message;
  const VersionNeed* need = find_need(*info, "GLIBC_2.36");
  ASSERT_NE(need, nullptr);
  EXPECT_EQ(need->library, "libc.so.6");
  EXPECT_EQ(need->symbols, std::vector<std::string>{"arc4random"});
}

TEST(ElfReaderTest, ReadsASharedLibrarysSoname) {
  // Given a shared library with a soname, we should read it.
  auto library = test::compile_c("int answer(void) { return 42; }\n",
                                 {"-shared", "-fPIC", "-Wl,-soname,libanswer.so.1"}, "libanswer.so.1");
  ASSERT_FALSE(library.empty());
  auto info = read_elf(*read_file(library));
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->soname, "libanswer.so.1");
}

TEST(ElfReaderTest, RefusesWhatIsNotElf64) {
  // Given text, a truncated header or a 32-bit header, we should return an error, not crash.
  EXPECT_FALSE(read_elf("hello"));
  EXPECT_FALSE(
      read_elf("\x7f"
               "ELF"));
  EXPECT_FALSE(read_elf(std::string("\x7f"
                                    "ELF\x01\x01",
                                    6) +
                        std::string(64, '\0')));
  EXPECT_FALSE(read_elf(std::string("\x7f"
                                    "ELF\x02\x01",
                                    6) +
                        std::string(10, '\0')));
}

TEST(ElfReaderTest, ParsesGlibcVersionNames) {
  // Given version names, we should compare GLIBC_x.y numerically and ignore the others.
  EXPECT_EQ(parse_glibc_version("GLIBC_2.34"), (GlibcVersion{2, 34}));
  EXPECT_EQ(parse_glibc_version("GLIBC_2.2.5"), (GlibcVersion{2, 2}));
  EXPECT_LT(parse_glibc_version("GLIBC_2.9"), parse_glibc_version("GLIBC_2.10"));
  EXPECT_EQ(parse_glibc_version("GLIBC_PRIVATE"), GlibcVersion{});
  EXPECT_EQ(parse_glibc_version("GCC_3.0"), GlibcVersion{});
}

}  // namespace
}  // namespace sls
