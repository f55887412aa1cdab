#include "native/utf8.hpp"

#include <gtest/gtest.h>

namespace sls::runtime {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  // Given ASCII, 2-, 3- and 4-byte sequences, we should accept them.
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xA4 \xE2\x82\xAC \xF0\x9F\x98\x80"));
}

TEST(Utf8Test, RejectsMalformedSequences) {
  // Given a lone continuation byte, an overlong form, a surrogate, a code point above U+10FFFF
  // and a truncated sequence, we should reject each.
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
}

}  // namespace
}  // namespace sls::runtime
