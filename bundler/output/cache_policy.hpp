#pragma once
// The Cache-Control of each static file, for the edge (docs/configuration.md):
// the first [static] rule whose glob matches the public/ path, else the
// defaults — fingerprinted assets ("app.3f2a1c9e.js": a hex hash of 8 or more
// digits before the extension) never change, so they are cached for a year
// as immutable; HTML names stay the same across deploys, so it is revalidated
// on every request; anything else gets no policy (the platform's default).

#include <optional>
#include <string>
#include <vector>

#include "config/project_config.hpp"

namespace sls {

inline constexpr const char* k_immutable_cache_control = "public, max-age=31536000, immutable";
inline constexpr const char* k_revalidate_cache_control = "public, max-age=0, must-revalidate";

// True for "app.3f2a1c9e.js" and "chunk-3f2a1c9e.css": a '.' or '-', 8+ hex digits, then the extension.
bool is_fingerprinted(const std::string& path);

std::optional<std::string> static_cache_control(const std::vector<StaticRule>& rules, const std::string& path);

}  // namespace sls
