#pragma once
// A throw-away folder for tests, removed when the object goes out of scope;
// files can be written into it by relative path. Every test folder uses this
// one (TempProject is the same thing, named for the tests that fill it with
// a project).

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace sls::testing {

class TempDir {
public:
  // Header-only and without sls's libraries, so the runtime tests (which
  // build on their own, see tests/runtime/CMakeLists.txt) can use it too.
  explicit TempDir(const std::string& prefix = "sls-test") {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary folder " + pattern);
    m_root = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_root, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& root() const { return m_root; }
  const std::filesystem::path& path() const { return m_root; }

  void write(const std::string& relative_path, const std::string& content) const {
    std::filesystem::path path = m_root / relative_path;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }

private:
  std::filesystem::path m_root;
};

using TempProject = TempDir;

}  // namespace sls::testing
