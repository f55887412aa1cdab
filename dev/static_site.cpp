#include "dev/static_site.hpp"

#include "core/file_system.hpp"

namespace sls::dev {

std::string etag_for(const StaticFile& file) { return "\"" + file.sha256 + "\""; }

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    auto comma = if_none_match.find(',');
    std::string_view candidate = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);  // If-None-Match compares weakly (RFC 9110 §13.1.2)
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

HttpResponse serve_static(const StaticFile& file, const std::filesystem::path& static_dir, const HttpRequest& request) {
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse refused = HttpResponse::text(405, "static files answer GET and HEAD only\n");
    refused.headers.emplace_back("allow", "GET, HEAD");
    return refused;
  }
  std::string etag = etag_for(file);
  // The policy the edge will apply, so `sls dev` shows its effect; without one, revalidate every time.
  std::string cache_control = file.cache_control.empty() ? "no-cache" : file.cache_control;
  HeaderList headers = {{"content-type", file.content_type}, {"etag", etag}, {"cache-control", cache_control}};
  if (etag_matches(request.header("if-none-match"), etag)) return {304, {{"etag", etag}}, {}};
  auto bytes = read_file(static_dir / file.path);
  if (!bytes) return HttpResponse::text(500, "cannot read " + file.path + ": " + bytes.error().message + "\n");
  return {200, std::move(headers), std::move(*bytes)};
}

}  // namespace sls::dev
