// The wasm target end to end, through the library that `sls build` and
// `sls invoke` use: the examples answer the same on both targets, wasm bundles
// are deterministic, prebuilt modules are checked and packaged, wasm32-wasi
// limits are explained, and a module sees its bundle's files.
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundler/inspect/local_invoke.hpp"
#include "bundler/package/bundle.hpp"
#include "bundler/package/zip_writer.hpp"
#include "bundler/pipeline.hpp"
#include "core/file_system.hpp"
#include "tests/support/planned_function.hpp"
#include "wasm_test_support.hpp"

namespace sls::test {
namespace fs = std::filesystem;
namespace {

struct BuiltProject {
  TempDir dir;
  fs::path root;
  BuildSummary summary;
  std::vector<Diagnostic> diagnostics;
};

std::unique_ptr<BuiltProject> build_copy(const fs::path& source, Target target) {
  ::setenv("SLS_SHARE_DIR", SLS_TEST_SHARE_DIR, 1);
  auto built = std::make_unique<BuiltProject>();
  built->root = built->dir.path() / source.filename();
  fs::copy(source, built->root, fs::copy_options::recursive);
  fs::remove_all(built->root / ".sls");
  SystemProcessRunner runner;
  Diagnostics diagnostics;
  built->summary = build_project({built->root, target, std::nullopt, 2}, runner, diagnostics);
  built->diagnostics = diagnostics.all();
  return built;
}

std::string log_of(const BuiltProject& built) {
  std::string log;
  for (const Diagnostic& diagnostic : built.diagnostics)
    log += format_diagnostic(diagnostic) + "\n" + diagnostic.detail;
  return log;
}

// Each example is built once per target for the whole test program.
const BuiltProject& built_example(const std::string& name, Target target) {
  static std::map<std::pair<std::string, Target>, std::unique_ptr<BuiltProject>> cache;
  auto& slot = cache[{name, target}];
  if (!slot) slot = build_copy(fs::path(SLS_TEST_SOURCE_DIR) / "examples" / name, target);
  return *slot;
}

WasmRuntime wasm_runtime() {
  const char* path = std::getenv("PATH");
  auto runtime = find_wasm_runtime(InstallLayout{SLS_TEST_SHARE_DIR}, path ? path : "");
  EXPECT_TRUE(runtime) << runtime.error().message;
  return runtime ? *runtime : WasmRuntime{};
}

Expected<LocalResponse> invoke(const fs::path& zip, const LocalRequest& request) {
  auto bundle = inspect_bundle(zip);
  if (!bundle) return bundle.error();
  SystemProcessRunner runner;
  return invoke_bundle(*bundle, request, runner,
                       bundle->target == "wasm" ? std::optional(wasm_runtime()) : std::nullopt);
}

std::string header(const LocalResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
  }
  return "";
}

// route -> concrete paths: every ":param" segment gets each sample value.
std::vector<std::string> sample_paths(const std::string& route) {
  auto colon = route.find("/:");
  if (colon == std::string::npos) return {route};
  auto end = route.find('/', colon + 1);
  std::vector<std::string> paths;
  for (const char* value : {"1", "2", "3", "9", "42", "abc"}) {
    std::string path = route.substr(0, colon + 1) + value + (end == std::string::npos ? "" : route.substr(end));
    for (std::string& more : sample_paths(path)) paths.push_back(std::move(more));
  }
  return paths;
}

std::vector<LocalRequest> sample_requests(const std::string& route) {
  std::vector<std::pair<std::string, std::string>> headers = {{"User-Agent", "sls-test/1"}, {"X-Trace", "7"}};
  std::vector<LocalRequest> requests;
  for (const std::string& path : sample_paths(route)) {
    requests.push_back({"GET", path + "?name=Ada&lang=fr", headers, ""});
    auto with_type = headers;
    with_type.emplace_back("Content-Type", "application/json");
    requests.push_back({"POST", path, with_type, R"({"a":[1,2],"b":"\u00e9"})"});
    requests.push_back({"DELETE", path, {}, ""});
  }
  return requests;
}

nlohmann::json output_manifest(const BuiltProject& built) {
  auto text = read_file(output_dir_for(built.root) / "manifest.json");
  return text ? nlohmann::json::parse(*text) : nlohmann::json::object();
}

class EquivalenceTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EquivalenceTest, EveryFunctionAnswersTheSameOnBothTargets) {
  // Given an example built for native and for wasm, we should get the same status, content type and body
  // from both bundles of every function for every sample request.
  const BuiltProject& native = built_example(GetParam(), Target::Native);
  const BuiltProject& wasm = built_example(GetParam(), Target::Wasm);
  ASSERT_GT(native.summary.functions_built, 0u) << log_of(native);
  ASSERT_EQ(native.summary.functions_failed, 0u) << log_of(native);
  ASSERT_EQ(wasm.summary.functions_built, native.summary.functions_built) << log_of(wasm);
  std::size_t compared = 0;
  nlohmann::json manifest = output_manifest(native);
  for (const auto& function : manifest["functions"]) {
    std::string name = function["name"], zip = function["bundle"];
    for (const LocalRequest& request : sample_requests(function["route"])) {
      SCOPED_TRACE(name + ": " + request.method + " " + request.path);
      auto from_native = invoke(output_dir_for(native.root) / zip, request);
      auto from_wasm = invoke(output_dir_for(wasm.root) / zip, request);
      ASSERT_TRUE(from_native) << from_native.error().message;
      ASSERT_TRUE(from_wasm) << from_wasm.error().message;
      EXPECT_EQ(from_wasm->status, from_native->status);
      EXPECT_EQ(header(*from_wasm, "content-type"), header(*from_native, "content-type"));
      EXPECT_EQ(from_wasm->body, from_native->body);
      ++compared;
    }
  }
  EXPECT_GE(compared, 9u);
}

