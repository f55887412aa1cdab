#include "bundler/shake/assets.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/tree_shaking/native_fixtures.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

class AssetsTest : public ::testing::Test {
protected:
  void SetUp() override {
    m_root = test::temp_dir() / "project";
    for (const char* file : {"data/a.txt", "data/b.csv", "data/sub/c.csv", "data/.env", "data/server.pem", ".git/HEAD",
                             ".env.production", "keys/id_rsa", ".sls/output/manifest.json", "api/x.cpp"})
      write(file, std::string("contents of ") + file);
  }

  void write(const std::string& path, const std::string& text) {
    ASSERT_TRUE(write_file_atomically(m_root / path, text, fs::perms(0644)));
  }

  std::vector<std::string> select(DataFileRequest request) {
    for (IncludeGlob& glob : request.include_globs)
      if (glob.where.file.empty()) glob.where = {"sls.toml", 3, 1};
    std::vector<std::string> paths;
    for (const SelectedFile& file : select_data_files(m_root, request, m_diagnostics)) paths.push_back(file.path);
    return paths;
  }

  std::string messages() const {
    std::string text;
    for (const Diagnostic& d : m_diagnostics.all()) text += format_diagnostic(d) + "\n";
    return text;
  }

  static AssetReference traced(const std::string& path) { return {path, "fopen", {"api/x.cpp", 4, 9}}; }

  fs::path m_root;
  Diagnostics m_diagnostics;
};

TEST_F(AssetsTest, TracedLiteralsResolveAgainstTheProject) {
  // Given literals as code writes them, we should ship the project files they name, at the same path, with a reason.
  DataFileRequest request;
  request.traced = {traced("data/a.txt"), traced("./data/b.csv"), traced("/var/task/data/sub/c.csv"),
                    traced("/tmp/cache")};
  EXPECT_EQ(select(request), (std::vector<std::string>{"data/a.txt", "data/b.csv", "data/sub/c.csv"}));
  EXPECT_EQ(m_diagnostics.count(Severity::Warning), 0u) << messages();
  auto files = select_data_files(m_root, {{traced("data/a.txt")}, {}}, m_diagnostics);
  EXPECT_EQ(files[0].reason, "traced: fopen at api/x.cpp:4");
}

TEST_F(AssetsTest, ATracedFolderShipsItsFiles) {
  // Given a traced folder (a directory_iterator literal), we should ship the files below it.
  DataFileRequest request;
  request.traced = {traced("data/sub")};
  EXPECT_EQ(select(request), std::vector<std::string>{"data/sub/c.csv"});
}

TEST_F(AssetsTest, MissingTracedFileIsAWarning) {
  // Given a literal naming no project file, we should warn at the call site and ship nothing.
  DataFileRequest request;
  request.traced = {traced("data/nope.txt")};
  EXPECT_TRUE(select(request).empty());
  EXPECT_NE(messages().find("api/x.cpp:4:9: warning: 'data/nope.txt' is read here but is not in the project"),
            std::string::npos)
      << messages();
}

TEST_F(AssetsTest, GlobsShipMatchesAndWarnWhenTheyMatchNothing) {
  // Given include globs, we should ship what they match and warn about one that matches nothing.
  DataFileRequest request;
  request.include_globs = {{"data/**/*.csv", {}}, {"roms/*.gb", {}}};
  EXPECT_EQ(select(request), (std::vector<std::string>{"data/b.csv", "data/sub/c.csv"}));
  EXPECT_NE(messages().find("sls.toml:3:1: warning: include \"roms/*.gb\" matches no file"), std::string::npos)
      << messages();
}

TEST_F(AssetsTest, GlobsWithDotDotOrAbsolutePathsAreErrors) {
  // Given globs that reach outside the project, we should refuse them as errors and ship nothing.
  DataFileRequest request;
  request.include_globs = {{"../outside/*", {}}, {"/etc/passwd", {}}};
  EXPECT_TRUE(select(request).empty());
  EXPECT_EQ(m_diagnostics.count(Severity::Error), 2u) << messages();
}

TEST_F(AssetsTest, BroadGlobsSkipSecretsVcsAndTheOutputFolderWithAWarning) {
  // Given "**", we should skip .env*, keys, .git/ and .sls/, and say which secrets were skipped.
  DataFileRequest request;
  request.include_globs = {{"**", {}}};
  EXPECT_EQ(select(request), (std::vector<std::string>{"api/x.cpp", "data/a.txt", "data/b.csv", "data/sub/c.csv"}));
  std::string text = messages();
  EXPECT_NE(text.find("skipped 5 file(s) that look like secrets or VCS data: .env.production, .git/HEAD, data/.env, …"),
            std::string::npos)
      << text;
}

TEST_F(AssetsTest, AnExplicitlyIncludedSecretShipsWithAWarning) {
  // Given a glob that names a key file on purpose, we should ship it and still warn.
  DataFileRequest request;
  request.include_globs = {{"data/*.pem", {}}};
  EXPECT_EQ(select(request), std::vector<std::string>{"data/server.pem"});
  EXPECT_NE(messages().find("'data/server.pem' looks like a secret and is shipped"), std::string::npos) << messages();
}

TEST_F(AssetsTest, TracedSecretsAreNotShipped) {
  // Given code that opens .env.production, we should not ship it without an explicit include.
  DataFileRequest request;
  request.traced = {traced(".env.production"), traced("../elsewhere.txt")};
  EXPECT_TRUE(select(request).empty());
  EXPECT_NE(messages().find("'.env.production' is not shipped: it looks like a secret"), std::string::npos)
      << messages();
  EXPECT_NE(messages().find("'../elsewhere.txt' is outside the project folder"), std::string::npos) << messages();
}

TEST_F(AssetsTest, SymlinksEscapingTheProjectAreRefused) {
  // Given a symlink in data/ pointing outside the project, we should refuse it whether traced or globbed.
  fs::path outside = m_root.parent_path() / "outside.txt";
  ASSERT_TRUE(write_file_atomically(outside, "secret", fs::perms(0644)));
  fs::create_symlink(outside, m_root / "data" / "link.txt");
  fs::create_symlink(m_root / "data" / "a.txt", m_root / "data" / "inside.txt");
  DataFileRequest request;
  request.traced = {traced("data/link.txt")};
  request.include_globs = {{"data/*.txt", {}}};
  EXPECT_EQ(select(request), (std::vector<std::string>{"data/a.txt", "data/inside.txt"}));
  EXPECT_NE(messages().find("'data/link.txt' is not shipped: it is a symlink that points outside the project folder"),
            std::string::npos)
      << messages();
}

TEST_F(AssetsTest, TheOutputFolderIsNeverShipped) {
  // Given a traced path into .sls/, we should refuse it.
  DataFileRequest request;
  request.traced = {traced(".sls/output/manifest.json")};
  EXPECT_TRUE(select(request).empty());
  EXPECT_NE(messages().find("sls's own output folder"), std::string::npos) << messages();
}

}  // namespace
}  // namespace sls
