// What every command owes its user: --help with examples, --version, and
// colour only on a terminal and never with NO_COLOR.

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

// Runs sls with stdout and stderr on a fresh pseudo-terminal; returns what it printed.
std::string run_sls_on_terminal(const std::vector<std::string>& args, bool no_colour) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (no_colour)
      setenv("NO_COLOR", "1", 1);
    else
      unsetenv("NO_COLOR");
    setenv("TERM", "xterm", 1);
    std::vector<std::string> argv = {e2e::sls_binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (std::string& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  std::string output;
  char buffer[4096];
  for (ssize_t n; (n = read(master, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR);) {
    if (n > 0) output.append(buffer, static_cast<std::size_t>(n));
  }
  close(master);
  waitpid(pid, nullptr, 0);
  return output;
}

// Subcommand names from the "SUBCOMMANDS:" section of sls --help.
std::vector<std::string> subcommands() {
  std::istringstream help(run_sls({"--help"}).out);
  std::vector<std::string> names;
  bool in_section = false;
  for (std::string line; std::getline(help, line);) {
    if (line.find("SUBCOMMAND") == 0 || line.find("Subcommands:") == 0)
      in_section = true;
    else if (in_section && line.rfind("  ", 0) == 0)
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    else if (in_section)
      in_section = !line.empty() && line.rfind("  ", 0) == 0;
  }
  return names;
}

TEST(CliPolishTest, EveryCommandHasHelpWithExamples) {
  // Given every subcommand sls lists, its --help should exit 0 and show examples.
  std::vector<std::string> names = subcommands();
  ASSERT_GE(names.size(), 6u) << run_sls({"--help"}).out;
  for (const std::string& name : names) {
    SlsRun help = run_sls({name, "--help"});
    EXPECT_EQ(help.exit_code, 0) << name;
    EXPECT_NE(help.out.find("Examples:\n  sls " + name), std::string::npos) << name << ":\n" << help.out;
  }
}

TEST(CliPolishTest, VersionNamesSlsLlvmAndLibarchive) {
  // Given --version, we should print the sls, LLVM and libarchive versions, one per line.
  SlsRun version = run_sls({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("sls 0.", 0), 0u) << version.out;
  EXPECT_NE(version.out.find("\nLLVM 19."), std::string::npos) << version.out;
  EXPECT_NE(version.out.find("\nlibarchive 3."), std::string::npos) << version.out;
}

TEST(CliPolishTest, ColourOnlyOnATerminalAndNeverWithNoColor) {
  // Given an error, we should colour "error:" on a terminal, not with NO_COLOR, and not into a pipe.
  std::vector<std::string> args = {"init", "--template", "nope", "/nonexistent/dir"};
  EXPECT_NE(run_sls_on_terminal(args, false).find("\x1b[1;31merror:\x1b[0m"), std::string::npos);
  std::string plain = run_sls_on_terminal(args, true);
  EXPECT_NE(plain.find("error: unknown template"), std::string::npos) << plain;
  EXPECT_EQ(plain.find('\x1b'), std::string::npos) << plain;
  SlsRun piped = run_sls(args);
  EXPECT_NE(piped.err.find("error: unknown template"), std::string::npos) << piped.err;
  EXPECT_EQ(piped.err.find('\x1b'), std::string::npos);
}

TEST(CliPolishTest, BuildDiagnosticsColourTheSeverityWordOnly) {
  // Given a folder that is no project, sls build on a terminal should colour "error:" and keep the GNU form.
  TempDir temp("sls-dx-colour");
  std::string out = run_sls_on_terminal({"build", temp.path().string()}, false);
  EXPECT_NE(out.find(temp.path().string() + ": \x1b[1;31merror:\x1b[0m not an sls project"), std::string::npos) << out;
}

}  // namespace
}  // namespace sls::dx
