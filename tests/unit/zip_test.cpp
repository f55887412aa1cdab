#include <gtest/gtest.h>

#include "bundler/inspect/zip_reader.hpp"
#include "bundler/package/zip_writer.hpp"
#include "core/file_system.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

using testing::TempProject;

std::vector<ZipEntry> sample_entries() {
  return {{"sls.json", "{}", false}, {"bootstrap", std::string(5000, 'x'), true}, {"data/é.txt", "accent", false}};
}

TEST(ZipTest, RoundTripsThroughLibarchive) {
  // Given three entries, we should read back the same paths, modes and bytes, sorted.
  TempProject dir;
  auto zip = write_zip(sample_entries(), k_zip_epoch);
  ASSERT_TRUE(zip);
  ASSERT_TRUE(write_file_atomically(dir.root() / "b.zip", *zip, fs::perms(0644)));
  auto files = read_zip(dir.root() / "b.zip");
  ASSERT_TRUE(files) << files.error().message;
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].path, "bootstrap");
  EXPECT_EQ((*files)[0].mode, 0755u);
  EXPECT_EQ((*files)[0].data, std::string(5000, 'x'));
  EXPECT_EQ((*files)[1].path, "data/é.txt");
  EXPECT_EQ((*files)[1].mode, 0644u);
  EXPECT_EQ((*files)[2].path, "sls.json");
}

TEST(ZipTest, OutputDoesNotDependOnInputOrderOrTimeZone) {
  // Given the same entries in another order and another TZ, we should write identical bytes.
  auto first = write_zip(sample_entries(), k_zip_epoch);
  auto entries = sample_entries();
  std::reverse(entries.begin(), entries.end());
  setenv("TZ", "Pacific/Kiritimati", 1);
  tzset();
  auto second = write_zip(entries, k_zip_epoch);
  unsetenv("TZ");
  tzset();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, *second);
}

TEST(ZipTest, HasNoExtraFieldsAndFixedTime) {
  // Given any entry, we should write extra-field length 0 and the DOS time of 1980-01-01 00:00.
  auto zip = write_zip({{"a", "b", false}}, k_zip_epoch);
  ASSERT_TRUE(zip);
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>((*zip)[at]) |
                                 (static_cast<unsigned char>((*zip)[at + 1]) << 8));
  };
  EXPECT_EQ(u16(10), 0u);                        // DOS time 00:00:00
  EXPECT_EQ(u16(12), (0u << 9) | (1 << 5) | 1);  // DOS date 1980-01-01
  EXPECT_EQ(u16(28), 0u);                        // local extra field length
}

TEST(ZipTest, SourceDateEpochIsHonouredAndClamped) {
  // Given SOURCE_DATE_EPOCH before 1980 or garbage, we should fall back to 1980-01-01.
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  EXPECT_EQ(zip_timestamp_from_environment(), 1700000000);
  setenv("SOURCE_DATE_EPOCH", "12", 1);
  EXPECT_EQ(zip_timestamp_from_environment(), k_zip_epoch);
  setenv("SOURCE_DATE_EPOCH", "soon", 1);
  EXPECT_EQ(zip_timestamp_from_environment(), k_zip_epoch);
  unsetenv("SOURCE_DATE_EPOCH");
}

TEST(ZipTest, UnsafeOrDuplicatePathsAreRefused) {
  // Given absolute, parent-escaping or duplicate paths, we should refuse to write the zip.
  EXPECT_FALSE(write_zip({{"/etc/passwd", "", false}}, k_zip_epoch));
  EXPECT_FALSE(write_zip({{"../x", "", false}}, k_zip_epoch));
  EXPECT_FALSE(write_zip({{"a/./b", "", false}}, k_zip_epoch));
  EXPECT_FALSE(write_zip({{"a", "", false}, {"a", "", false}}, k_zip_epoch));
}

TEST(ZipTest, ReaderRefusesNonZip) {
  // Given a file that is not a zip, we should get an error, not an empty list.
  TempProject dir;
  dir.write("x.zip", "this is not a zip file");
  EXPECT_FALSE(read_zip(dir.root() / "x.zip"));
}

TEST(ZipTest, DamageLibarchiveGivesNoMessageForIsAnErrorNotACrash) {
  // Given a zip whose local header is damaged in a way libarchive reports without a message (found
  // by fuzz_zip_reader), we should return an error naming the zip instead of reading a null string.
  const std::string hex =
      "504b030414ffffff02000000432100bfa6a3020000000200000008000000736c732e6a736f6e7b7d504b030414000000"
      "000000002100ce334b1c0800000008000000090000006d61696e2e7761736d0061736d01000000504b01021403140000"
      "0000000000210043bfa6a30200000002000000080000000000000000000000ed0100000000736c732e6a736f6e504b01"
      "02140314000000000000002100ce334b1c0800000008000000090000000000000000000000ed01280000006d61696e2e"
      "7761736d504b050600000000020002006d000000570000000000";
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  auto files = read_zip_bytes(bytes, "damaged.zip");
  ASSERT_FALSE(files);
  EXPECT_NE(files.error().message.find("damaged.zip"), std::string::npos) << files.error().message;
}

}  // namespace
}  // namespace sls
