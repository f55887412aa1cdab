#include "bundler/package/package_stage.hpp"

#include "bundler/package/bundle.hpp"
#include "bundler/package/zip_writer.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// A bundle described by its files (sizes and hashes, bytes still on disk)
// and the sls.json that lists them; its key decides whether an earlier zip
// can be reused.
struct DescribedBundle {
  std::vector<BundleFile> files;
  std::string metadata_text;
  std::time_t timestamp = 0;
  std::string key;
};

FunctionBundle placed(const std::string& path, std::string sha256, std::uint64_t size) {
  return {FunctionStatus::Built, path, std::move(sha256), size, false};
}

}  // namespace

PackageStage::PackageStage(const BuildContext& context, StagedOutput& output)
    : m_context(context),
      m_output(output),
      m_shaker(context.layout(), context.hasher, context.diagnostics),
      m_packages(context.work_dir / "packages.json") {}

// The zip already in the output when it was made from exactly these files
// and metadata (see package_state.hpp); carried over into the staging tree.
std::optional<PackagedBundle> PackageStage::reuse(const std::string& function, const std::string& key,
                                                  const std::string& bundle_path) {
  auto previous = m_packages.find(function);
  if (!previous || previous->key != key || !m_output.keep_previous(bundle_path)) return std::nullopt;
  // The zip in place must still be the one recorded (a damaged or edited
  // output zip is rewritten): checked through the remembered hashes.
  auto digest = m_context.hasher.digest(m_output.path_of(bundle_path));
  if (!digest || digest->size != previous->size || digest->hash != previous->sha256) return std::nullopt;
  return previous;
}

// A function that could not be packaged keeps its previous good bundle, if
// there is one for the same target: after a failed switch to wasm, the old
// native zip must not go on being served (or listed in spin.toml) as if it were.
FunctionBundle PackageStage::keep_previous(const PlannedFunction& planned, const std::string& bundle_path) {
  FunctionBundle bundle{FunctionStatus::Failed, std::nullopt, "", 0, false};
  auto previous_package = m_packages.find(planned.name());
  if (!previous_package || previous_package->target != to_string(planned.target)) return bundle;
  if (!m_output.keep_previous(bundle_path)) return bundle;
  auto previous = read_file(m_output.path_of(bundle_path));
  bundle.path = bundle_path;
  bundle.sha256 = previous ? sha256_hex(*previous) : "";
  bundle.size = previous ? previous->size() : 0;
  bundle.stale = true;
  return bundle;
}

FunctionBundle PackageStage::package(const PlannedFunction& planned, const std::optional<fs::path>& artifact,
                                     const std::vector<AssetReference>& traced) {
  std::string bundle_path = bundle_path_for(planned.name());
  SourceLocation where{planned.source->entry, 0, 0};
  if (!artifact) return keep_previous(planned, bundle_path);
  auto digest = m_context.hasher.digest(*artifact);
  if (!digest) {
    m_context.diagnostics.error(where,
                                "cannot package function '" + planned.name() + "': cannot read " + artifact->string());
    return keep_previous(planned, bundle_path);
  }
  // Tree-shaking: lib/ and data files, each with the reason it is there.
  DescribedBundle bundle;
  bundle.files.push_back(file_on_disk(entry_file_for(planned.target), *artifact, *digest, true, ""));
  if (!m_shaker.add_files(planned, *artifact, traced, bundle.files)) {
    m_context.diagnostics.error(where, "cannot package function '" + planned.name() + "': see the errors above");
    return keep_previous(planned, bundle_path);
  }
  bundle.metadata_text = render_bundle_metadata(planned, bundle.files);
  bundle.timestamp = zip_timestamp_from_environment();
  bundle.key = package_key(bundle.metadata_text, bundle.timestamp);
  std::vector<SizedFile> sizes = sized_files(bundle.files);
  if (auto reused = reuse(planned.name(), bundle.key, bundle_path)) {
    // Budgets hold on every build: a max_size added since the zip was made applies to it too.
    if (!m_shaker.within_budget(planned, sizes, reused->size)) return keep_previous(planned, bundle_path);
    ++m_context.counters.package_hits;
    m_context.progress.skipped();
    return placed(bundle_path, reused->sha256, reused->size);
  }
  ++m_context.counters.packaged;
  m_context.progress.started("package", planned.name());
  auto zip = make_bundle_with(bundle.metadata_text, std::move(bundle.files), bundle.timestamp);
  // Budgets: AWS Lambda's quotas and max_size, checked on the finished zip.
  if (zip && !m_shaker.within_budget(planned, sizes, zip->size()))
    zip = Expected<std::string>(make_error("over its size budget"));
  if (zip) {
    if (Status written = m_output.write_file(bundle_path, *zip, fs::perms(0644)); !written)
      zip = Expected<std::string>(written.error());
  }
  if (!zip) {
    m_context.diagnostics.error(where, "cannot package function '" + planned.name() + "': " + zip.error().message);
    return keep_previous(planned, bundle_path);
  }
  FunctionBundle made = placed(bundle_path, sha256_hex(*zip), zip->size());
  m_packages.record(planned.name(), {bundle.key, made.sha256, made.size, to_string(planned.target)});
  return made;
}

}  // namespace sls
