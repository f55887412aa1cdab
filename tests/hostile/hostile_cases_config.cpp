// Configuration mistakes: each is reported at its own sls.toml line and
// column, every one in the file is reported, and nothing is built.
#include "tests/hostile/hostile_project.hpp"

namespace sls::hostile {
namespace {

HostileCase bad_config(const std::string& name, const std::string& toml, const std::string& message) {
  return {name, [toml](HostileProject& p) { p.write("sls.toml", toml); }, 1, message, Outcome::NothingWritten};
}

}  // namespace

std::vector<HostileCase> config_cases() {
  std::vector<HostileCase> cases = {
      bad_config("config_unknown_top_level_key", "[projct]\nname = \"x\"\n", "sls.toml:1:2: error: unknown key 'projct'"),
      bad_config("config_unknown_function_key", "[functions.\"api/good\"]\nmemroy = 256\n",
                 "sls.toml:2:1: error: unknown key 'memroy'"),
      bad_config("config_bad_target", "[build]\ntarget = \"arm\"\n", "sls.toml:2:10: error: 'target' must be one of"),
      bad_config("config_memory_out_of_range", "[functions.\"api/good\"]\nmemory = 64\n",
                 "sls.toml:2:10: error: 'memory' must be an integer from 128 to 10240"),
      bad_config("config_duration_out_of_range", "[functions.\"api/good\"]\nmax_duration = 901\n",
                 "'max_duration' must be an integer from 1 to 900"),
      bad_config("config_absolute_include_glob", "[functions.\"api/good\"]\ninclude = [\"/etc/passwd\"]\n",
                 "sls.toml:2:12: error: include glob '/etc/passwd'"),
      bad_config("config_parent_include_glob", "[functions.\"api/good\"]\n\ninclude = [\"ok/*\", \"../x\"]\n",
                 "sls.toml:3:20: error: include glob '../x'"),
      bad_config("config_state_include_glob", "[functions.\"api/good\"]\ninclude = [\".sls/**\"]\n",
                 "names sls's output folder"),
      bad_config("config_output_flag_refused", "[build]\ncxxflags = [\"-o\", \"x\"]\n",
                 "sls.toml:2:13: error: '-o' in 'cxxflags' would change what sls controls"),
      bad_config("config_target_flag_refused", "[functions.\"api/good\"]\ncflags = [\"--target=aarch64-linux-gnu\"]\n",
                 "would change what sls controls"),
      bad_config("config_language_flag_refused", "[build]\ncxxflags = [\"-xc\"]\n", "'-xc' in 'cxxflags'"),
      bad_config("config_positional_flag_refused", "[build]\nldflags = [\"extra.o\"]\n", "'extra.o' is not one"),
      bad_config("config_bad_define", "[build]\ndefines = [\"1X=2\"]\n", "'defines' holds NAME or NAME=VALUE"),
      bad_config("config_absolute_include_dir", "[build]\ninclude_dirs = [\"/usr/include\"]\n",
                 "'include_dirs' holds project-relative folders"),
      bad_config("config_unknown_pkg_config_package", "[functions.\"api/good\"]\npkg_config = [\"no-such-package-x\"]\n",
                 "sls.toml:2:14: error: pkg-config does not know every package listed"),
      bad_config("config_bad_link_name", "[functions.\"api/good\"]\nlink = [\"-lcurl\"]\n", "'link' holds library names"),
      bad_config("config_function_that_does_not_exist", "[functions.\"api/god\"]\nmemory = 256\n",
                 "sls.toml:1:1: error: [functions.\"api/god\"] names no function in api/"),
      bad_config("config_unknown_lint_rule", "[lint]\nseverity = { \"sls-dlopn\" = \"off\" }\n",
                 "sls.toml:2:14: error: unknown lint rule 'sls-dlopn'"),
      bad_config("config_bad_severity", "[lint]\nseverity = { \"sls-dlopen\" = \"loud\" }\n",
                 "severity of 'sls-dlopen' must be"),
      bad_config("config_bad_profile", "[lint]\nprofile = \"strict\"\n", "'profile' must be one of"),
      bad_config("config_empty_regions", "[project]\nregions = []\n", "'regions' must be a non-empty array"),
      bad_config("config_env_not_a_string", "[functions.\"api/good\"]\nenv = { PORT = 8080 }\n",
                 "env value 'PORT' must be a string"),
      bad_config("config_toml_syntax_error", "[build\ntarget = \"wasm\"\n", "sls.toml:1:7: error:"),
      bad_config("config_every_problem_reported", "[build]\ntarget = \"x\"\noptimize = \"y\"\n",
                 "sls.toml:3:12: error: 'optimize' must be one of"),
      bad_config("config_wasm_pkg_config", "[build]\ntarget = \"wasm\"\npkg_config = [\"libcurl\"]\n",
                 "pkg_config names host libraries"),
  };
  cases.push_back({"config_fifo_is_refused_without_hanging", [](HostileProject& p) { p.fifo("sls.toml"); }, 1,
                   "sls.toml is not a regular file", Outcome::NothingWritten});
  cases.push_back({"config_folder_is_refused", [](HostileProject& p) { p.write("sls.toml/x", ""); }, 1,
                   "sls.toml is not a regular file", Outcome::NothingWritten});
  cases.push_back({"config_broken_after_a_good_build_keeps_the_output",
                   [](HostileProject& p) { p.write("sls.toml", "[build]\ntarget = 3\n"); }, 1, "'target' must be a string",
                   Outcome::PreviousKept, {}, {}, true});
  cases.push_back({"config_glob_matching_nothing_is_warned_at_its_line",
                   [](HostileProject& p) { p.write("sls.toml", "[functions.\"api/good\"]\n\ninclude = [\"roms/*.gb\"]\n"); },
                   0, "sls.toml:3:12: warning: include \"roms/*.gb\" matches no file", Outcome::GoodStillBuilt});
  cases.push_back({"cli_zero_jobs_is_refused_briefly", [](HostileProject&) {}, 2, "--jobs: Value 0 not in range 1 to 1024",
                   Outcome::NothingWritten, {"build", "--jobs", "0"}});
  cases.push_back({"cli_unknown_target_is_refused", [](HostileProject&) {}, 2, "--target", Outcome::NothingWritten,
                   {"build", "--target", "arm"}});
  return cases;
}

}  // namespace sls::hostile
