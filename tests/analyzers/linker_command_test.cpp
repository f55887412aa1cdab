// The link without the driver's process (analyzers/linker_command.cpp): the
// command the engine works out for a link line is the one clang++ itself
// runs for it (as `-###` prints it), and running it writes the same
// executable as the driver process. Anything else is declined.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "analyzers/lint.hpp"

namespace {

namespace fs = std::filesystem;
using sls::analyzers::linker_command;

std::string quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string shell_line(const std::vector<std::string>& command, const fs::path& directory) {
  std::string line = "cd " + quoted(directory.string()) + " &&";
  for (const std::string& arg : command) line += " " + quoted(arg);
  return line;
}

int run(const std::vector<std::string>& command, const fs::path& directory) {
  int status = std::system(shell_line(command, directory).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// What `-###` prints for a command's jobs, each job's arguments unquoted
// ("a \"b\"" quoting, backslash escapes).
std::vector<std::vector<std::string>> printed_jobs(const std::vector<std::string>& command, const fs::path& directory) {
  std::vector<std::string> with_dry_run = command;
  with_dry_run.insert(with_dry_run.begin() + 1, "-###");
  FILE* pipe = ::popen((shell_line(with_dry_run, directory) + " 2>&1").c_str(), "r");
  std::string text;
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), n);
  ::pclose(pipe);
  std::vector<std::vector<std::string>> jobs;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(" \"", 0) != 0) continue;  // the version, the target, the InstalledDir lines
    std::vector<std::string> args;
    std::string arg;
    bool inside = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') {
        if (inside) args.push_back(arg);
        arg.clear();
        inside = !inside;
      } else if (inside) {
        if (line[i] == '\\' && i + 1 < line.size()) ++i;
        arg += line[i];
      }
    }
    jobs.push_back(args);
  }
  return jobs;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A C++ unit compiled to out/main.o under a scratch folder, and the link line sls would give it.
struct LinkFixture : testing::Test {
  fs::path root = fs::path(testing::TempDir()) / "linker-command";

  void SetUp() override {
    fs::remove_all(root);
    fs::create_directories(root / "out");
    std::ofstream(root / "main.cpp") << "#include <string>\n#include <cstdio>\n"
                                        "int main(int argc, char**) { std::string s(argc, 'x'); std::puts(s.c_str()); }\n";
    ASSERT_EQ(run({"clang++-19", "-O2", "-c", "main.cpp", "-o", "out/main.o"}, root), 0);
  }
  void TearDown() override { fs::remove_all(root); }

  std::vector<std::string> link_line(const std::string& output) const {
    return {"clang++-19",         "--target=x86_64-linux-gnu", "-fuse-ld=lld", "-static-libstdc++", "-static-libgcc",
            "-Wl,--gc-sections",  "-Wl,--build-id=none",       "-s",           "out/main.o",        "-o",
            output};
  }
};

TEST_F(LinkFixture, IsTheLinkerJobTheDriverRuns) {
  auto linker = linker_command(link_line("out/app"), root.string());
  ASSERT_TRUE(linker.declined.empty()) << linker.declined;
  auto jobs = printed_jobs(link_line("out/app"), root);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(linker.command, jobs.front());
  // clang++, not clang: the C++ standard library is linked, statically.
  std::string line;
  for (const std::string& arg : linker.command) line += arg + " ";
  EXPECT_NE(line.find("-lstdc++"), std::string::npos) << line;
}

TEST_F(LinkFixture, WritesTheDriversExecutable) {
  ASSERT_EQ(run(link_line("out/by-driver"), root), 0);
  auto linker = linker_command(link_line("out/direct"), root.string());
  ASSERT_FALSE(linker.command.empty()) << linker.declined;
  ASSERT_EQ(run(linker.command, root), 0);
  std::string by_driver = read_bytes(root / "out/by-driver");
  ASSERT_FALSE(by_driver.empty());
  EXPECT_TRUE(by_driver == read_bytes(root / "out/direct"));
}

TEST_F(LinkFixture, DeclinesAnotherCompiler) {
  auto line = link_line("out/app");
  line.front() = "g++";
  EXPECT_TRUE(linker_command(line, root.string()).command.empty());
}

TEST_F(LinkFixture, DeclinesWhatIsNotOneLink) {
  // A compile, and a link that would compile a source first: not a single linker job.
  EXPECT_TRUE(linker_command({"clang++-19", "-c", "main.cpp", "-o", "out/main.o"}, root.string()).command.empty());
  EXPECT_TRUE(linker_command({"clang++-19", "main.cpp", "-o", "out/app"}, root.string()).command.empty());
  // A missing input is the driver's error to report.
  EXPECT_TRUE(linker_command({"clang++-19", "out/missing.o", "-o", "out/app"}, root.string()).command.empty());
}

}  // namespace
