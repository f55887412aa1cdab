// Data files shipped with a function.
// Include guards, not #pragma once: see function.hpp.
#ifndef SLS_ASSET_HPP
#define SLS_ASSET_HPP

#include <string>
#include <string_view>

namespace sls {

// Where the project file `project_relative_path` (e.g. "data/cities.txt") is
// inside the running bundle. sls ships every file named by a string literal
// passed here, at the same relative path (docs/tree-shaking.md); pass a
// literal, or list the file in an `include` glob. Native: below
// $LAMBDA_TASK_ROOT, else below the executable's folder; wasm: below "/", the
// bundle folder the host preopens.
std::string asset(std::string_view project_relative_path);

}  // namespace sls

#endif  // SLS_ASSET_HPP
