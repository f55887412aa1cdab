#pragma once
// Reading sls.toml's values with their locations: every problem is kept as a
// located error and reported in file order, so one run names every problem.
// Used by config_parser.cpp and build_flags.cpp.

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostics.hpp"
#include "core/spelling.hpp"

namespace sls {

// Carries the file label and the diagnostics sink through the readers.
class ConfigReader {
public:
  ConfigReader(std::string file, Diagnostics& diagnostics) : m_file(std::move(file)), m_diagnostics(diagnostics) {}

  SourceLocation where(const toml::source_region& region) const {
    return {m_file, region.begin.line, region.begin.column};
  }

  void error(const toml::source_region& region, std::string message) {
    m_errors.push_back({Severity::Error, where(region), std::move(message), {}});
  }
  bool failed() const { return !m_errors.empty(); }

  // Reports in file order, whatever order the checks ran in.
  void flush() {
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
    for (Diagnostic& error : m_errors) m_diagnostics.report(std::move(error));
    m_errors.clear();
  }

  // Reports keys of `table` not in `known` (with a hint); `context` names the table.
  void reject_unknown_keys(const toml::table& table, const std::vector<std::string>& known,
                           const std::string& context) {
    for (auto&& [key, node] : table) {
      std::string name(key.str());
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      error(key.source(), "unknown key '" + name + "' in " + context + did_you_mean(name, known));
    }
  }

  const toml::table* sub_table(const toml::table& parent, std::string_view key, const std::string& context) {
    const toml::node* node = parent.get(key);
    if (!node) return nullptr;
    if (const toml::table* table = node->as_table()) return table;
    error(node->source(), "'" + std::string(key) + "' in " + context + " must be a table");
    return nullptr;
  }

  std::optional<std::string> string_value(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (auto value = node->value<std::string>()) return *value;
    error(node->source(), "'" + std::string(key) + "' must be a string");
    return std::nullopt;
  }

  std::optional<std::string> choice(const toml::table& table, std::string_view key,
                                    const std::vector<std::string>& allowed) {
    auto value = string_value(table, key);
    if (!value || std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
    std::string list;
    for (const auto& option : allowed) list += (list.empty() ? "\"" : ", \"") + option + "\"";
    error(table.get(key)->source(), "'" + std::string(key) + "' must be one of " + list + ", not \"" + *value + "\"" +
                                        did_you_mean(*value, allowed));
    return std::nullopt;
  }

  std::optional<int> integer_in_range(const toml::table& table, std::string_view key, int low, int high) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    // Only an integer node is converted: toml++ would cast a float such as 1e24 unchecked.
    auto value = node->is_integer() ? node->value<int64_t>() : std::nullopt;
    if (!value || *value < low || *value > high) {
      error(node->source(), "'" + std::string(key) + "' must be an integer from " + std::to_string(low) + " to " +
                                std::to_string(high));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  std::optional<std::vector<std::string>> string_list(const toml::table& table, std::string_view key,
                                                      bool allow_empty) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    const toml::array* array = node->as_array();
    std::vector<std::string> items;
    bool ok = array != nullptr && (allow_empty || !array->empty());
    if (array) {
      for (const toml::node& item : *array) {
        auto text = item.value<std::string>();
        if (!text || text->empty())
          ok = false;
        else
          items.push_back(*text);
      }
    }
    if (!ok) {
      error(node->source(), "'" + std::string(key) + "' must be " + (allow_empty ? "an" : "a non-empty") +
                                " array of non-empty strings");
      return std::nullopt;
    }
    return items;
  }

  // The strings of an array of strings with where each one is, for errors
  // about a single entry; nullopt (after an error) when it is not such an array.
  std::optional<std::vector<std::pair<std::string, toml::source_region>>> located_strings(const toml::table& table,
                                                                                          std::string_view key) {
    if (!string_list(table, key, true)) return std::nullopt;
    std::vector<std::pair<std::string, toml::source_region>> items;
    for (const toml::node& item : *table.get(key)->as_array())
      items.emplace_back(*item.value<std::string>(), item.source());
    return items;
  }

private:
  std::string m_file;
  Diagnostics& m_diagnostics;
  std::vector<Diagnostic> m_errors;
};

}  // namespace sls
