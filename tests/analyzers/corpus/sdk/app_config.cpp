// Serves the public client configuration (API base URLs, limits, locales),
// read once from the bundled config file.
#include <sls/function.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

struct ClientConfig {
  std::string api_base;
  int page_size = 20;
  std::vector<std::string> locales;
};

ClientConfig load_config() {
  ClientConfig cfg;
  std::ifstream in(sls::asset("config/client.json"));
  std::stringstream text;
  text << in.rdbuf();
  auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded()) return cfg;
  cfg.api_base = doc.value("api_base", "https://api.example.com");
  cfg.page_size = doc.value("page_size", 20);
  for (const char* locale : {"en", "de", "fr", "ja"}) {
    if (doc.contains(std::string("locale_") + locale)) cfg.locales.emplace_back(locale);
  }
  return cfg;
}

const ClientConfig& config() {
  static const ClientConfig cfg = load_config();
  return cfg;
}

std::string render(const ClientConfig& cfg) {
  std::string locales;
  for (const auto& l : cfg.locales) locales += (locales.empty() ? "\"" : ",\"") + l + "\"";
  return "{\"api_base\":\"" + cfg.api_base + "\",\"page_size\":" + std::to_string(cfg.page_size) +
         ",\"locales\":[" + locales + "]}";
}

}  // namespace

sls::Response handle(const sls::Request&, sls::Context&) {
  sls::Response res = sls::Response::json(200, render(config()));
  res.set_header("cache-control", "public, max-age=300");
  return res;
}

SLS_HANDLER(handle)
