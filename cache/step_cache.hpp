#pragma once
// Keys and lookups for the cached build steps, in the style of ccache's
// direct mode. A compile is identified by its command line (with the project
// folder and the object path replaced by placeholders, so a checkout
// elsewhere hits the same entries), the compiler's identity and the source's
// content. The headers it included are only known after compiling, so the
// store keeps, per such identity, a small manifest of the header sets seen
// with their content hashes and the result each produced: a lookup hashes
// the listed headers and takes the result whose headers all match.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cache/content_store.hpp"
#include "cache/file_hasher.hpp"

namespace sls {

struct StepCacheContext {
  ContentStore& store;
  FileHasher& hasher;
  std::string compiler_identity;
  std::filesystem::path project_root;
};

class CompileStepCache {
public:
  explicit CompileStepCache(StepCacheContext context) : m_context(context) {}

  // The result key of an earlier compile with the same inputs, if the store has it.
  std::optional<std::string> lookup(const std::vector<std::string>& command, const std::string& source,
                                    const std::filesystem::path& object);

  // After a successful compile: hashes the headers listed in `object`.d,
  // stores the object and returns its result key.
  std::optional<std::string> record(const std::vector<std::string>& command, const std::string& source,
                                    const std::filesystem::path& object);

private:
  std::optional<std::string> identity(const std::vector<std::string>& command, const std::string& source,
                                      const std::filesystem::path& object);
  StepCacheContext m_context;
};

// Joins parts into one key (each part length-prefixed).
std::string combine_keys(const std::vector<std::string>& parts);

// Replaces the project folder and an output path in a command line with
// placeholders, so keys do not depend on where the project lives.
std::vector<std::string> normalized_command(const std::vector<std::string>& command,
                                            const std::filesystem::path& project_root,
                                            const std::filesystem::path& output);

// Writes the entry `key` of the store to `path` (with `mode`); false on a miss.
bool materialize(ContentStore& store, const std::string& key, const std::filesystem::path& path,
                 std::filesystem::perms mode);

}  // namespace sls
