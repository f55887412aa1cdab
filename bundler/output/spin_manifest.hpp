#pragma once
// spin.toml: a Spin application manifest (version 2) for the project's wasm
// functions, so `spin up` serves them with no hand-written configuration.
//
// Layout decision: Spin needs a .wasm file, not a zip, so each component's
// source is the bundle unzipped next to itself — functions/api/hello.zip
// becomes functions/api/hello/ — and that folder is also mounted as "/" for
// the module, the same view `sls invoke` gives it (docs/targets.md has the
// one-line unzip). Routes need no rewriting: sls's "/api/users/:id" is
// Spin's single-segment wildcard syntax.

#include <string>
#include <vector>

#include "bundler/project/plan.hpp"

namespace sls {

// A Spin component id (kebab-case: lower-case words of letters and digits,
// each starting with a letter, joined by '-'): "api/users/[id]" -> "api-users-id".
std::string spin_component_id(const std::string& function_name);

// Where the module is once the bundle is unzipped, relative to the output folder.
std::string spin_bundle_folder(const std::string& function_name);  // "functions/api/hello"

// The manifest for `functions` (sorted by name; ids made unique with -2, -3…).
std::string render_spin_manifest(const std::string& application, const std::vector<const PlannedFunction*>& functions);

}  // namespace sls
