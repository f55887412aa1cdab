// The one-parse path (analyzers/compile_and_lint.cpp): for every analyzer
// input, the object and dependency file it writes are byte for byte the clang
// executable's, and its report is lint()'s. What it cannot reproduce, it declines.

#include <malloc.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "analyzers/lint.hpp"

namespace {

namespace fs = std::filesystem;
using namespace sls::analyzers;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs the command as a process from `directory`, as the build does without the one parse.
int run_compiler(const std::vector<std::string>& command, const fs::path& directory) {
  std::string line = "cd " + quoted(directory.string()) + " &&";
  for (const std::string& arg : command) line += " " + quoted(arg);
  int status = std::system(line.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A scratch project: the input copied to src/, compiled from the project root.
struct Unit {
  fs::path root;
  std::string source;  // relative to root, as the build passes it
  fs::path object;     // absolute, as the build passes it
  std::vector<std::string> compile_flags;

  std::vector<std::string> command() const {
    bool c = source.ends_with(".c");
    std::vector<std::string> line = {c ? "clang-19" : "clang++-19", c ? "-std=c17" : "-std=c++20"};
    line.insert(line.end(), compile_flags.begin(), compile_flags.end());
    line.insert(line.end(), {"-ffunction-sections", "-fdata-sections", "-fdiagnostics-color=never",
                             "-ffile-prefix-map=" + root.string() + "=.", "-fdebug-compilation-dir=.", "-isystem",
                             SLS_ANALYZER_TEST_INCLUDE, source, "-c", "-o", object.string(), "-MD", "-MF",
                             object.string() + ".d"});
    return line;
  }
  CompileAndLintJob job() const {
    std::vector<std::string> frontend = command();
    frontend.resize(frontend.size() - 6);  // without -c -o OBJECT -MD -MF DEPFILE
    return {{(root / source).string(), source, frontend, root.string(), std::nullopt}, command()};
  }
};

Unit scratch_unit(const std::string& name, const std::string& text, std::vector<std::string> flags = {"-O2"}) {
  fs::path root = fs::path(testing::TempDir()) / ("one-parse-" + name);
  fs::remove_all(root);
  fs::create_directories(root / "src");
  fs::create_directories(root / "out");
  std::ofstream(root / "src" / name) << text;
  return {root, "src/" + name, root / "out" / (name + ".o"), std::move(flags)};
}

std::vector<std::string> finding_lines(const LintReport& report) {
  std::vector<std::string> lines;
  for (const Finding& f : report.findings)
    lines.push_back(f.position.path + ":" + std::to_string(f.position.line) + ":" + std::to_string(f.position.column) +
                    " " + f.rule_id + " " + severity_name(f.severity) + " " + f.message);
  for (const TracedAsset& a : report.assets)
    lines.push_back("asset " + a.path + "@" + std::to_string(a.position.line) + ":" + asset_kind_name(a.kind));
  return lines;
}

class OneParse : public testing::TestWithParam<std::string> {};

// Given an analyzer input compiled at -O2 with debug information, we should write the object and
// dependency file the clang executable writes, and report what lint() reports.
TEST_P(OneParse, WritesTheCompilersObjectAndLintsReport) {
  const std::string name = GetParam();
  Unit unit = scratch_unit(name, read_bytes(fs::path(SLS_ANALYZER_TEST_INPUTS) / name), {"-O2", "-g"});
  ASSERT_EQ(run_compiler(unit.command(), unit.root), 0);
  const std::string object = read_bytes(unit.object), depfile = read_bytes(unit.object.string() + ".d");
  ASSERT_FALSE(object.empty());
  fs::remove(unit.object);
  fs::remove(unit.object.string() + ".d");

  LintOptions options;
  CompileAndLintResult result = compile_and_lint(unit.job(), options);
  ASSERT_TRUE(result.compiled) << result.declined;
  EXPECT_TRUE(read_bytes(unit.object) == object) << name << ": the object differs from clang's";
  EXPECT_EQ(read_bytes(unit.object.string() + ".d"), depfile);
  LintReport alone = lint({unit.job().unit}, options);
  EXPECT_TRUE(alone.failures.empty());
  EXPECT_TRUE(result.report.failures.empty());
  EXPECT_EQ(finding_lines(result.report), finding_lines(alone));
}

std::vector<std::string> analyzer_inputs() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(SLS_ANALYZER_TEST_INPUTS)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".cpp") || name.ends_with(".c")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(AnalyzerInputs, OneParse, testing::ValuesIn(analyzer_inputs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// Given a unit with an error, we should write nothing and decline, so that the build runs the
// compiler, whose messages users know.
TEST(OneParseDeclines, AUnitWithErrors) {
  Unit unit = scratch_unit("broken.cpp", "int main() { return undeclared_name; }\n");
  CompileAndLintResult result = compile_and_lint(unit.job(), LintOptions{});
  EXPECT_FALSE(result.compiled);
  EXPECT_NE(result.declined.find("errors"), std::string::npos) << result.declined;
  EXPECT_FALSE(fs::exists(unit.object));
}

// Given -mllvm options (process-wide LLVM settings), we should decline.
TEST(OneParseDeclines, MllvmOptions) {
  Unit unit = scratch_unit("mllvm.cpp", "int main() { return 0; }\n", {"-O2", "-mllvm", "-inline-threshold=10"});
  CompileAndLintResult result = compile_and_lint(unit.job(), LintOptions{});
  EXPECT_FALSE(result.compiled);
  EXPECT_NE(result.declined.find("-mllvm"), std::string::npos) << result.declined;
  EXPECT_FALSE(fs::exists(unit.object));
}

// Given another compiler than the engine's clang (here GCC), we should decline: its objects are not ours to make.
TEST(OneParseDeclines, AnotherCompiler) {
  Unit unit = scratch_unit("gcc.cpp", "int main() { return 0; }\n");
  CompileAndLintJob job = unit.job();
  job.compile_command.front() = "g++";
  CompileAndLintResult result = compile_and_lint(job, LintOptions{});
  EXPECT_FALSE(result.compiled);
  EXPECT_NE(result.declined.find("not the engine's compiler"), std::string::npos) << result.declined;
  EXPECT_FALSE(fs::exists(unit.object));
}

// Given another target than the host's (wasm32), we should decline: only the host's back end runs
// in the engine, since another one changes the host objects made after it.
TEST(OneParseDeclines, AnotherTarget) {
  Unit unit = scratch_unit("wasm.c", "int answer(void) { return 42; }\n", {"-O2", "--target=wasm32-wasi", "-nostdlibinc"});
  CompileAndLintResult result = compile_and_lint(unit.job(), LintOptions{});
  EXPECT_FALSE(result.compiled);
  EXPECT_NE(result.declined.find("host's CPU only"), std::string::npos) << result.declined;
  EXPECT_FALSE(fs::exists(unit.object));
}

// Given a line that is not one compile (here, a link as well), we should decline.
TEST(OneParseDeclines, ALineThatIsNotOneCompile) {
  Unit unit = scratch_unit("linked.cpp", "int main() { return 0; }\n");
  CompileAndLintJob job = unit.job();
  job.compile_command = {"clang++-19", unit.source, "-o", (unit.root / "out" / "linked").string()};
  CompileAndLintResult result = compile_and_lint(job, LintOptions{});
  EXPECT_FALSE(result.compiled);
  EXPECT_FALSE(result.declined.empty());
  EXPECT_FALSE(fs::exists(unit.root / "out" / "linked"));
}

void note_signal(int) {}

// What a compile in the engine must leave as it found it, in a fresh process:
// 0 when it did, else a bit for each check that failed.
int compile_on_a_thread_and_check_signals(const CompileAndLintJob& job) {
  struct sigaction mine {};
  mine.sa_handler = note_signal;
  for (int signal : {SIGINT, SIGTERM, SIGSEGV}) ::sigaction(signal, &mine, nullptr);
  int failed = 0;
  std::thread worker([&] {
    // A thread's own alternate signal stack, mapped as the sanitizers map theirs.
    const std::size_t size = 64 * 1024;
    void* memory = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    stack_t own{memory, 0, size}, after{};
    ::sigaltstack(&own, nullptr);
    if (!compile_and_lint(job, LintOptions{}).compiled) failed |= 1;
    ::sigaltstack(nullptr, &after);
    if (after.ss_sp != memory || after.ss_size != size) failed |= 2;
  });
  worker.join();
  for (int signal : {SIGINT, SIGTERM, SIGSEGV}) {
    struct sigaction now {};
    ::sigaction(signal, nullptr, &now);
    if (now.sa_handler != note_signal) failed |= 4;
  }
  return failed;
}

// Given a compile on a worker thread of sls, we should leave the process's signal handlers (sls's
// own, or a sanitizer's) and the thread's alternate signal stack as they were: a sanitizer unmaps
// that stack when the thread ends, and aborts if it is not the one it mapped.
TEST(OneParseProcess, LeavesSignalHandlersAndTheAlternateStackAsTheyWere) {
  Unit unit = scratch_unit("signals.cpp", "int main() { return 0; }\n");
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) ::_exit(compile_on_a_thread_and_check_signals(unit.job()));
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: not compiled, 2: alternate stack replaced, 4: signal handler replaced";
  EXPECT_TRUE(fs::exists(unit.object));
}

// Given units compiled one after another in one process, as a build of many functions does, we
// should free each unit's AST and code generator: the heap in use stays where it was after the
// first units (the clang executable's -disable-free would leak about 1 MiB per unit).
TEST(OneParseProcess, FreesEachUnitsMemory) {
  Unit unit = scratch_unit("memory.cpp", read_bytes(fs::path(SLS_ANALYZER_TEST_INPUTS) / "global_mutable_state_kinds.cpp"), {"-O2", "-g"});
  for (int warm = 0; warm < 3; ++warm) ASSERT_TRUE(compile_and_lint(unit.job(), LintOptions{}).compiled);
  const std::size_t before = ::mallinfo2().uordblks;
  for (int run = 0; run < 20; ++run) ASSERT_TRUE(compile_and_lint(unit.job(), LintOptions{}).compiled);
  const std::size_t after = ::mallinfo2().uordblks;
  EXPECT_LT(after, before + 2 * 1024 * 1024) << "in use before: " << before << " bytes, after 20 units: " << after;
}

}  // namespace
