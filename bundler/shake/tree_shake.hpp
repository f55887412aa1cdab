#pragma once
// The tree-shaking stage of packaging (docs/design.md §6, docs/tree-shaking.md):
// after a function is linked, decide what else its bundle carries — the
// shared libraries its executable needs that the runtime lacks, the data
// files its source reads or its `include` globs name — record why each file
// is there, and keep the bundle within its size budget.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bundler/package/bundle.hpp"
#include "bundler/project/plan.hpp"
#include "bundler/project/project_layout.hpp"
#include "bundler/shake/assets.hpp"
#include "bundler/shake/budgets.hpp"
#include "core/diagnostics.hpp"

namespace sls {

class TreeShaker {
public:
  // Data files and libraries are described through `hasher` (read only when a zip is made).
  TreeShaker(const ProjectLayout& layout, FileHasher& hasher, Diagnostics& diagnostics)
      : m_layout(layout), m_hasher(hasher), m_diagnostics(diagnostics) {}

  // `files` holds the function's entry file (bootstrap or function.wasm, from
  // `artifact`); gives it its reason and appends lib/ and data files with
  // theirs (`traced`: the literal paths the analyzers found in its source).
  // False, with errors reported, when the function must not ship.
  bool add_files(const PlannedFunction& planned, const std::filesystem::path& artifact,
                 const std::vector<AssetReference>& traced, std::vector<BundleFile>& files);

  // False, with an error naming the largest files, when the bundle is too big.
  bool within_budget(const PlannedFunction& planned, const std::vector<SizedFile>& files, std::uint64_t zipped_size);

private:
  std::string entry_reason(const PlannedFunction& planned, const std::filesystem::path& artifact) const;
  bool add_libraries(const PlannedFunction& planned, const std::filesystem::path& artifact,
                     std::vector<BundleFile>& files);
  bool add_data_files(const PlannedFunction& planned, const std::vector<AssetReference>& traced,
                      std::vector<BundleFile>& files);

  const ProjectLayout& m_layout;
  FileHasher& m_hasher;
  Diagnostics& m_diagnostics;
};

// Path and size of every file, for budgets (sls.json excluded: it is tiny).
std::vector<SizedFile> sized_files(const std::vector<BundleFile>& files);

}  // namespace sls
