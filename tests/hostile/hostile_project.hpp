#pragma once
// One case of the hostile-project catalogue: a project made in a temporary
// folder next to an "outside" folder whose files carry a canary string, so
// that any byte from outside the project reaching the output is caught.

#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/e2e/e2e_support.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::hostile {

namespace fs = std::filesystem;

inline constexpr const char* k_canary = "SLS-CANARY-FROM-OUTSIDE-7f3a91";

class HostileProject {
public:
  HostileProject();

  const fs::path& root() const { return m_root; }
  const fs::path& outside() const { return m_outside; }
  // A cache of this case's own (SLS_CACHE_DIR), seeded with the shared test
  // cache's compiled glue so damaging it harms no other test.
  fs::path private_cache() const;
  std::map<std::string, std::string> private_cache_env() const { return {{"SLS_CACHE_DIR", private_cache().string()}}; }

  void write(const std::string& relative, const std::string& text) const;
  void symlink(const std::string& relative, const fs::path& target) const;
  void fifo(const std::string& relative) const;
  void remove(const std::string& relative) const;
  // A function that answers "ok"; every project has api/good.cpp.
  void function(const std::string& relative, const std::string& body = "return sls::Response::text(200, \"ok\");") const;

  e2e::SlsRun sls(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) const;

  // Every byte under .sls/output, zips unpacked, with the file each came from.
  std::vector<std::pair<std::string, std::string>> output_contents() const;
  bool has_bundle(const std::string& function) const;

private:
  testing::TempDir m_temp{"sls-hostile"};
  fs::path m_root, m_outside;
};

// What must hold after the case's build, besides its exit status and message.
enum class Outcome {
  GoodStillBuilt,   // api/good was built (and is in the output)
  NothingWritten,   // a config error: no .sls/output at all
  PreviousKept,     // the output of the good first build is still in place
  NoCheck,          // the case checks what it needs itself
};

struct HostileCase {
  std::string name;
  std::function<void(HostileProject&)> setup;
  int exit_code = 1;
  std::string message;                        // must appear in the output (stdout + stderr)
  Outcome outcome = Outcome::GoodStillBuilt;
  std::vector<std::string> args = {"build"};  // the project folder is appended for build and lint
  std::map<std::string, std::string> env = {};
  bool build_first = false;                   // a good build before setup (for "previous output" cases)
  std::function<void(HostileProject&, const e2e::SlsRun&)> check = {};
};

// How gtest names a case in its messages.
inline void PrintTo(const HostileCase& c, std::ostream* out) { *out << c.name; }

// The cases, by family (see hostile_cases_*.cpp).
std::vector<HostileCase> outside_cases();
std::vector<HostileCase> secret_cases();
std::vector<HostileCase> config_cases();
std::vector<HostileCase> source_cases();
std::vector<HostileCase> cache_cases();
std::vector<HostileCase> bundle_cases();

}  // namespace sls::hostile
