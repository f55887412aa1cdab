#pragma once
// public/ as the platform's CDN serves it: the files of the last good build (.sls/output/static),
// each with its content type and a strong ETag made from the sha256 the manifest records, so a
// browser's If-None-Match gets a 304 until the file changes.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "dev/http_message.hpp"

namespace sls::dev {

struct StaticFile {
  std::string path;  // relative to public/: "index.html", "css/site.css"
  std::string sha256;
  std::string content_type;
  std::uint64_t size = 0;
  std::string cache_control;  // from the manifest ([static] rules and defaults); empty: "no-cache"
};

// "\"<sha256>\"" (a strong validator: the bytes are exactly those hashed).
std::string etag_for(const StaticFile& file);

// Whether an If-None-Match value ("*", or a comma-separated list, weak W/ forms included) names `etag`.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

// GET and HEAD: the file (200), or 304 when the client's copy is current; 405 for other methods.
HttpResponse serve_static(const StaticFile& file, const std::filesystem::path& static_dir, const HttpRequest& request);

}  // namespace sls::dev
