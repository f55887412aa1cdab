#include "bundler/compile/link_report.hpp"

#include <gtest/gtest.h>

#include "bundler/project/toolchain.hpp"

namespace sls {
namespace {

TEST(LinkReportTest, ListsTheLibSourcesTheLinkerExtracted) {
  // Given lld's --why-extract table, we should map liblib.a members back to lib/ sources and ignore other archives.
  std::string report =
      "reference\textracted\tsymbol\n"
      "objects/api/greet.cpp.o\t.sls/build/native/"
      "liblib.a(greeting.cpp.o)\t_Z12greeting_forRKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE\n"
      "/usr/lib/libc.a(exit.o)\t/usr/lib/libc.a(_Exit.o)\t_Exit\n";
  std::vector<std::string> lib = {"lib/farewell.cpp", "lib/greeting.cpp"};
  EXPECT_EQ(lib_members_from_report(report, lib), std::vector<std::string>{"lib/greeting.cpp"});
  EXPECT_TRUE(lib_members_from_report("reference\textracted\tsymbol\n", lib).empty());
  EXPECT_EQ(why_extract_path("out/api/x/bootstrap"), "out/api/x/bootstrap.why");
}

}  // namespace
}  // namespace sls
