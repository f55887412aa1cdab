#include "bundler/shake/tree_shake.hpp"

#include <algorithm>

#include "bundler/compile/link_report.hpp"
#include "bundler/project/toolchain.hpp"
#include "bundler/shake/shared_libs.hpp"
#include "bundler/shake/symbol_origin.hpp"
#include "core/cache_dir.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

bool has_file(const std::vector<BundleFile>& files, const std::string& path) {
  return std::any_of(files.begin(), files.end(), [&](const BundleFile& file) { return file.path == path; });
}

}  // namespace

std::string TreeShaker::entry_reason(const PlannedFunction& planned, const fs::path& artifact) const {
  const FunctionSource& source = *planned.source;
  if (source.kind == FunctionKind::PrebuiltWasm) return "the prebuilt module " + source.entry;
  std::string reason = "the function's executable, built from " + join(source.sources);
  // The linker's report for this executable: the compile stage keeps it beside
  // the artifact, restored from the build cache together with a cached
  // executable (compile.cpp), so it always belongs to these bytes.
  auto report = read_file(why_extract_path(artifact));
  if (!report) return reason;
  std::vector<std::string> members = lib_members_from_report(*report, m_layout.lib_sources);
  return reason + (members.empty() ? "; no lib/ code linked" : "; lib/ code linked: " + join(members));
}

bool TreeShaker::add_libraries(const PlannedFunction& planned, const fs::path& artifact,
                               std::vector<BundleFile>& files) {
  // The function's lib_dirs first, as the linker searched them.
  std::vector<fs::path> dirs(planned.build.lib_dirs.begin(), planned.build.lib_dirs.end());
  for (const fs::path& dir : default_library_dirs(planned.arch)) dirs.push_back(dir);
  const RuntimeProfile& runtime = runtime_profile_for(planned.native_runtime);
  LibraryClosure closure = resolve_libraries(artifact, runtime, dirs, planned.arch);
  SourceLocation where{planned.source->entry, 0, 0};
  for (const LibraryProblem& problem : closure.problems) {
    std::string origins;
    if (problem.file == "bootstrap")  // a bundled library's own needs are the library's, not the source's
      for (const std::string& symbol : problem.symbols)
        origins += symbol_origin(symbol, m_layout.root, planned.source->sources) + "\n";
    m_diagnostics.error(where, "function '" + planned.name() + "': " + problem.message, origins + problem.hint);
  }
  if (!closure.problems.empty()) return false;
  for (const BundledLibrary& library : closure.bundled) {
    auto digest = m_hasher.digest(library.host_path);
    if (!digest) {
      m_diagnostics.error(where, "cannot copy " + library.soname + ": cannot read " + library.host_path.string());
      return false;
    }
    files.push_back(file_on_disk(
        "lib/" + library.soname, library.host_path, *digest, false,
        "shared library needed by " + library.needed_by + " (not in " + runtime.name + ")"));
  }
  return true;
}

bool TreeShaker::add_data_files(const PlannedFunction& planned, const std::vector<AssetReference>& traced,
                                std::vector<BundleFile>& files) {
  DataFileRequest request;
  request.traced = traced;
  request.include_globs = planned.include_globs;
  // This function's own problems, apart: other functions report into the
  // shared sink at the same time, and their errors are not this one's.
  Diagnostics selection;
  std::vector<SelectedFile> selected = select_data_files(m_layout.root, request, selection);
  bool ok = !selection.has_errors();
  m_diagnostics.forward(selection);
  for (SelectedFile& file : selected) {
    if (has_file(files, file.path) || file.path == k_bundle_metadata_file) {
      m_diagnostics.error(planned.settings_location,
                          "'" + file.path + "' would replace a file sls writes into the bundle");
      ok = false;
      continue;
    }
    fs::path source = m_layout.root / file.path;
    auto digest = m_hasher.digest(source);
    if (!digest) {
      m_diagnostics.error({file.path, 0, 0}, "cannot read data file");
      ok = false;
      continue;
    }
    files.push_back(file_on_disk(file.path, source, *digest, false, std::move(file.reason)));
  }
  return ok;
}

bool TreeShaker::add_files(const PlannedFunction& planned, const fs::path& artifact,
                           const std::vector<AssetReference>& traced, std::vector<BundleFile>& files) {
  if (!files.empty()) files.front().reason = entry_reason(planned, artifact);
  bool ok = planned.target != Target::Native || add_libraries(planned, artifact, files);
  return add_data_files(planned, traced, files) && ok;
}

bool TreeShaker::within_budget(const PlannedFunction& planned, const std::vector<SizedFile>& files,
                               std::uint64_t zipped_size) {
  BundleBudget budget;
  if (planned.max_size) budget.max_size = static_cast<std::uint64_t>(*planned.max_size);
  std::vector<std::string> problems = check_budget(files, zipped_size, budget);
  for (const std::string& problem : problems)
    m_diagnostics.error({planned.source->entry, 0, 0}, "function '" + planned.name() + "': " + problem,
                        "hint: sls build --explain shows why each file is in the bundle");
  return problems.empty();
}

std::vector<SizedFile> sized_files(const std::vector<BundleFile>& files) {
  std::vector<SizedFile> sizes;
  for (const BundleFile& file : files) sizes.push_back({file.path, size_of(file)});
  return sizes;
}

}  // namespace sls
