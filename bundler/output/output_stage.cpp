#include "bundler/output/output_stage.hpp"

#include "bundler/output/cache_policy.hpp"

#include "bundler/output/spin_manifest.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// wasm: the functions spin.toml serves — every wasm function with a bundle in place.
std::vector<const PlannedFunction*> spin_functions(const Manifest& manifest) {
  std::vector<const PlannedFunction*> functions;
  for (const ManifestFunction& function : manifest.functions)
    if (function.planned->target == Target::Wasm && function.bundle.path) functions.push_back(function.planned);
  return functions;
}

}  // namespace

std::vector<ManifestStaticFile> stage_static_files(const ProjectLayout& layout, const std::vector<StaticRule>& rules,
                                                   StagedOutput& output, Diagnostics& diagnostics) {
  std::vector<ManifestStaticFile> files;
  for (const std::string& path : layout.static_files) {
    auto bytes = read_file(layout.root / "public" / path);
    if (!bytes || !output.write_file("static/" + path, *bytes, fs::perms(0644))) {
      diagnostics.error({"public/" + path, 0, 0},
                        "cannot copy static file" + (bytes ? "" : ": " + bytes.error().message));
      continue;
    }
    files.push_back({path, bytes->size(), sha256_hex(*bytes), static_cache_control(rules, path)});
  }
  return files;
}

bool commit_output(const Manifest& manifest, StagedOutput& output, Diagnostics& diagnostics) {
  // wasm: spin.toml, so Spin can serve the wasm functions as they are.
  if (auto spin = spin_functions(manifest); !spin.empty()) {
    if (Status written = output.write_file("spin.toml", render_spin_manifest(manifest.project, spin), fs::perms(0644));
        !written)
      diagnostics.error({}, written.error().message);
  }
  Status done = output.write_file("manifest.json", render_manifest(manifest), fs::perms(0644));
  if (done) done = output.commit();
  if (!done) diagnostics.error({}, done.error().message);
  return static_cast<bool>(done);
}

}  // namespace sls
