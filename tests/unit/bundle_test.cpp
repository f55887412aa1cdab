#include "bundler/package/bundle.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundler/inspect/inspect.hpp"
#include "bundler/package/zip_writer.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"
#include "tests/support/planned_function.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

using testing::PlannedFixture;
using testing::TempProject;

const PlannedFunction& sample_metadata() {
  static const PlannedFixture fixture = [] {
    PlannedFixture made("api/users/[id]", "/api/users/:id");
    made.planned.regions = {"iad1", "fra1"};
    made.planned.memory_mb = 512;
    made.planned.max_duration_s = 5;
    made.planned.env = {{"DB_REGION", "eu"}};
    return made;
  }();
  return fixture.planned;
}

// Writes a zip with libarchive, which (unlike sls's writer) accepts any path.
void write_raw_zip(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  archive_write_open_filename(writer, path.c_str());
  for (const auto& [name, data] : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(data.size()));
    archive_write_header(writer, entry);
    archive_write_data(writer, data.data(), data.size());
    archive_entry_free(entry);
  }
  archive_write_close(writer);
  archive_write_free(writer);
}

TEST(BundleTest, MetadataListsEveryFileWithHash) {
  // Given a bootstrap, we should describe the runtime and list the file's size and sha256.
  std::vector<BundleFile> files = {{"bootstrap", "ELF", true}};
  auto json = nlohmann::json::parse(render_bundle_metadata(sample_metadata(), files));
  EXPECT_EQ(json["schema_version"], 1);
  EXPECT_EQ(json["runtime"], "provided.al2023");
  EXPECT_EQ(json["target"], "native");
  EXPECT_EQ(json["arch"], "x86_64");
  EXPECT_EQ(json["handler"], "bootstrap");
  EXPECT_EQ(json["regions"], nlohmann::json({"iad1", "fra1"}));
  EXPECT_EQ(json["memory"], 512);
  EXPECT_EQ(json["max_duration"], 5);
  EXPECT_EQ(json["concurrency"], 1);
  EXPECT_EQ(json["env"]["DB_REGION"], "eu");
  ASSERT_EQ(json["files"].size(), 1u);
  EXPECT_EQ(json["files"][0]["sha256"], sha256_hex("ELF"));
  EXPECT_EQ(json["files"][0]["size"], 3);
  EXPECT_EQ(json["files"][0]["mode"], "0755");
}

TEST(BundleTest, InspectVerifiesAGoodBundle) {
  // Given a bundle sls wrote, we should read its metadata back with no problems.
  TempProject dir;
  auto zip = make_bundle(sample_metadata(), {{"bootstrap", "ELF", true}}, k_zip_epoch);
  ASSERT_TRUE(zip);
  ASSERT_TRUE(write_file_atomically(dir.root() / "b.zip", *zip, fs::perms(0644)));
  auto bundle = inspect_bundle(dir.root() / "b.zip");
  ASSERT_TRUE(bundle) << bundle.error().message;
  EXPECT_TRUE(bundle->problems.empty());
  EXPECT_EQ(bundle->function, "api/users/[id]");
  EXPECT_EQ(bundle->runtime, "provided.al2023");
  EXPECT_EQ(bundle->files.size(), 2u);
}

TEST(BundleTest, InspectReportsTamperedFile) {
  // Given a bundle whose bootstrap no longer matches sls.json, we should name the file.
  TempProject dir;
  std::string metadata = render_bundle_metadata(sample_metadata(), {{"bootstrap", "ELF", true}});
  auto zip = write_zip({{"bootstrap", "EVIL", true}, {"sls.json", metadata, false}}, k_zip_epoch);
  ASSERT_TRUE(write_file_atomically(dir.root() / "b.zip", *zip, fs::perms(0644)));
  auto bundle = inspect_bundle(dir.root() / "b.zip");
  ASSERT_TRUE(bundle);
  ASSERT_EQ(bundle->problems.size(), 2u);
  EXPECT_EQ(bundle->problems[0], "'bootstrap' has the wrong size");
  EXPECT_EQ(bundle->problems[1], "'bootstrap' does not match its sha256 in sls.json");
}

TEST(BundleTest, InspectReportsUnlistedFile) {
  // Given an extra file that sls.json does not list, we should report it.
  TempProject dir;
  std::string metadata = render_bundle_metadata(sample_metadata(), {{"bootstrap", "ELF", true}});
  auto zip = write_zip({{"bootstrap", "ELF", true}, {"extra", "x", false}, {"sls.json", metadata, false}}, k_zip_epoch);
  ASSERT_TRUE(write_file_atomically(dir.root() / "b.zip", *zip, fs::perms(0644)));
  auto bundle = inspect_bundle(dir.root() / "b.zip");
  ASSERT_TRUE(bundle);
  EXPECT_EQ(bundle->problems, std::vector<std::string>{"'extra' is in the zip but not in sls.json"});
}

TEST(BundleTest, InspectRefusesZipWithoutMetadata) {
  // Given a plain zip with no sls.json, we should say it is not an sls bundle.
  TempProject dir;
  write_raw_zip(dir.root() / "plain.zip", {{"hello.txt", "hi"}});
  auto bundle = inspect_bundle(dir.root() / "plain.zip");
  ASSERT_FALSE(bundle);
  EXPECT_EQ(bundle.error().message, "not an sls bundle: it has no sls.json");
}

TEST(BundleTest, InspectRefusesEscapingEntries) {
  // Given entries with ".." or an absolute path, we should refuse the zip and name the entry.
  TempProject dir;
  write_raw_zip(dir.root() / "dots.zip", {{"../evil", "x"}});
  write_raw_zip(dir.root() / "abs.zip", {{"/etc/evil", "x"}});
  auto dots = inspect_bundle(dir.root() / "dots.zip");
  auto absolute = inspect_bundle(dir.root() / "abs.zip");
  ASSERT_FALSE(dots);
  ASSERT_FALSE(absolute);
  EXPECT_NE(dots.error().message.find("'../evil'"), std::string::npos);
  EXPECT_NE(absolute.error().message.find("'/etc/evil'"), std::string::npos);
}

}  // namespace
}  // namespace sls
