#pragma once
// A throw-away project folder for tests: write files into it by relative
// path; it is removed when the object goes out of scope.

#include <filesystem>
#include <fstream>
#include <string>

#include "core/file_system.hpp"

namespace sls::testing {

class TempProject {
public:
  explicit TempProject(const std::string& prefix = "sls-test") : m_root(*make_temp_directory(prefix)) {}
  ~TempProject() {
    std::error_code ec;
    std::filesystem::remove_all(m_root, ec);
  }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  const std::filesystem::path& root() const { return m_root; }

  void write(const std::string& relative_path, const std::string& content) const {
    std::filesystem::path path = m_root / relative_path;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }

private:
  std::filesystem::path m_root;
};

}  // namespace sls::testing
