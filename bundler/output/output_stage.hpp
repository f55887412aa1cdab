#pragma once
// The output stage: public/ staged as static/, then manifest.json (and
// spin.toml when there are wasm functions) written beside the bundles, and
// the whole staged tree swapped in as .sls/output (core/staged_output.hpp).

#include <vector>

#include "bundler/output/manifest.hpp"
#include "bundler/project/project_layout.hpp"
#include "core/diagnostics.hpp"
#include "core/staged_output.hpp"

namespace sls {

// Copies every file of public/ into static/ of the staged output, each with
// its Cache-Control from `rules` and the defaults (cache_policy.hpp).
std::vector<ManifestStaticFile> stage_static_files(const ProjectLayout& layout, const std::vector<StaticRule>& rules,
                                                   StagedOutput& output,
                                                   Diagnostics& diagnostics);

// Writes spin.toml and manifest.json, then commits the output. False, with
// the problem reported, when the previous output had to stay in place.
bool commit_output(const Manifest& manifest, StagedOutput& output, Diagnostics& diagnostics);

}  // namespace sls
