// `sls build` compiles and lints a function's unit in one parse (docs/lint.md,
// "One parse"). Built both ways from empty caches, a project written the way
// people write them must give the same bundles, objects, findings and errors;
// what the one parse declines (-mllvm, a unit with errors) takes the compiler
// process and says so the same way. Links run as the linker alone (the
// driver's command worked out in the engine) and write the same executables.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "core/file_system.hpp"
#include "tests/e2e/e2e_support.hpp"

namespace sls::e2e {
namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// SDK C++ with a lib/ helper and a mutable global, C, a vendored header-only
// library with its own flags, wasm, -mllvm, and one unit that does not compile.
void write_project(const fs::path& root) {
  write(root / "sls.toml", R"([project]
name = "one-parse"

[functions."api/vendored"]
include_dirs = ["vendor/slugify/include"]
defines = ["SLUGIFY_DASH='-'"]
cxxflags = ["-Wall", "-Wextra"]

[functions."api/edge"]
target = "wasm"

[functions."api/tuned"]
cxxflags = ["-mllvm", "-inline-threshold=50"]
)");
  write(root / "lib/greeting.hpp", "#pragma once\n#include <string>\nstd::string greeting(const std::string& who);\n");
  write(root / "lib/greeting.cpp", "#include \"greeting.hpp\"\nstd::string greeting(const std::string& who) { return \"hello \" + who; }\n");
  write(root / "api/hello.cpp", R"(#include <sls/function.hpp>
#include "greeting.hpp"

static int served = 0;

sls::Response handler(const sls::Request& request, sls::Context&) {
  ++served;
  return sls::Response::text(200, greeting(request.query("name")) + " #" + std::to_string(served));
}
SLS_HANDLER(handler)
)");
  write(root / "api/plain.c", tiny_c_function("plain"));
  write(root / "vendor/slugify/include/slugify.hpp", R"(#pragma once
#include <cctype>
#include <string>
inline std::string slugify(std::string text) {
  for (char& c : text) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : SLUGIFY_DASH;
  return text;
}
)");
  write(root / "api/vendored.cpp", R"(#include <sls/function.hpp>
#include <slugify.hpp>

sls::Response handler(const sls::Request& request, sls::Context&) {
  int unused = 0;  // -Wall warns; the build does not show compiler warnings either way
  return sls::Response::text(200, slugify(request.body()));
}
SLS_HANDLER(handler)
)");
  write(root / "api/edge.cpp", R"(#include <sls/function.hpp>
#include <vector>

sls::Response handler(const sls::Request&, sls::Context&) {
  static std::vector<int> seen;
  seen.push_back(1);
  return sls::Response::text(200, std::to_string(seen.size()));
}
SLS_HANDLER(handler)
)");
  write(root / "api/tuned.cpp", R"(#include <sls/function.hpp>
sls::Response handler(const sls::Request&, sls::Context&) { return sls::Response::text(200, "tuned"); }
SLS_HANDLER(handler)
)");
  write(root / "api/unlinked.cpp", R"(#include <sls/function.hpp>
int helper_nobody_defines();
sls::Response handler(const sls::Request&, sls::Context&) {
  return sls::Response::text(200, std::to_string(helper_nobody_defines()));
}
SLS_HANDLER(handler)
)");
  write(root / "api/broken.cpp", R"(#include <sls/function.hpp>
sls::Response handler(const sls::Request&, sls::Context&) { return sls::Response::text(200, undeclared_name); }
SLS_HANDLER(handler)
)");
}

struct Built {
  nlohmann::json report;
  std::map<std::string, std::string> output, objects;
};

// Builds the project at parent/project from an empty cache of its own; the
// same place both times, since dependency files name the objects' paths.
Built build_with_one_parse(const fs::path& parent, const std::string& one_parse) {
  fs::path root = parent / "project", cache = parent / ("cache-" + one_parse);
  fs::remove_all(root);
  write_project(root);
  seed_runtime_glue(cache);
  SlsRun run = run_sls({"build", "--json", "-j", "2", root.string()}, {},
                       {{"SLS_CACHE_DIR", cache.string()}, {"SLS_ONE_PARSE", one_parse}});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // api/broken.cpp, api/unlinked.cpp
  Built built{nlohmann::json::parse(run.out), read_tree(root / ".sls/output"), {}};
  for (const auto& [file, bytes] : read_tree(root / ".sls/build"))
    if (file.ends_with(".o") || file.ends_with(".o.d")) built.objects[file] = bytes;
  return built;
}

TEST(OneParseBuildTest, BuildsAndReportsWhatTheCompilerProcessDoes) {
  auto dir = make_temp_directory("sls-e2e-one-parse");
  Built one = build_with_one_parse(*dir, "1");
  Built two = build_with_one_parse(*dir, "0");

  // hello, plain, unlinked and vendored in one parse; edge (wasm), tuned (-mllvm) and broken (errors)
  // through the process. edge comes first in plan order: a wasm back end run in sls would change them.
  EXPECT_EQ(one.report["lint"]["units_with_compile"], 4) << one.report.dump(2);
  EXPECT_EQ(two.report["lint"]["units_with_compile"], 0);
  for (const char* field : {"errors", "warnings", "notes", "units_linted", "not_analysed"})
    EXPECT_EQ(one.report["lint"][field], two.report["lint"][field]) << field;
  EXPECT_GE(one.report["lint"]["warnings"].get<int>(), 1);  // the served counter in a global
  EXPECT_EQ(one.report["functions"], two.report["functions"]);
  EXPECT_EQ(one.report["functions"]["built"], 5);
  EXPECT_EQ(one.report["functions"]["failed"], 2);
  // Every link (native and wasm, the failing one included) without a driver process, or none.
  EXPECT_EQ(one.report["steps"]["linked"], 6);
  EXPECT_EQ(one.report["steps"]["linked_directly"], 6);
  EXPECT_EQ(two.report["steps"]["linked_directly"], 0);
  // The same problems, in the same words; a failed link's detail is the linker's own output,
  // which the driver process ends with a line of its own.
  ASSERT_EQ(one.report["diagnostics"].size(), two.report["diagnostics"].size());
  for (std::size_t i = 0; i < one.report["diagnostics"].size(); ++i) {
    const auto &a = one.report["diagnostics"][i], &b = two.report["diagnostics"][i];
    EXPECT_EQ(a["message"], b["message"]);
    EXPECT_EQ(a["file"], b["file"]);
    if (a["message"].get<std::string>().ends_with("failed to link"))
      EXPECT_NE(b["detail"].get<std::string>().find(a["detail"].get<std::string>()), std::string::npos) << b["detail"];
    else
      EXPECT_EQ(a["detail"], b["detail"]);
  }
  const std::string problems = one.report["diagnostics"].dump();
  EXPECT_NE(problems.find("undeclared_name"), std::string::npos) << one.report.dump(2);
  EXPECT_NE(problems.find("function 'api/unlinked' failed to link"), std::string::npos) << problems;
  EXPECT_NE(problems.find("undefined symbol: helper_nobody_defines()"), std::string::npos) << problems;

  ASSERT_FALSE(one.objects.empty());
  EXPECT_EQ(one.objects.size(), two.objects.size());
  for (const auto& [file, bytes] : one.objects) {
    ASSERT_TRUE(two.objects.count(file)) << file;
    EXPECT_TRUE(bytes == two.objects.at(file)) << file << " differs between the one parse and the compiler process";
  }
  ASSERT_EQ(one.output.size(), two.output.size());
  for (const auto& [file, bytes] : one.output) {
    ASSERT_TRUE(two.output.count(file)) << file;
    EXPECT_TRUE(bytes == two.output.at(file)) << file << " differs between the one parse and the compiler process";
  }
  fs::remove_all(*dir);
}

// Given a build whose units were linted in their compile's parse, we should find their reports in
// the cache the next time: nothing is parsed again.
TEST(OneParseBuildTest, ItsReportsAreCachedLikeAnyLint) {
  auto dir = make_temp_directory("sls-e2e-one-parse-cache");
  fs::path root = *dir / "project", cache = *dir / "cache";
  fs::create_directories(root / "api");
  write(root / "sls.toml", "[project]\nname = \"cached\"\n");
  write(root / "api/plain.c", tiny_c_function("plain"));
  seed_runtime_glue(cache);
  const std::map<std::string, std::string> env = {{"SLS_CACHE_DIR", cache.string()}};
  SlsRun first = run_sls({"build", "--json", root.string()}, {}, env);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(nlohmann::json::parse(first.out)["lint"]["units_with_compile"], 1);
  fs::remove_all(root / ".sls");  // no build log to replay: the steps look in the cache
  SlsRun second = run_sls({"build", "--json", root.string()}, {}, env);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto report = nlohmann::json::parse(second.out);
  EXPECT_EQ(report["lint"]["units_linted"], 0);
  EXPECT_EQ(report["lint"]["units_cached"], 1);
  fs::remove_all(*dir);
}

}  // namespace
}  // namespace sls::e2e
