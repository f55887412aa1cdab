// Files from outside the project, reached through symlinks, traced paths,
// globs, #include and #embed, or .sls itself.
#include "tests/hostile/hostile_project.hpp"

namespace sls::hostile {

std::vector<HostileCase> outside_cases() {
  const char* refused = "outside the project";
  return {
      {"public_symlink_to_outside_file", [](HostileProject& p) { p.symlink("public/leak.txt", p.outside() / "secret.txt"); },
       1, refused},
      {"public_symlink_to_outside_folder", [](HostileProject& p) { p.symlink("public/docs", p.outside() / "dir"); }, 1, refused},
      {"api_symlink_to_outside_folder", [](HostileProject& p) { p.symlink("api/ext", p.outside()); }, 1, refused},
      {"api_symlink_to_outside_source", [](HostileProject& p) { p.symlink("api/evil.cpp", p.outside() / "evil.cpp"); }, 1,
       refused},
      {"lib_symlink_to_outside_source",
       [](HostileProject& p) {
         p.symlink("lib/outside.cpp", p.outside() / "lib.cpp");
         p.function("api/uses_lib.cpp", "return sls::Response::text(200, \"lib\");");
       },
       1, refused},
      {"include_of_absolute_outside_header",
       [](HostileProject& p) {
         p.write("api/abs.cpp", "#include <sls/function.hpp>\n#include \"" + (p.outside() / "inc.h").string() +
                                    "\"\nsls::Response h(const sls::Request&, sls::Context&) { return sls::Response::text(200, "
                                    "OUTSIDE_TEXT); }\nSLS_HANDLER(h)\n");
       },
       1, "api/abs.cpp:2: error: this compile reads"},
      {"include_through_symlinked_header",
       [](HostileProject& p) {
         p.symlink("api/inc.h", p.outside() / "inc.h");
         p.write("api/via.cpp", "#include <sls/function.hpp>\n#include \"inc.h\"\n"
                                "sls::Response h(const sls::Request&, sls::Context&) { return sls::Response::text(200, "
                                "OUTSIDE_TEXT); }\nSLS_HANDLER(h)\n");
       },
       1, "which is outside the project"},
      {"embed_of_absolute_outside_file",
       [](HostileProject& p) {
         p.write("api/embed.c", "#include <sls/function.h>\nstatic const char data[] = {\n#embed \"" +
                                    (p.outside() / "secret.txt").string() +
                                    "\"\n, 0};\nstatic void h(const sls_request *q, sls_context *c, sls_response *r) {\n"
                                    "  (void)q; (void)c; sls_response_text(r, 200, data);\n}\nSLS_HANDLER(h)\n");
       },
       1, "which is outside the project"},
      {"include_dirs_cannot_name_outside",
       [](HostileProject& p) { p.write("sls.toml", "[build]\ninclude_dirs = [\"../outside\"]\n"); }, 1,
       "sls.toml:2:17: error: 'include_dirs' holds project-relative folders", Outcome::NothingWritten},
      {"traced_absolute_path_outside_is_not_shipped",
       [](HostileProject& p) {
         p.write("api/reads.cpp", "#include <sls/function.hpp>\n#include <fstream>\n"
                                  "sls::Response h(const sls::Request&, sls::Context&) {\n  std::ifstream in(\"" +
                                      (p.outside() / "secret.txt").string() +
                                      "\");\n  return sls::Response::text(200, \"r\");\n}\nSLS_HANDLER(h)\n");
       },
       0, "sls: 2 function(s) built"},
      {"traced_parent_path_is_not_shipped",
       [](HostileProject& p) {
         p.write("api/up.cpp", "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                               "  return sls::Response::text(200, sls::asset(\"../outside/secret.txt\"));\n}\nSLS_HANDLER(h)\n");
       },
       0, "is outside the project folder and is not shipped"},
      {"traced_data_dotdot_does_not_reach_state",
       [](HostileProject& p) {
         p.write("data/a.txt", "a\n");
         p.write("api/dots.cpp", "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                                 "  return sls::Response::text(200, sls::asset(\"data/..\"));\n}\nSLS_HANDLER(h)\n");
       },
       0, "sls: 2 function(s) built", Outcome::GoodStillBuilt, {}, {}, true,
       [](HostileProject& p, const e2e::SlsRun&) {
         for (const auto& [file, bytes] : p.output_contents())
           EXPECT_EQ(file.find(".sls/"), std::string::npos) << file << " ships sls's own state";
       }},
      {"traced_state_file_is_refused",
       [](HostileProject& p) {
         p.write("api/state.cpp", "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                                  "  return sls::Response::text(200, sls::asset(\".sls/build/file-hashes\"));\n}\nSLS_HANDLER(h)\n");
       },
       0, "is not shipped: it is in sls's own output folder", Outcome::GoodStillBuilt, {}, {}, true},
      {"data_symlink_into_state_is_refused",
       [](HostileProject& p) {
         p.symlink("data/hashes", "../.sls/build/file-hashes");
         p.write("api/hashes.cpp", "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                                   "  return sls::Response::text(200, sls::asset(\"data/hashes\"));\n}\nSLS_HANDLER(h)\n");
       },
       0, "it is in sls's own output folder", Outcome::GoodStillBuilt, {}, {}, true},
      {"include_glob_over_outside_symlink",
       [](HostileProject& p) {
         p.symlink("data/leak.txt", p.outside() / "secret.txt");
         p.function("api/data.cpp");
         p.write("sls.toml", "[functions.\"api/data\"]\ninclude = [\"data/*.txt\"]\n");
       },
       1, refused},
      {"state_folder_symlink_is_refused",
       [](HostileProject& p) { p.symlink(".sls", p.outside()); }, 1, ".sls is a symlink", Outcome::NoCheck, {}, {}, false,
       [](HostileProject& p, const e2e::SlsRun&) { EXPECT_FALSE(fs::exists(p.outside() / "output")); }},
      {"state_folder_that_is_a_file_is_refused", [](HostileProject& p) { p.write(".sls", "x"); }, 1, ".sls is not a folder",
       Outcome::NoCheck},
      {"api_self_symlink_loop_is_refused", [](HostileProject& p) { p.symlink("api/self", "."); }, 1, "a symlink loop"},
      {"api_parent_symlink_loop_is_refused", [](HostileProject& p) { p.symlink("api/sub/up", ".."); }, 1, "a symlink loop"},
      {"public_symlink_loop_is_refused", [](HostileProject& p) { p.symlink("public/again", "."); }, 1, "a symlink loop"},
      {"dangling_symlink_is_skipped", [](HostileProject& p) { p.symlink("public/gone.txt", "nowhere.txt"); }, 0,
       "skipped: a symlink whose target does not exist"},
      {"symlink_inside_project_is_followed",
       [](HostileProject& p) {
         p.write("shared/page.html", "<p>shared</p>\n");
         p.symlink("public/shared.html", "../shared/page.html");
       },
       0, "sls: 1 function(s) built", Outcome::GoodStillBuilt, {}, {}, false,
       [](HostileProject& p, const e2e::SlsRun&) {
         EXPECT_TRUE(fs::is_regular_file(p.root() / ".sls/output/static/shared.html"));
       }},
  };
}

}  // namespace sls::hostile
