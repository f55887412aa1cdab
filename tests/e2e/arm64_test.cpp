// The quickstart built with arch = "arm64" (docs/targets.md): every bootstrap
// is an aarch64 ELF, answers the Lambda Runtime API test server under
// qemu-aarch64 exactly as the x86_64 build does, and `sls invoke` runs it.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "process.hpp"
#include "tests/e2e/e2e_support.hpp"
#include "tests/e2e/http_event.hpp"
#include "tests/e2e/served_function.hpp"

namespace sls::e2e {
namespace {

using nlohmann::json;

constexpr const char* k_arm64_sysroot = "/usr/aarch64-linux-gnu";

const std::vector<std::string> k_functions = {"api/echo", "api/greet", "api/hello", "api/users/[id]", "api/visits"};

// examples/quickstart with `arch` set in [build] (as a user would write it).
fs::path quickstart_for(const std::string& arch, const fs::path& parent) {
  return quickstart_with_build_settings(parent, "arch = \"" + arch + "\"\n");
}

struct ArchBuild {
  fs::path project;
  SlsRun build;
  fs::path bundle(const std::string& function) const {
    return project / ".sls" / "output" / "functions" / (function + ".zip");
  }
};

const ArchBuild& build_for(const std::string& arch) {
  static std::map<std::string, ArchBuild> builds;
  auto found = builds.find(arch);
  if (found != builds.end()) return found->second;
  ArchBuild build;
  build.project = quickstart_for(arch, *make_temp_directory("sls-e2e-" + arch));
  build.build = run_sls({"build", build.project.string()});
  return builds[arch] = build;
}

// e_machine straight from the ELF header (bytes 18-19, little-endian), not through sls's reader.
int elf_machine(const fs::path& file) {
  auto bytes = read_file(file);
  if (!bytes || bytes->size() < 20 || bytes->compare(0, 4, "\x7f" "ELF") != 0) return -1;
  return static_cast<unsigned char>((*bytes)[18]) | static_cast<unsigned char>((*bytes)[19]) << 8;
}
constexpr int k_em_aarch64 = 183, k_em_x86_64 = 62;

// The events each function answers in this test: success, an error, state kept across calls, binary bodies.
std::vector<json> events_for(const std::string& function) {
  if (function == "api/echo")
    return {http_event("POST", "/api/echo", "", "AAH/Zm9v", true, {{"content-type", "application/octet-stream"}})};
  if (function == "api/greet") return {http_event("GET", "/api/greet", "name=Grace&lang=fr")};
  if (function == "api/hello") return {http_event("GET", "/api/hello", "name=Ada%20L")};
  if (function == "api/users/[id]")
    return {http_event("GET", "/api/users/99999999999999999999999"), http_event("GET", "/api/users/42")};
  return {http_event("GET", "/api/visits"), http_event("GET", "/api/visits")};
}

// Runs one bootstrap (under qemu for arm64) against its own Runtime API server; the results in event order.
std::vector<test::InvocationResult> serve(const std::string& arch, const std::string& function) {
  std::vector<std::string> launcher;
  if (arch == "arm64") launcher = {"qemu-aarch64", "-L", k_arm64_sysroot};
  return ServedFunction(build_for(arch).bundle(function), function, launcher).invoke(events_for(function));
}

TEST(Arm64Test, EveryBootstrapIsAnAarch64ExecutableAndSaysArm64) {
  // Given the quickstart with arch = "arm64", we should build every function as an EM_AARCH64 bootstrap,
  // and sls.json and the manifest should say arm64.
  ASSERT_TRUE(test::on_path("qemu-aarch64")) << "qemu-aarch64 is missing: install qemu-user (scripts/install-deps.sh)";
  const ArchBuild& build = build_for("arm64");
  ASSERT_EQ(build.build.exit_code, 0) << build.build.err;
  for (const std::string& function : k_functions) {
    fs::path dir = extract_bundle(build.bundle(function));
    EXPECT_EQ(elf_machine(dir / "bootstrap"), k_em_aarch64) << function;
    EXPECT_EQ(nlohmann::json::parse(*read_file(dir / "sls.json"))["arch"], "arm64") << function;
  }
  auto manifest = nlohmann::json::parse(*read_file(build.project / ".sls" / "output" / "manifest.json"));
  for (const auto& entry : manifest["functions"]) EXPECT_EQ(entry["arch"], "arm64") << entry["name"];
}

TEST(Arm64Test, AnswersUnderQemuAreThoseOfTheX86_64Build) {
  // Given the same events sent to each arm64 bootstrap (under qemu-aarch64) and to the x86_64 one,
  // we should get identical responses and errors.
  ASSERT_EQ(build_for("arm64").build.exit_code, 0) << build_for("arm64").build.err;
  ASSERT_EQ(build_for("x86_64").build.exit_code, 0) << build_for("x86_64").build.err;
  for (const std::string& function : k_functions) {
    auto arm64 = serve("arm64", function);
    auto x86_64 = serve("x86_64", function);
    ASSERT_EQ(arm64.size(), x86_64.size());
    for (std::size_t i = 0; i < arm64.size(); ++i) {
      EXPECT_EQ(arm64[i].kind, x86_64[i].kind) << function << " #" << i;
      EXPECT_EQ(arm64[i].body, x86_64[i].body) << function << " #" << i;
      EXPECT_EQ(arm64[i].error_type, x86_64[i].error_type) << function << " #" << i;
    }
  }
  // And the answers are the real ones, not two identical failures.
  auto hello = serve("arm64", "api/hello");
  EXPECT_EQ(json::parse(hello[0].body, nullptr, false)["body"], "hello Ada L");
  EXPECT_EQ(serve("arm64", "api/users/[id]")[0].error_type, "std::out_of_range");
}

TEST(Arm64Test, InvokeRunsAnArm64FunctionUnderQemu) {
  // Given the arm64 build, sls invoke should run the bootstrap under qemu-aarch64 and print its response.
  const ArchBuild& build = build_for("arm64");
  ASSERT_EQ(build.build.exit_code, 0) << build.build.err;
  SlsRun run = run_sls({"invoke", "api/hello", "-C", build.project.string(), "--path", "/api/hello?name=Ada"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("HTTP/1.1 200"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("hello Ada"), std::string::npos) << run.out;
}

TEST(Arm64Test, InvokeWithoutQemuSaysWhatToInstall) {
  // Given no qemu-aarch64 on PATH, sls invoke of an arm64 function should fail and name qemu-user.
  const ArchBuild& build = build_for("arm64");
  ASSERT_EQ(build.build.exit_code, 0) << build.build.err;
  auto empty = make_temp_directory("sls-e2e-no-qemu");
  SlsRun run = run_sls({"invoke", "api/hello", "-C", build.project.string()}, {}, {{"PATH", empty->string()}});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("qemu-aarch64, which is not installed (on Debian: apt-get install qemu-user)"),
            std::string::npos)
      << run.err;
  fs::remove_all(*empty);
}

TEST(Arm64Test, SwitchingArchInPlaceNeverReusesTheOtherMachinesBuild) {
  // Given one project built for x86_64, then arm64, then x86_64 again (one cache), each build's
  // bootstraps should be for the arch asked for.
  auto dir = make_temp_directory("sls-e2e-arch-switch");
  fs::path project = quickstart_for("x86_64", *dir);
  for (const auto& [arch, machine] : std::vector<std::pair<std::string, int>>{
           {"x86_64", k_em_x86_64}, {"arm64", k_em_aarch64}, {"x86_64", k_em_x86_64}}) {
    std::string toml = *read_file(project / "sls.toml");
    std::size_t at = toml.find("arch = \"");
    toml.replace(at, toml.find('\n', at) - at, "arch = \"" + arch + "\"");
    ASSERT_TRUE(write_file_atomically(project / "sls.toml", toml, fs::perms(0644)));
    SlsRun run = run_sls({"build", project.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    fs::path bundle = extract_bundle(project / ".sls" / "output" / "functions" / "api" / "greet.zip");
    EXPECT_EQ(elf_machine(bundle / "bootstrap"), machine) << arch;
  }
  fs::remove_all(*dir);
}

TEST(Arm64Test, ExportsSayArm64) {
  // Given the arm64 build, sls export sam should declare Architectures: [arm64] for every function.
  const ArchBuild& build = build_for("arm64");
  ASSERT_EQ(build.build.exit_code, 0) << build.build.err;
  SlsRun run = run_sls({"export", "sam", build.project.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string tree;
  for (const auto& [path, bytes] : read_tree(build.project / ".sls" / "deploy" / "sam")) tree += bytes;
  EXPECT_NE(tree.find("arm64"), std::string::npos) << tree;
  EXPECT_EQ(tree.find("x86_64"), std::string::npos) << tree;
}

}  // namespace
}  // namespace sls::e2e
