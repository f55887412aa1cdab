#pragma once
// The package stage: once a function is linked (and linted, which traces the
// data files it reads), tree-shake what its bundle carries and write the
// deterministic zip into the staged output. A zip already in the output that
// was made from exactly the same files and metadata is carried over instead
// (package_state.hpp). A function that cannot be packaged keeps its previous
// good bundle, marked stale.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundler/package/package_state.hpp"
#include "bundler/project/build_context.hpp"
#include "bundler/project/plan.hpp"
#include "bundler/shake/assets.hpp"
#include "bundler/shake/tree_shake.hpp"
#include "core/staged_output.hpp"

namespace sls {

enum class FunctionStatus { Built, Failed };

// The bundle in place for one function after packaging.
struct FunctionBundle {
  FunctionStatus status = FunctionStatus::Built;
  // The new bundle, or for a failed function the previous good one when
  // there was one (then `stale` is true); relative to the output folder.
  std::optional<std::string> path;
  std::string sha256;
  std::uint64_t size = 0;
  bool stale = false;
};

class PackageStage {
public:
  PackageStage(const BuildContext& context, StagedOutput& output);

  // `artifact`: the function's executable or module, nullopt when it failed
  // to build; `traced`: the data paths the analyzers found in its source.
  FunctionBundle package(const PlannedFunction& planned, const std::optional<std::filesystem::path>& artifact,
                         const std::vector<AssetReference>& traced);

  // Remembers which zips the output now holds; call once the output is committed.
  void save() const { m_packages.save(); }

  // The steps that report progress: one per function.
  std::size_t step_count() const { return m_context.project.plan.size(); }

private:
  std::optional<PackagedBundle> reuse(const std::string& function, const std::string& key,
                                      const std::string& bundle_path);
  FunctionBundle keep_previous(const PlannedFunction& planned, const std::string& bundle_path);

  const BuildContext& m_context;
  StagedOutput& m_output;
  TreeShaker m_shaker;
  PackageState m_packages;
};

}  // namespace sls