INSTANTIATE_TEST_SUITE_P(Examples, EquivalenceTest, ::testing::Values("quickstart", "http-echo", "http-echo-c"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

class CSdkEquivalenceTest : public ::testing::TestWithParam<Target> {};

TEST_P(CSdkEquivalenceTest, CFunctionsAnswerLikeTheirCxxTwins) {
  // Given http-echo in C++ and its C translation (<sls/function.h>) built for one target, we should get the same
  // status, headers and body from each C function as from its C++ twin for every sample request.
  const BuiltProject& cxx = built_example("http-echo", GetParam());
  const BuiltProject& c = built_example("http-echo-c", GetParam());
  ASSERT_GT(cxx.summary.functions_built, 0u) << log_of(cxx);
  ASSERT_EQ(c.summary.functions_failed, 0u) << log_of(c);
  ASSERT_EQ(c.summary.functions_built, cxx.summary.functions_built) << log_of(c);
  std::size_t compared = 0;
  nlohmann::json manifest = output_manifest(cxx);  // named: a temporary's member would dangle in the loop
  for (const auto& function : manifest["functions"]) {
    std::string name = function["name"], zip = function["bundle"];
    for (const LocalRequest& request : sample_requests(function["route"])) {
      SCOPED_TRACE(name + ": " + request.method + " " + request.path);
      auto from_cxx = invoke(output_dir_for(cxx.root) / zip, request);
      auto from_c = invoke(output_dir_for(c.root) / zip, request);
      ASSERT_TRUE(from_cxx) << from_cxx.error().message;
      ASSERT_TRUE(from_c) << from_c.error().message;
      EXPECT_EQ(from_c->status, from_cxx->status);
      EXPECT_EQ(from_c->headers, from_cxx->headers);
      EXPECT_EQ(from_c->body, from_cxx->body);
      ++compared;
    }
  }
  EXPECT_GE(compared, 9u);
}

INSTANTIATE_TEST_SUITE_P(Targets, CSdkEquivalenceTest, ::testing::Values(Target::Native, Target::Wasm),
                         [](const auto& info) { return to_string(info.param); });

TEST(WasmBuildTest, BundlesHoldTheModuleAndAWagiRuntimeReference) {
  // Given quickstart built for wasm, we should find function.wasm and sls.json (wasi-preview1, wagi) in each bundle.
  const BuiltProject& wasm = built_example("quickstart", Target::Wasm);
  auto bundle = inspect_bundle(output_dir_for(wasm.root) / "functions/api/hello.zip");
  ASSERT_TRUE(bundle) << bundle.error().message;
  EXPECT_EQ(bundle->runtime, "wasi-preview1");
  EXPECT_EQ(bundle->handler, "function.wasm");
  EXPECT_TRUE(bundle->problems.empty());
  std::vector<std::string> paths;
  for (const ZipFile& file : bundle->contents) {
    paths.push_back(file.path);
    if (file.path == "sls.json") EXPECT_EQ(nlohmann::json::parse(file.data)["interface"], "wagi");
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"function.wasm", "sls.json"}));
  EXPECT_TRUE(fs::is_regular_file(output_dir_for(wasm.root) / "spin.toml"));
  EXPECT_FALSE(fs::exists(output_dir_for(built_example("quickstart", Target::Native).root) / "spin.toml"));
}

// Every file of an output tree, relative path -> bytes.
std::map<std::string, std::string> output_files(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const std::string& path : list_files_sorted(output_dir_for(root)))
    files[path] = *read_file(output_dir_for(root) / path);
  return files;
}

TEST(WasmBuildTest, WasmBuildsAreByteIdentical) {
  // Given quickstart built for wasm twice, in different folders and under different umasks, we should get
  // byte-identical bundles, manifest and spin.toml.
  const BuiltProject& first = built_example("quickstart", Target::Wasm);
  mode_t previous = ::umask(077);
  auto second = build_copy(fs::path(SLS_TEST_SOURCE_DIR) / "examples" / "quickstart", Target::Wasm);
  ::umask(previous);
  ASSERT_EQ(second->summary.functions_failed, 0u) << log_of(*second);
  auto a = output_files(first.root), b = output_files(second->root);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [path, bytes] : a) {
    ASSERT_TRUE(b.count(path)) << path;
    EXPECT_TRUE(b[path] == bytes) << path << " differs between the two builds";
  }
  EXPECT_TRUE(a.count("spin.toml"));
}

