// Damage in the caches: the user cache's glue and store, the intermediate
// files under .sls/build and the output zips. Damage is discarded and
// rebuilt with a warning; no entry can abort a build; a size that is no size
// is an error, never an emptied store.
#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/hostile/hostile_project.hpp"

namespace sls::hostile {
namespace {

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  return files;
}

// Overwrites a file with the same number of bytes of junk.
void damage(const fs::path& file) {
  std::error_code ec;
  std::uintmax_t size = fs::file_size(file, ec);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << std::string(size, '\x5a');
}

// A store entry whose zstd frame declares a terabyte of content.
std::string entry_declaring_a_terabyte() {
  std::string entry = "sls-store-1\n" + std::string(64, '0') + "\n";
  entry += std::string("\x28\xb5\x2f\xfd\xe0", 5);                      // magic, 8-byte content size, single segment
  entry += std::string("\x00\x00\x00\x00\x00\x01\x00\x00", 8);          // 1 << 40
  entry += std::string("\x01\x00\x00", 3);                               // an empty last raw block
  return entry;
}

e2e::SlsRun build_with_own_cache(const HostileProject& p) {
  return p.sls({"build", p.root().string()}, p.private_cache_env());
}

void edit_good(HostileProject& p, const std::string& text) { p.function("api/good.cpp", "return sls::Response::text(200, \"" + text + "\");"); }

}  // namespace

std::vector<HostileCase> cache_cases() {
  std::vector<HostileCase> cases;
  cases.push_back({"damaged_glue_object_is_rebuilt",
                       [](HostileProject& p) {
                         ASSERT_EQ(build_with_own_cache(p).exit_code, 0);
                         for (const fs::path& object : files_under(p.private_cache() / "runtime"))
                           if (object.extension() == ".o") damage(object);
                         edit_good(p, "relinked");
                       },
                       0, "the compiled sls runtime glue was damaged"});
  cases.push_back({"damaged_intermediate_bootstrap_is_restored",
                   [](HostileProject& p) {
                     ASSERT_EQ(build_with_own_cache(p).exit_code, 0);
                     damage(p.root() / ".sls/build/native/out/api/good/bootstrap");
                     p.remove(".sls/output");
                   },
                   0, "function(s) built", Outcome::GoodStillBuilt, {}, {}, false,
                   [](HostileProject& p, const e2e::SlsRun&) {
                     for (const auto& [file, bytes] : p.output_contents())
                       if (file == "functions/api/good.zip:bootstrap") EXPECT_EQ(bytes.rfind("\x7f" "ELF", 0), 0u) << "damage shipped";
                   }});
  cases.push_back({"damaged_output_zip_of_the_same_size_is_rewritten",
                   [](HostileProject& p) {
                     ASSERT_EQ(build_with_own_cache(p).exit_code, 0);
                     damage(p.root() / ".sls/output/functions/api/good.zip");
                   },
                   0, "1 packaged", Outcome::GoodStillBuilt, {}, {}, false,
                   [](HostileProject& p, const e2e::SlsRun&) {
                     auto zip = read_file(p.root() / ".sls/output/functions/api/good.zip");
                     ASSERT_TRUE(zip);
                     EXPECT_EQ(zip->rfind("PK", 0), 0u) << "the damaged zip is still in place";
                   }});
  cases.push_back({"damaged_store_entries_are_discarded_and_rebuilt",
                   [](HostileProject& p) {
                     ASSERT_EQ(build_with_own_cache(p).exit_code, 0);
                     for (const fs::path& entry : files_under(p.private_cache() / "store")) damage(entry);
                     p.remove(".sls/build");
                   },
                   0, "function(s) built"});
  cases.push_back({"store_entry_declaring_a_terabyte_does_not_abort",
                   [](HostileProject& p) {
                     ASSERT_EQ(build_with_own_cache(p).exit_code, 0);
                     for (const fs::path& entry : files_under(p.private_cache() / "store"))
                       std::ofstream(entry, std::ios::binary | std::ios::trunc) << entry_declaring_a_terabyte();
                     p.remove(".sls/build");
                   },
                   0, "function(s) built"});
  cases.push_back({"objects_folder_that_is_a_file_is_an_error",
                   [](HostileProject& p) {
                     ASSERT_EQ(build_with_own_cache(p).exit_code, 0);
                     p.remove(".sls/build/native/objects");
                     p.write(".sls/build/native/objects", "not a folder");
                     edit_good(p, "again");
                   },
                   1, "cannot create the folder", Outcome::NoCheck});
  cases.push_back({"cache_size_that_is_no_size_never_empties_the_store",
                   [](HostileProject& p) {
                     ASSERT_EQ(build_with_own_cache(p).exit_code, 0);
                     edit_good(p, "grown");
                   },
                   0, "SLS_CACHE_MAX_SIZE: 'gigs' is not a size", Outcome::GoodStillBuilt, {}, {{"SLS_CACHE_MAX_SIZE", "gigs"}},
                   false,
                   [](HostileProject& p, const e2e::SlsRun&) {
                     EXPECT_FALSE(files_under(p.private_cache() / "store").empty()) << "the store was emptied";
                   }});
  cases.push_back({"cache_prune_with_garbage_size_prunes_nothing",
                   [](HostileProject& p) { ASSERT_EQ(build_with_own_cache(p).exit_code, 0); }, 1,
                   "--max-size: 'garbage' is not a size", Outcome::NoCheck, {"cache", "prune", "--max-size", "garbage"},
                   {}, false,
                   [](HostileProject& p, const e2e::SlsRun&) { EXPECT_FALSE(files_under(p.private_cache() / "store").empty()); }});
  cases.push_back({"cache_prune_accepts_fractional_sizes",
                   [](HostileProject& p) { ASSERT_EQ(build_with_own_cache(p).exit_code, 0); }, 0, "pruned 0 of",
                   Outcome::NoCheck, {"cache", "prune", "--max-size", "1.5G"}});
  cases.push_back({"concurrent_builds_of_one_project_both_succeed",
                   [](HostileProject& p) { edit_good(p, "concurrent"); }, 0, "function(s) built", Outcome::GoodStillBuilt,
                   {}, {}, false,
                   [](HostileProject& p, const e2e::SlsRun&) {
                     edit_good(p, "both");
                     auto first = std::async(std::launch::async, [&] { return p.sls({"build", p.root().string()}); });
                     auto second = std::async(std::launch::async, [&] { return p.sls({"build", p.root().string()}); });
                     e2e::SlsRun a = first.get(), b = second.get();
                     EXPECT_EQ(a.exit_code, 0) << a.err;
                     EXPECT_EQ(b.exit_code, 0) << b.err;
                   }});
  // The checked build uses the case's own cache too (the runner fills in {cache}).
  for (HostileCase& c : cases) c.env.emplace("SLS_CACHE_DIR", "{cache}");
  return cases;
}

}  // namespace sls::hostile
