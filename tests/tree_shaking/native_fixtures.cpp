#include "tests/tree_shaking/native_fixtures.hpp"

#include "core/file_system.hpp"
#include "core/process.hpp"

namespace sls::test {
namespace fs = std::filesystem;

std::filesystem::path temp_dir() { return *make_temp_directory("sls-tree-shaking-test"); }

std::filesystem::path compile_c(const std::string& source, const std::vector<std::string>& flags,
                                const std::string& output_name) {
  std::filesystem::path dir = temp_dir();
  if (!write_file_atomically(dir / "source.c", source, fs::perms(0644))) return {};
  std::vector<std::string> argv = {SLS_TEST_CC, "-fuse-ld=lld", (dir / "source.c").string(), "-o",
                                   (dir / output_name).string()};
  argv.insert(argv.end(), flags.begin(), flags.end());
  SystemProcessRunner runner;
  auto result = runner.run({argv, std::nullopt, {}, dir});
  if (!result || result->exit_code != 0) return {};
  return dir / output_name;
}

}  // namespace sls::test
