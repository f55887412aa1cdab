// The build log (cache/build_log.hpp) on its own: its format survives a
// round trip, a damaged or foreign log is refused, and the check finds every
// kind of change a no-op must not miss.
#include "cache/build_log.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls {
namespace {

namespace fs = std::filesystem;

// File times come from a clock that ticks every few milliseconds: an edit
// within one tick of the logged stat would be the racy case the build log
// never records, so the tests edit one tick later, as a user would.
void next_tick() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }

// A project with one source, logged as it is now.
struct LoggedProject {
  testing::TempDir temp;
  BuildLog log;
  LoggedProject() {
    temp.write("api/a.c", "int a;\n");
    temp.write("public/index.html", "<p>hi</p>\n");
    temp.write(".sls/output/manifest.json", "{}\n");
    log.context = "ctx";
    log.inputs = {stamped("api/a.c")};
    log.folders = list_project_folders(temp.root(), {});
    log.outputs = {stamped(".sls/output/manifest.json")};
    log.payload = R"({"functions":[1,0]})";
  }
  StampedFile stamped(const std::string& relative) const {
    std::string path = (temp.root() / relative).string();
    return {path, *stat_stamp(path)};
  }
  BuildLogCheck check() const {
    return check_build_log(log, "ctx", list_project_folders(temp.root(), {}), temp.root());
  }
};

TEST(BuildLogTest, ALogRoundTripsThroughItsText) {
  // Given a rendered log, we should parse back every entry and the payload.
  LoggedProject project;
  std::optional<BuildLog> parsed = parse_build_log(render_build_log(project.log));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->context, "ctx");
  EXPECT_EQ(parsed->payload, project.log.payload);
  ASSERT_EQ(parsed->inputs.size(), 1u);
  EXPECT_EQ(parsed->inputs[0].path, project.log.inputs[0].path);
  EXPECT_TRUE(parsed->inputs[0].stamp == project.log.inputs[0].stamp);
  EXPECT_TRUE(parsed->folders == project.log.folders);
  EXPECT_EQ(parsed->outputs.size(), 1u);
}

TEST(BuildLogTest, ATruncatedCorruptOrForeignLogIsRefused) {
  // Given a log cut short, a byte changed, or another version's header, we should refuse it.
  LoggedProject project;
  std::string text = render_build_log(project.log);
  EXPECT_FALSE(parse_build_log(text.substr(0, text.size() / 2)));
  EXPECT_FALSE(parse_build_log(text.substr(0, text.size() - 1)));
  std::string flipped = text;
  flipped[text.find("api/a.c")] = 'b';
  EXPECT_FALSE(parse_build_log(flipped));
  std::string other = text;
  other.replace(0, std::string("sls-build-log 1").size(), "sls-build-log 0");
  EXPECT_FALSE(parse_build_log(other));
  EXPECT_FALSE(parse_build_log(""));
  EXPECT_FALSE(parse_build_log("end \n"));
}

TEST(BuildLogTest, NothingChangedIsUnchanged) {
  // Given the project as logged, the check should pass after looking at each entry once.
  LoggedProject project;
  BuildLogCheck check = project.check();
  EXPECT_TRUE(check.unchanged) << check.difference;
  EXPECT_EQ(check.files_stated, project.log.folders.size() + 2);
}

TEST(BuildLogTest, AnEditedInputIsAChange) {
  // Given the source rewritten with other bytes of the same size, we should see it named.
  LoggedProject project;
  next_tick();
  project.temp.write("api/a.c", "int b;\n");
  BuildLogCheck check = project.check();
  EXPECT_FALSE(check.unchanged);
  EXPECT_NE(check.difference.find("api/a.c"), std::string::npos) << check.difference;
}

TEST(BuildLogTest, ARestoredMtimeIsStillAChange) {
  // Given an edit whose mtime was set back (touch -r), the ctime should still give it away.
  LoggedProject project;
  fs::path source = project.temp.root() / "api/a.c";
  struct stat before{};
  ASSERT_EQ(::stat(source.c_str(), &before), 0);
  next_tick();
  project.temp.write("api/a.c", "int c;\n");
  timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, source.c_str(), times, 0), 0);
  EXPECT_FALSE(project.check().unchanged);
}

TEST(BuildLogTest, AFileAddedAnywhereInTheProjectIsAChange) {
  // Given a new file in a folder no input came from (a glob could match it), the folder should differ.
  LoggedProject project;
  project.temp.write("data/new.json", "{}\n");
  BuildLogCheck check = project.check();
  EXPECT_FALSE(check.unchanged);
  EXPECT_NE(check.difference.find("has other entries"), std::string::npos) << check.difference;
}

TEST(BuildLogTest, FilesSlsWritesAtTheRootAreNotChanges) {
  // Given compile_commands.json written after the listing, it should not count when ignored.
  testing::TempDir temp;
  temp.write("api/a.c", "int a;\n");
  auto before = list_project_folders(temp.root(), {"compile_commands.json"});
  temp.write("compile_commands.json", "[]\n");
  temp.write(".sls/build/x", "state\n");
  EXPECT_TRUE(before == list_project_folders(temp.root(), {"compile_commands.json"}));
  EXPECT_FALSE(before == list_project_folders(temp.root(), {}));
}

TEST(BuildLogTest, AReplacedOutputOrOtherContextIsAChange) {
  // Given the output rewritten, or other flags, the check should fail.
  LoggedProject project;
  EXPECT_FALSE(check_build_log(project.log, "other", list_project_folders(project.temp.root(), {}), project.temp.root())
                   .unchanged);
  fs::remove(project.temp.root() / ".sls/output/manifest.json");
  EXPECT_FALSE(project.check().unchanged);
}

TEST(BuildLogTest, RecentStampsAreRacy) {
  // Given a file changed within two seconds of the build's start (or after it), it should be racy.
  StatStamp stamp{1, 10'000'000'000, 10'000'000'000, 1};
  EXPECT_FALSE(is_racy(stamp, 12'000'000'001));
  EXPECT_TRUE(is_racy(stamp, 12'000'000'000));
  EXPECT_TRUE(is_racy(stamp, 9'000'000'000));
  stamp.ctime_ns = 11'500'000'000;  // the ctime counts too: it cannot be set back
  EXPECT_TRUE(is_racy(stamp, 12'000'000'001));
}

}  // namespace
}  // namespace sls
