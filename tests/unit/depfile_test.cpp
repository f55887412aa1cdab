// parse_depfile (cache/depfile.hpp): the dependency files clang writes with -MD.
#include "cache/depfile.hpp"

#include <gtest/gtest.h>

namespace sls {
namespace {

using Paths = std::vector<std::string>;

TEST(DepfileTest, ListsThePrerequisitesOfTheFirstRule) {
  // Given a rule over continuation lines, we should list every prerequisite in order and not the target.
  EXPECT_EQ(parse_depfile("out/a.o: api/a.cpp \\\n  sdk/sls/function.hpp \\\n  /usr/include/stdio.h\n"),
            (Paths{"api/a.cpp", "sdk/sls/function.hpp", "/usr/include/stdio.h"}));
}

TEST(DepfileTest, UndoesMakeEscapes) {
  // Given escaped spaces, '#', '$$' and backslashes, we should read the real file names.
  EXPECT_EQ(parse_depfile("a.o: my\\ file.cpp odd\\#name.h cost$$.h back\\\\slash.h\n"),
            (Paths{"my file.cpp", "odd#name.h", "cost$.h", "back\\slash.h"}));
}

TEST(DepfileTest, StopsAfterTheFirstRuleAndAcceptsCrlf) {
  // Given CRLF continuations and a second rule, we should take only the first rule's prerequisites.
  EXPECT_EQ(parse_depfile("a.o: a.cpp \\\r\n b.h\nb.h:\n"), (Paths{"a.cpp", "b.h"}));
}

TEST(DepfileTest, EmptyTextHasNoPrerequisites) {
  // Given an empty or target-only file, we should return nothing.
  EXPECT_TRUE(parse_depfile("").empty());
  EXPECT_TRUE(parse_depfile("a.o:\n").empty());
}

}  // namespace
}  // namespace sls
