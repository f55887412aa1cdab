#include "config/static_config.hpp"

#include <algorithm>

#include "core/glob.hpp"

namespace sls {
namespace {

const std::vector<std::string> k_static_keys = {"rules"};
const std::vector<std::string> k_rule_keys = {"glob", "cache_control"};

// A header value goes into HTTP responses as is: no control characters, so
// no line break can start another header.
bool is_header_value(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
}

std::optional<StaticRule> read_rule(ConfigReader& reader, const toml::node& node) {
  const toml::table* table = node.as_table();
  if (!table) {
    reader.error(node.source(), "each [static] rule must be a table such as { glob = \"*.css\", cache_control = \"...\" }");
    return std::nullopt;
  }
  reader.reject_unknown_keys(*table, k_rule_keys, "a [static] rule");
  auto glob = reader.string_value(*table, "glob");
  auto cache_control = read_cache_control(reader, *table);
  if (!glob || !cache_control) {
    if (!table->get("glob") || !table->get("cache_control"))
      reader.error(node.source(), "a [static] rule needs both 'glob' and 'cache_control'");
    return std::nullopt;
  }
  if (Status valid = check_glob(*glob); !valid) {
    reader.error(table->get("glob")->source(), valid.error().message);
    return std::nullopt;
  }
  return StaticRule{*glob, *cache_control, reader.where(node.source())};
}

}  // namespace

std::optional<std::string> read_cache_control(ConfigReader& reader, const toml::table& table) {
  auto value = reader.string_value(table, "cache_control");
  if (!value || is_header_value(*value)) return value;
  reader.error(table.get("cache_control")->source(),
               "'cache_control' must be a non-empty Cache-Control value of printable ASCII, such as \"public, max-age=60\"");
  return std::nullopt;
}

void read_static_table(ConfigReader& reader, const toml::table& root, ProjectConfig& config) {
  const toml::table* table = reader.sub_table(root, "static", "sls.toml");
  if (!table) return;
  reader.reject_unknown_keys(*table, k_static_keys, "[static]");
  const toml::node* rules = table->get("rules");
  if (!rules) return;
  const toml::array* array = rules->as_array();
  if (!array) {
    reader.error(rules->source(), "'rules' in [static] must be an array of { glob, cache_control } tables");
    return;
  }
  for (const toml::node& node : *array)
    if (auto rule = read_rule(reader, node)) config.static_rules.push_back(std::move(*rule));
}

}  // namespace sls