std::string wagi_program(const std::string& body_code) {
  return "#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n  printf(\"content-type: text/plain\\n\\n\");\n" +
         body_code + "  return 0;\n}\n";
}

TEST(WasmBuildTest, PrebuiltModulesAreCheckedAndPackagedAsIs) {
  // Given a project with a good prebuilt module and one importing from "env", we should package the good one
  // byte for byte (and serve it), and fail the other with a message naming the import.
  TempDir project;
  std::string log;
  std::string good = compile_c_to_wasm(wagi_program("  printf(\"prebuilt %s\", getenv(\"REQUEST_METHOD\"));\n"),
                                       project.path() / "work", log);
  ASSERT_FALSE(good.empty()) << log;
  fs::path source = project.path() / "app";
  write_text(source / "api/good.wasm", good);
  write_text(source / "api/bad.wasm", minimal_command({{"wasi_snapshot_preview1", "fd_write"}, {"env", "host_log"}}));
  auto built = build_copy(source, Target::Native);
  EXPECT_EQ(built->summary.functions_built, 1u) << log_of(*built);
  EXPECT_EQ(built->summary.functions_failed, 1u);
  bool named = false;
  for (const Diagnostic& diagnostic : built->diagnostics)
    named |=
        diagnostic.location.file == "api/bad.wasm" && diagnostic.message.find("'env.host_log'") != std::string::npos;
  EXPECT_TRUE(named) << log_of(*built);
  auto bundle = inspect_bundle(output_dir_for(built->root) / "functions/api/good.zip");
  ASSERT_TRUE(bundle) << bundle.error().message;
  EXPECT_EQ(bundle->target, "wasm");
  EXPECT_EQ(bundle->contents.at(0).data, good);
  auto response = invoke(output_dir_for(built->root) / "functions/api/good.zip", {"PUT", "/api/good", {}, ""});
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->body, "prebuilt PUT");
  auto spin = read_file(output_dir_for(built->root) / "spin.toml");
  ASSERT_TRUE(spin);
  EXPECT_NE(spin->find("[component.api-good]"), std::string::npos);
  EXPECT_EQ(spin->find("api-bad"), std::string::npos);
}

TEST(WasmBuildTest, TryThrowGetsTheCompilerErrorAndAnSlsNote) {
  // Given a function using try/throw, we should fail its wasm build with clang's located error plus an sls note
  // at the same place, and build it natively without that note.
  TempDir project;
  fs::path source = project.path() / "app";
  write_text(source / "api/throws.cpp",
             "#include <sls/function.hpp>\n"
             "sls::Response handle(const sls::Request& req, sls::Context&) {\n"
             "  try { if (req.body().empty()) throw 1; } catch (int) { return sls::Response::text(500, \"x\"); }\n"
             "  return sls::Response::text(200, \"ok\");\n"
             "}\nSLS_HANDLER(handle)\n");
  auto wasm = build_copy(source, Target::Wasm);
  EXPECT_EQ(wasm->summary.functions_failed, 1u);
  const Diagnostic* note = nullptr;
  for (const Diagnostic& diagnostic : wasm->diagnostics) {
    if (diagnostic.message.find("[wasm-exceptions]") != std::string::npos) note = &diagnostic;
  }
  ASSERT_NE(note, nullptr) << log_of(*wasm);
  EXPECT_EQ(note->severity, Severity::Note);
  EXPECT_EQ(note->location.file, "api/throws.cpp");
  EXPECT_EQ(note->location.line, 3u);
  auto native = build_copy(source, Target::Native);
  EXPECT_EQ(native->summary.functions_built, 1u) << log_of(*native);
  for (const Diagnostic& diagnostic : native->diagnostics)
    EXPECT_EQ(diagnostic.message.find("[wasm-"), std::string::npos);
}

TEST(WasmBuildTest, ModuleReadsItsBundleFilesThroughThePreopen) {
  // Given a wasm bundle with data/greeting.txt, we should let the module read it by relative and absolute path.
  TempDir work;
  std::string log;
  std::string module = compile_c_to_wasm(
      wagi_program("  const char* paths[] = {\"data/greeting.txt\", \"/data/greeting.txt\"};\n"
                   "  for (int i = 0; i < 2; ++i) { char line[64] = \"missing\"; FILE* f = fopen(paths[i], \"r\");\n"
                   "    if (f) { fgets(line, sizeof line, f); fclose(f); } printf(\"%s\", line); }\n"),
      work.path(), log);
  ASSERT_FALSE(module.empty()) << log;
  sls::testing::PlannedFixture metadata("api/files", "/api/files", Target::Wasm);
  auto zip =
      make_bundle(metadata.planned,
                  {{"function.wasm", module, true}, {"data/greeting.txt", "hello from data\n", false}}, 315532800);
  ASSERT_TRUE(zip) << zip.error().message;
  write_text(work.path() / "files.zip", *zip);
  auto response = invoke(work.path() / "files.zip", {"GET", "/api/files", {}, ""});
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->body, "hello from data\nhello from data\n");
}

}  // namespace
}  // namespace sls::test
