#include "tests/e2e/e2e_support.hpp"

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "bundler/inspect/inspect.hpp"
#include "core/file_system.hpp"

namespace sls::e2e {

fs::path source_dir() { return SLS_SOURCE_DIR; }
fs::path sls_binary() { return SLS_BINARY; }

fs::path extract_bundle(const fs::path& zip) {
  auto bundle = inspect_bundle(zip);
  EXPECT_TRUE(bundle) << zip << ": " << (bundle ? "" : bundle.error().message);
  fs::path dir = *make_temp_directory("sls-e2e-bundle");
  if (bundle) EXPECT_TRUE(extract_files(bundle->contents, dir));
  return dir;
}

namespace {

std::string octal(int value) {
  char text[16];
  std::snprintf(text, sizeof text, "%03o", value);
  return text;
}

}  // namespace

SlsRun run_sls(const std::vector<std::string>& args, const fs::path& cwd,
               const std::map<std::string, std::string>& extra_env, int umask_value) {
  std::vector<std::string> argv = {sls_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  if (umask_value >= 0) {
    // A shell only to set the umask; the arguments pass through "$@" untouched.
    std::vector<std::string> wrapped = {"/bin/sh", "-c", "umask " + octal(umask_value) + " && exec \"$@\"", "sh"};
    wrapped.insert(wrapped.end(), argv.begin(), argv.end());
    argv = wrapped;
  }
  auto env = current_environment();
  // Tests share one cache in the build tree, never the user's own.
  env["SLS_CACHE_DIR"] = SLS_TEST_CACHE_DIR;
  for (const auto& [name, value] : extra_env) env[name] = value;  // a test may bring its own cache
  SystemProcessRunner runner;
  auto result = runner.run({argv, env, {}, cwd});
  if (!result) return {127, "", result.error().message};
  return {result->exit_code, result->stdout_data, result->stderr_data};
}

std::string tiny_c_function(const std::string& word) {
  return "#include <sls/function.h>\nstatic void h(const sls_request *q, sls_context *c, sls_response *r) {\n"
         "  (void)q; (void)c; sls_response_text(r, 200, \"" + word + "\");\n}\nSLS_HANDLER(h)\n";
}

void seed_runtime_glue(const fs::path& cache) {
  fs::path shared = fs::path(SLS_TEST_CACHE_DIR) / "runtime";
  std::error_code ec;
  if (!fs::is_directory(shared, ec)) {
    fs::path project = *make_temp_directory("sls-e2e-glue");
    fs::create_directories(project / "api");
    std::ofstream(project / "sls.toml") << "[project]\nname = \"glue\"\n";
    std::ofstream(project / "api/fn.c") << tiny_c_function("ok");
    SlsRun run = run_sls({"build", "--no-lint", project.string()});  // into the shared cache
    EXPECT_EQ(run.exit_code, 0) << run.err;
    fs::remove_all(project, ec);
  }
  // Only published glue: a folder named *.tmp-* is another build's compile in progress, renamed
  // when done. Seeding is a speed-up, so a folder that goes away meanwhile is just not copied.
  for (const auto& entry : fs::directory_iterator(shared, ec)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) continue;
    std::error_code copy_ec;
    fs::create_directories(cache / "runtime" / entry.path().filename(), copy_ec);
    fs::copy(entry.path(), cache / "runtime" / entry.path().filename(),
             fs::copy_options::recursive | fs::copy_options::skip_existing, copy_ec);
  }
}

void copy_project(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const std::string& file : list_files_sorted(from)) {
    if (file.rfind(".sls/", 0) == 0) continue;
    fs::create_directories((to / file).parent_path());
    fs::copy_file(from / file, to / file, fs::copy_options::overwrite_existing);
  }
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> tree;
  for (const std::string& file : list_files_sorted(dir)) tree[file] = *read_file(dir / file);
  return tree;
}

ProcessResult run_program(const fs::path& program, const std::map<std::string, std::string>& env,
                          const std::string& stdin_data) {
  SystemProcessRunner runner;
  auto result = runner.run({{program.string()}, env, stdin_data, program.parent_path()});
  return result ? *result : ProcessResult{127, "", result.error().message};
}


fs::path quickstart_with_build_settings(const fs::path& parent, const std::string& settings) {
  fs::path project = parent / "quickstart";
  copy_project(source_dir() / "examples" / "quickstart", project);
  auto config = read_file(project / "sls.toml");
  std::string toml = config ? *config : std::string();
  std::size_t build = toml.find("[build]\n");
  EXPECT_NE(build, std::string::npos) << "examples/quickstart/sls.toml has no [build] table";
  if (build != std::string::npos) toml.insert(build + 8, settings);
  EXPECT_TRUE(write_file_atomically(project / "sls.toml", toml, fs::perms(0644)));
  return project;
}

}  // namespace sls::e2e
