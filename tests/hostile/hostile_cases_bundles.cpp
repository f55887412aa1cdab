// Bundles run or verified: sls invoke and sls inspect check a zip fully
// before they trust it — its structure, its declared sizes, every file
// against sls.json, and a handler that stays inside the bundle.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundler/inspect/zip_reader.hpp"
#include "bundler/package/zip_writer.hpp"
#include "core/file_system.hpp"
#include "tests/hostile/hostile_project.hpp"

namespace sls::hostile {
namespace {

const char* const k_zip = "{root}/.sls/output/functions/api/good.zip";

fs::path good_zip(const HostileProject& p) { return p.root() / ".sls/output/functions/api/good.zip"; }

// Rewrites the good bundle after `change` edits its files.
void rewrite_bundle(const HostileProject& p, const std::function<void(std::vector<ZipEntry>&)>& change) {
  ASSERT_EQ(p.sls({"build", p.root().string()}).exit_code, 0);
  auto files = read_zip(good_zip(p));
  ASSERT_TRUE(files) << files.error().message;
  std::vector<ZipEntry> entries;
  for (ZipFile& file : *files) entries.push_back({file.path, file.data, file.path == "bootstrap"});
  change(entries);
  auto zip = write_zip(entries, 315532800);
  ASSERT_TRUE(zip);
  std::ofstream(good_zip(p), std::ios::binary | std::ios::trunc) << *zip;
}

// Replaces every occurrence of `from` by `to` (same length) in the raw zip bytes.
void patch_zip(const HostileProject& p, const std::string& from, const std::string& to) {
  ASSERT_EQ(from.size(), to.size());
  auto bytes = read_file(good_zip(p));
  ASSERT_TRUE(bytes);
  for (auto at = bytes->find(from); at != std::string::npos; at = bytes->find(from, at + 1)) bytes->replace(at, from.size(), to);
  std::ofstream(good_zip(p), std::ios::binary | std::ios::trunc) << *bytes;
}

// A zip of two stored entries "aaaa" and "bbbb", renamed afterwards.
void two_entry_zip(const HostileProject& p) {
  fs::create_directories(good_zip(p).parent_path());
  auto zip = write_zip({{"aaaa", "one", false}, {"bbbb", "two", false}}, 315532800);
  ASSERT_TRUE(zip);
  std::ofstream(good_zip(p), std::ios::binary | std::ios::trunc) << *zip;
}

HostileCase bundle_case(std::string name, std::function<void(HostileProject&)> setup, int exit_code, std::string message,
                        std::vector<std::string> args) {
  return {std::move(name), std::move(setup), exit_code, std::move(message), Outcome::NoCheck, std::move(args)};
}

}  // namespace

std::vector<HostileCase> bundle_cases() {
  return {
      bundle_case("invoke_refuses_a_bootstrap_that_does_not_match_sls_json",
                  [](HostileProject& p) {
                    rewrite_bundle(p, [](std::vector<ZipEntry>& entries) {
                      for (ZipEntry& e : entries)
                        if (e.path == "bootstrap") e.data += "tampered";
                    });
                  },
                  1, "does not match its sls.json, so it is not run", {"invoke", k_zip}),
      bundle_case("invoke_refuses_a_handler_outside_the_bundle",
                  [](HostileProject& p) {
                    rewrite_bundle(p, [](std::vector<ZipEntry>& entries) {
                      for (ZipEntry& e : entries) {
                        if (e.path != "sls.json") continue;
                        nlohmann::json json = nlohmann::json::parse(e.data);
                        json["handler"] = "../../../bin/sh";
                        e.data = json.dump(2);
                      }
                    });
                  },
                  1, "sls.json names the handler '../../../bin/sh'", {"invoke", k_zip}),
      bundle_case("inspect_refuses_a_truncated_central_directory",
                  [](HostileProject& p) {
                    ASSERT_EQ(p.sls({"build", p.root().string()}).exit_code, 0);
                    auto size = fs::file_size(good_zip(p));
                    fs::resize_file(good_zip(p), size - 10);
                  },
                  1, "no end of central directory record", {"inspect", k_zip}),
      bundle_case("inspect_refuses_a_zip_declaring_more_than_lambda_unzips",
                  [](HostileProject& p) {
                    two_entry_zip(p);
                    auto bytes = read_file(good_zip(p));
                    ASSERT_TRUE(bytes);
                    // Central directory entries: the uncompressed size sits 24 bytes after the signature.
                    for (auto at = bytes->find("PK\x01\x02"); at != std::string::npos; at = bytes->find("PK\x01\x02", at + 1))
                      bytes->replace(at + 24, 4, std::string("\x00\x00\x00\x19", 4));  // 400 MiB
                    std::ofstream(good_zip(p), std::ios::binary | std::ios::trunc) << *bytes;
                  },
                  1, "over AWS Lambda's limit; nothing was extracted", {"inspect", k_zip}),
      bundle_case("inspect_refuses_duplicate_entry_names",
                  [](HostileProject& p) {
                    two_entry_zip(p);
                    patch_zip(p, "bbbb", "aaaa");
                  },
                  1, "entry 'aaaa' appears twice", {"inspect", k_zip}),
      bundle_case("inspect_refuses_a_parent_path_entry",
                  [](HostileProject& p) {
                    two_entry_zip(p);
                    patch_zip(p, "bbbb", "../b");
                  },
                  1, "unsafe entry '../b'", {"inspect", k_zip}),
      bundle_case("inspect_refuses_an_absolute_path_entry",
                  [](HostileProject& p) {
                    two_entry_zip(p);
                    patch_zip(p, "bbbb", "/bbb");
                  },
                  1, "unsafe entry '/bbb'", {"inspect", k_zip}),
      bundle_case("inspect_refuses_a_file_that_is_not_a_zip",
                  [](HostileProject& p) { p.write(".sls/output/functions/api/good.zip", "hello, not a zip at all"); }, 1,
                  "not a valid zip", {"inspect", k_zip}),
      bundle_case("inspect_refuses_an_empty_file", [](HostileProject& p) { p.write(".sls/output/functions/api/good.zip", ""); },
                  1, "too short to hold a central directory", {"inspect", k_zip}),
      bundle_case("inspect_refuses_a_zip_without_sls_json", [](HostileProject& p) { two_entry_zip(p); }, 1,
                  "not an sls bundle", {"inspect", k_zip}),
      bundle_case("inspect_verifies_a_good_bundle",
                  [](HostileProject& p) { ASSERT_EQ(p.sls({"build", p.root().string()}).exit_code, 0); }, 0, "verified",
                  {"inspect", k_zip}),
      bundle_case("invoke_runs_a_good_bundle",
                  [](HostileProject& p) { ASSERT_EQ(p.sls({"build", p.root().string()}).exit_code, 0); }, 0, "ok",
                  {"invoke", k_zip}),
  };
}

}  // namespace sls::hostile
