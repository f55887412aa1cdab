// Broken, odd and hostile sources and folders: one function's failure never
// fails another, nothing hangs or crashes, nothing is dropped silently.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "tests/hostile/hostile_project.hpp"

namespace sls::hostile {
namespace {

HostileCase broken_with_healthy_neighbours(const std::string& jobs) {
  return {"one_broken_function_among_eight_healthy_ones_j" + jobs,
          [](HostileProject& p) {
            for (int i = 0; i < 8; ++i) p.function("api/h" + std::to_string(i) + ".cpp");
            p.write("api/broken.cpp", "#include <sls/function.hpp>\nthis is not C++\n");
          },
          1, "api/broken.cpp:2:1: error", Outcome::GoodStillBuilt, {"build", "-j", jobs}, {}, false,
          [](HostileProject& p, const e2e::SlsRun& run) {
            for (int i = 0; i < 8; ++i) EXPECT_TRUE(p.has_bundle("api/h" + std::to_string(i))) << run.err;
            EXPECT_EQ(run.err.find("cannot package function 'api/h"), std::string::npos) << run.err;
            EXPECT_NE(run.err.find("9 function(s) built, 1 failed"), std::string::npos) << run.err;
          }};
}

}  // namespace

std::vector<HostileCase> source_cases() {
  return {
      broken_with_healthy_neighbours("1"),
      broken_with_healthy_neighbours("2"),
      broken_with_healthy_neighbours("8"),
      {"c_function_without_handler", [](HostileProject& p) { p.write("api/none.c", "int helper(void) { return 1; }\n"); }, 1,
       "function 'api/none' registers no handler and defines no main"},
      {"cxx_function_without_handler", [](HostileProject& p) { p.write("api/none.cpp", "int helper() { return 1; }\n"); }, 1,
       "SLS_HANDLER(handle)"},
      {"function_with_main_and_handler",
       [](HostileProject& p) {
         p.write("api/both.cpp", "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                                 "  return sls::Response::text(200, \"x\");\n}\nSLS_HANDLER(h)\nint main() { return 0; }\n");
       },
       1, "defines main and registers a handler"},
      {"function_with_a_240_character_name",
       [](HostileProject& p) { p.function("api/" + std::string(240, 'n') + ".cpp"); }, 1, "nnnnnnnnnnnnnnnnnnnnnn"},
      {"non_utf8_name_in_public", [](HostileProject& p) { p.write("public/caf\xe9.txt", "x"); }, 1,
       "public/caf\\xe9.txt: error: refused: the name is not valid UTF-8"},
      {"non_utf8_name_in_api", [](HostileProject& p) { p.function("api/f\xff.cpp"); }, 1, "is not valid UTF-8"},
      {"non_utf8_name_in_json_output", [](HostileProject& p) { p.write("public/b\xe9.txt", "x"); }, 1, "\"ok\": false",
       Outcome::GoodStillBuilt, {"build", "--json"}},
      {"fifo_source_is_skipped_without_hanging", [](HostileProject& p) { p.fifo("api/pipe.cpp"); }, 0,
       "api/pipe.cpp: warning: skipped: not a regular file"},
      {"fifo_in_public_is_skipped", [](HostileProject& p) { p.fifo("public/pipe.html"); }, 0, "skipped: not a regular file"},
      {"api_is_a_file", [](HostileProject& p) {
         p.remove("api");
         p.write("api", "not a folder");
       },
       1, "'api' must be a folder", Outcome::NoCheck},
      {"public_is_a_file", [](HostileProject& p) {
         p.remove("public");
         p.write("public", "not a folder");
       },
       1, "'public' must be a folder"},
      {"route_shared_by_static_file_and_function", [](HostileProject& p) { p.write("public/api/good", "static\n"); }, 1,
       "route /api/good is also claimed by api/good.cpp"},
      {"route_shared_by_index_page_and_function", [](HostileProject& p) { p.write("public/api/good/index.html", "x\n"); },
       1, "route /api/good is also claimed by api/good.cpp"},
      {"route_shape_shared_by_two_parameters",
       [](HostileProject& p) {
         p.function("api/u/[id].cpp");
         p.function("api/u/[name].cpp");
       },
       1, "route /api/u/:name is also claimed by api/u/[id].cpp"},
      {"function_defined_twice", [](HostileProject& p) {
         p.function("api/twice.c", "sls_response_text(r, 200, \"c\");");
         p.function("api/twice.cpp");
       },
       1, "function 'api/twice' is defined twice"},
      {"two_index_files", [](HostileProject& p) {
         p.function("api/multi/index.cpp");
         p.function("api/multi/index.c", "sls_response_text(r, 200, \"c\");");
       },
       1, "has more than one index file"},
      {"invalid_route_brackets", [](HostileProject& p) { p.function("api/u/[id.cpp"); }, 1, "invalid route for function"},
      {"prebuilt_wasm_with_garbage", [](HostileProject& p) { p.write("api/m.wasm", "not wasm at all"); }, 1,
       "not a WASI preview 1 command module"},
      {"prebuilt_wasm_with_a_broken_body",
       [](HostileProject& p) {
         // A valid header and sections, but the code of the function is one byte of nonsense.
         std::string module("\0asm\x01\0\0\0", 8);
         module += std::string("\x01\x04\x01\x60\x00\x00", 6);        // type: () -> ()
         module += std::string("\x03\x02\x01\x00", 4);                // one function of type 0
         module += std::string("\x05\x03\x01\x00\x01", 5);            // a memory
         module += std::string("\x07\x13\x02\x06_start\x00\x00\x06memory\x02\x00", 21);
         module += std::string("\x0a\x05\x01\x03\x00\xff\x0b", 7);    // body: 0xff is no opcode
         p.write("api/m.wasm", module);
       },
       1, "its code does not validate"},
      {"newer_glibc_symbol_names_its_call",
       [](HostileProject& p) {
         p.write("api/pidfd.cpp", "#include <sls/function.hpp>\n#include <unistd.h>\nextern \"C\" {\n#include <sys/pidfd.h>\n}\n"
                                  "sls::Response h(const sls::Request&, sls::Context&) {\n"
                                  "  return sls::Response::text(200, std::to_string(pidfd_open(getpid(), 0)));\n}\nSLS_HANDLER(h)\n");
       },
       1, "pidfd_open is called at api/pidfd.cpp:7"},
      {"budget_added_after_a_build_is_enforced",
       [](HostileProject& p) { p.write("sls.toml", "[functions.\"api/good\"]\nmax_size = 1000\n"); }, 1,
       "over the limit of 1000 bytes", Outcome::NoCheck, {}, {}, true},
      {"lint_error_fails_the_build_but_others_build",
       [](HostileProject& p) {
         p.write("api/timer.cpp", "#include <sls/function.hpp>\n#include <unistd.h>\n"
                                  "sls::Response h(const sls::Request&, sls::Context&) {\n  alarm(5);\n"
                                  "  return sls::Response::text(200, \"t\");\n}\nSLS_HANDLER(h)\n");
       },
       1, "[sls-posix-timer]"},
      {"no_lint_still_ships_traced_data",
       [](HostileProject& p) {
         p.write("data/cities.txt", "Paris\n");
         p.write("api/cities.cpp", "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                                   "  return sls::Response::text(200, sls::asset(\"data/cities.txt\"));\n}\nSLS_HANDLER(h)\n");
       },
       0, "function(s) built", Outcome::GoodStillBuilt, {"build", "--no-lint"}, {}, false,
       [](HostileProject& p, const e2e::SlsRun&) {
         bool shipped = false;
         for (const auto& [file, bytes] : p.output_contents()) shipped |= file == "functions/api/cities.zip:data/cities.txt";
         EXPECT_TRUE(shipped) << "--no-lint dropped the traced data file";
       }},
      {"same_size_edit_with_restored_mtime_is_rebuilt",
       [](HostileProject& p) {
         // Old enough that the first build remembers its hash (files changed within 2 s are re-hashed anyway).
         std::this_thread::sleep_for(std::chrono::milliseconds(2200));
         ASSERT_EQ(p.sls({"build", p.root().string()}).exit_code, 0);
         fs::path good = p.root() / "api/good.cpp";
         auto time = fs::last_write_time(good);
         p.function("api/good.cpp", "return sls::Response::text(200, \"OK\");");  // the same size as "ok"
         fs::last_write_time(good, time);
       },
       0, "function(s) built", Outcome::GoodStillBuilt, {}, {}, false,
       [](HostileProject& p, const e2e::SlsRun&) {
         e2e::SlsRun invoked = p.sls({"invoke", "api/good", "-C", p.root().string()});
         EXPECT_NE(invoked.out.find("\n\nOK"), std::string::npos) << "the edit was not built: " << invoked.out;
       }},
      {"unknown_file_kinds_in_api_are_ignored", [](HostileProject& p) { p.write("api/README.md", "notes\n"); }, 0,
       "1 function(s) built"},
      {"private_and_hidden_files_are_not_functions",
       [](HostileProject& p) {
         p.write("api/_helper.cpp", "int helper() { return 1; }\n");
         p.write("api/.hidden.cpp", "int hidden() { return 1; }\n");
       },
       0, "1 function(s) built"},
      {"empty_project_is_not_a_project", [](HostileProject& p) {
         p.remove("api");
         p.remove("public");
       },
       1, "not an sls project", Outcome::NothingWritten},
  };
}

}  // namespace sls::hostile
