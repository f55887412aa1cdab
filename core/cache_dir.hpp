#pragma once
// The user's sls cache: results that do not depend on one project (the
// runtime glue compiled per target, later every cached step) live here, so a
// fresh checkout or a deleted .sls/ does not start from nothing.

#include <filesystem>

namespace sls {

// $SLS_CACHE_DIR, else $XDG_CACHE_HOME/sls, else $HOME/.cache/sls, else
// <system temp>/sls-cache.
std::filesystem::path user_cache_dir();

}  // namespace sls
