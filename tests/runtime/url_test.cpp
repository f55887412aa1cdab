#include "common/url.hpp"

#include <gtest/gtest.h>

namespace sls::runtime {
namespace {

TEST(UrlTest, QueryIsDecodedInOrderWithPlusAsSpace) {
  // Given a query with escapes, '+', repeats, a bare name and empty items, we should get the
  // decoded pairs in order and skip the empty items.
  const Fields expected = {{"a b", "x y"}, {"a b", "2"}, {"flag", ""}, {"k", "v=w"}};
  EXPECT_EQ(parse_query("a+b=x%20y&&a%20b=2&flag&k=v=w&"), expected);
}

TEST(UrlTest, PercentDecodeKeepsMalformedEscapes) {
  // Given malformed or truncated escapes, we should keep them literally rather than drop bytes.
  EXPECT_EQ(percent_decode("100%zz%4", PlusMeans::space), "100%zz%4");
  EXPECT_EQ(percent_decode("%41%2b+", PlusMeans::plus), "A++");
  EXPECT_EQ(percent_decode("%C3%A4", PlusMeans::space), "\xC3\xA4");
}

}  // namespace
}  // namespace sls::runtime
