#include "bundler/deploy/yaml_writer.hpp"

#include <regex>
#include <sstream>

namespace sls {
namespace {
using nlohmann::ordered_json;

bool looks_like_other_type(const std::string& text) {
  static const std::regex k_special(
      "(?:[-+]?[0-9][0-9_.eExXoO+-]*|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)|"
      "y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)");
  return std::regex_match(text, k_special);
}

bool plain_is_safe(const std::string& text) {
  if (text.empty() || looks_like_other_type(text)) return false;
  if (text[0] == '-') return false;  // a sequence entry or a negative number
  for (unsigned char c : text)
    if (!std::isalnum(c) && c != '_' && c != '.' && c != '/' && c != '-') return false;
  return true;
}

bool is_collection(const ordered_json& value) {
  return (value.is_object() || value.is_array()) && !value.empty();
}

void write_value(std::ostream& out, const ordered_json& value, int indent);

void write_object(std::ostream& out, const ordered_json& object, int indent, bool first_inline) {
  bool first = true;
  for (const auto& [key, value] : object.items()) {
    if (!(first && first_inline)) out << std::string(indent, ' ');
    first = false;
    out << yaml_scalar(ordered_json(key)) << ":";
    if (is_collection(value)) {
      out << "\n";
      write_value(out, value, value.is_array() ? indent : indent + 2);
    } else {
      out << " " << yaml_scalar(value) << "\n";
    }
  }
}

void write_array(std::ostream& out, const ordered_json& array, int indent) {
  for (const ordered_json& item : array) {
    out << std::string(indent, ' ') << "-";
    if (item.is_object() && !item.empty()) {
      out << " ";
      write_object(out, item, indent + 2, true);
    } else if (is_collection(item)) {
      out << "\n";
      write_array(out, item, indent + 2);
    } else {
      out << " " << yaml_scalar(item) << "\n";
    }
  }
}

void write_value(std::ostream& out, const ordered_json& value, int indent) {
  if (value.is_object()) write_object(out, value, indent, false);
  else write_array(out, value, indent);
}

}  // namespace

std::string yaml_scalar(const ordered_json& value) {
  if (value.is_object()) return "{}";
  if (value.is_array()) return "[]";
  if (value.is_null()) return "null";
  if (!value.is_string()) return value.dump();
  const std::string& text = value.get_ref<const std::string&>();
  return plain_is_safe(text) ? text : value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string render_yaml(const ordered_json& document) {
  std::ostringstream out;
  write_value(out, document, 0);
  return out.str();
}

}  // namespace sls
