// Two builds of the same project from different folders, clocks, time zones,
// umasks and file mtimes must give byte-identical bundles and manifests.

#include <sys/stat.h>
#include <sys/time.h>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"

namespace sls::e2e {
namespace {

// Sets every file's mtime to `seconds` since the epoch.
void set_mtimes(const fs::path& root, long seconds) {
  for (const std::string& file : list_files_sorted(root)) {
    timeval times[2] = {{seconds, 0}, {seconds, 0}};
    ::utimes((root / file).c_str(), times);
  }
}

// The quickstart copied under `parent`, with `arch` added to [build] unless it is empty.
std::map<std::string, std::string> build_copy(const fs::path& parent, const std::string& tz, int umask_value,
                                              long mtime, const std::string& arch = "") {
  fs::path project = parent / "nested" / "quickstart";
  copy_project(source_dir() / "examples" / "quickstart", project);
  if (!arch.empty()) {
    std::string toml = *read_file(project / "sls.toml");
    toml.insert(toml.find("[build]\n") + 8, "arch = \"" + arch + "\"\n");
    EXPECT_TRUE(write_file_atomically(project / "sls.toml", toml, fs::perms(0644)));
  }
  set_mtimes(project, mtime);
  SlsRun run = run_sls({"build", "-j", "2"}, project, {{"TZ", tz}, {"LC_ALL", "C"}}, umask_value);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return read_tree(project / ".sls" / "output");
}

void expect_identical_builds_from_different_places(const std::string& arch) {
  auto first_dir = make_temp_directory("sls-det-a");
  auto second_dir = make_temp_directory("sls-det-second-copy");
  auto first = build_copy(*first_dir, "UTC", 022, 1000000000, arch);
  auto second = build_copy(*second_dir / "deeper", "Asia/Kathmandu", 077, 1700000000, arch);
  ASSERT_FALSE(first.empty());
  ASSERT_EQ(first.size(), second.size());
  for (const auto& [path, bytes] : first) {
    ASSERT_TRUE(second.count(path)) << path;
    EXPECT_TRUE(bytes == second.at(path)) << path << " differs between the two builds";
  }
  fs::remove_all(*first_dir);
  fs::remove_all(*second_dir);
}

TEST(DeterminismTest, BuildsFromDifferentPlacesAreByteIdentical) {
  // Given two copies built with different TZ, umask, mtimes and paths, we should get identical outputs.
  expect_identical_builds_from_different_places("");
}

TEST(DeterminismTest, Arm64BuildsFromDifferentPlacesAreByteIdentical) {
  // Given two arm64 copies built with different TZ, umask, mtimes and paths, we should get identical outputs.
  expect_identical_builds_from_different_places("arm64");
}

TEST(DeterminismTest, RebuildInPlaceIsIdenticalAndSourceDateEpochApplies) {
  // Given a rebuild with SOURCE_DATE_EPOCH set, we should see only the zips' timestamps change.
  auto dir = make_temp_directory("sls-det-epoch");
  fs::path project = *dir / "quickstart";
  copy_project(source_dir() / "examples" / "quickstart", project);
  ASSERT_EQ(run_sls({"build"}, project).exit_code, 0);
  auto plain = read_tree(project / ".sls" / "output");
  ASSERT_EQ(run_sls({"build"}, project).exit_code, 0);
  EXPECT_TRUE(plain == read_tree(project / ".sls" / "output"));
  ASSERT_EQ(run_sls({"build"}, project, {{"SOURCE_DATE_EPOCH", "1700000000"}}).exit_code, 0);
  auto dated = read_tree(project / ".sls" / "output");
  EXPECT_TRUE(plain.at("static/index.html") == dated.at("static/index.html"));
  EXPECT_FALSE(plain.at("functions/api/hello.zip") == dated.at("functions/api/hello.zip"));
  fs::remove_all(*dir);
}

}  // namespace
}  // namespace sls::e2e
