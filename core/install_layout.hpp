#pragma once
// Where sls finds what it ships beside itself: the SDK headers, the runtime
// glue sources. Found relative to the running executable so a build tree and
// an installed tree both work, wherever they are.

#include <filesystem>
#include <string_view>

#include "core/expected.hpp"

namespace sls {

struct InstallLayout {
  std::filesystem::path share_dir;  // holds sdk/include and runtime/
  std::filesystem::path sdk_include_dir() const { return share_dir / "sdk" / "include"; }
  std::filesystem::path runtime_dir() const { return share_dir / "runtime"; }
};

// $SLS_SHARE_DIR, else <exe dir>/share/sls, else <exe dir>/../share/sls.
Expected<InstallLayout> find_install_layout();

// The private shared library `file_name` (the lint engine) that sls loads on
// demand: $SLS_LINT_ENGINE (taken as is), else <exe dir>/lib/sls/<file_name>
// (build tree), else <exe dir>/../lib/sls/<file_name> (installed).
Expected<std::filesystem::path> find_lint_engine(std::string_view file_name);

}  // namespace sls
