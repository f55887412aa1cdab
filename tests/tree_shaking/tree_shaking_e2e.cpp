#include "tests/tree_shaking/tree_shaking_e2e.hpp"

#include <gtest/gtest.h>

#include "core/file_system.hpp"

namespace sls::e2e {

BuiltProject build_copy(const fs::path& source, const std::string& sls_toml) {
  BuiltProject built;
  built.project = *make_temp_directory("sls-tree-shaking-e2e") / source.filename();
  copy_project(source, built.project);
  if (!sls_toml.empty()) EXPECT_TRUE(write_file_atomically(built.project / "sls.toml", sls_toml, fs::perms(0644)));
  built.build = run_sls({"build", built.project.string(), "-j", "2"});
  return built;
}

std::vector<std::string> bundle_paths(const fs::path& zip) {
  std::vector<std::string> paths;
  auto bundle = inspect_bundle(zip);
  EXPECT_TRUE(bundle) << zip << ": " << (bundle ? "" : bundle.error().message);
  if (!bundle) return paths;
  EXPECT_TRUE(bundle->problems.empty()) << zip;
  for (const InspectedFile& file : bundle->files) paths.push_back(file.path);
  return paths;
}

std::string bundle_file(const fs::path& zip, const std::string& path) {
  auto bundle = inspect_bundle(zip);
  if (!bundle) return "";
  for (const ZipFile& file : bundle->contents) {
    if (file.path == path) return file.data;
  }
  return "";
}

fs::path extract(const fs::path& zip) {
  fs::path dir = *make_temp_directory("sls-tree-shaking-bundle");
  auto bundle = inspect_bundle(zip);
  EXPECT_TRUE(bundle && extract_files(bundle->contents, dir)) << zip;
  return dir;
}

}  // namespace sls::e2e
