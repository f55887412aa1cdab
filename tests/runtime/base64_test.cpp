#include "native/base64.hpp"

#include <gtest/gtest.h>

namespace sls::runtime {
namespace {

TEST(Base64Test, RoundTripsEveryPaddingLength) {
  // Given inputs of length 0..5 (RFC 4648 test vectors), we should encode them exactly and decode
  // them back.
  const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
  const char* coded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(base64_encode(plain[i]), coded[i]);
    EXPECT_EQ(base64_decode(coded[i]), plain[i]);
  }
}

TEST(Base64Test, BinaryBytesSurvive) {
  // Given bytes including NUL and 0xFF, we should get them back unchanged.
  const std::string bytes("\x00\xff\x10\x80 ", 5);
  EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
}

TEST(Base64Test, RejectsWhatIsNotBase64) {
  // Given a foreign character, data after padding or a lone trailing symbol, we should refuse.
  EXPECT_FALSE(base64_decode("Zm9v!"));
  EXPECT_FALSE(base64_decode("Zg==Zg"));
  EXPECT_FALSE(base64_decode("Zm9vY"));
  EXPECT_EQ(base64_decode("Zm9v\nYmFy"), "foobar");  // line breaks are tolerated
}

}  // namespace
}  // namespace sls::runtime
