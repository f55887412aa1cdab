#include "bundler/output/spin_manifest.hpp"

#include <cctype>
#include <cstdio>
#include <set>
#include <sstream>

namespace sls {
namespace {

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(const std::string& text) {
  std::string quoted = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      quoted += escape;
    } else {
      quoted += static_cast<char>(c);
    }
  }
  return quoted + "\"";
}

std::string unique_id(const std::string& function_name, std::set<std::string>& taken) {
  std::string id = spin_component_id(function_name);
  std::string candidate = id;
  for (int n = 2; !taken.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
  return candidate;
}

void render_component(std::ostream& out, const PlannedFunction& function, const std::string& id) {
  std::string folder = spin_bundle_folder(function.name());
  out << "\n[[trigger.http]]\n"
      << "route = " << toml_string(function.route()) << "\n"
      << "component = " << toml_string(id) << "\n"
      << "executor = { type = \"wagi\" }\n"
      << "\n[component." << id << "]\n"
      << "source = " << toml_string(folder + "/function.wasm") << "\n"
      << "files = [{ source = " << toml_string(folder) << ", destination = \"/\" }]\n";
  if (function.env.empty()) return;
  out << "environment = {";
  const char* separator = " ";
  for (const auto& [name, value] : function.env) {
    out << separator << toml_string(name) << " = " << toml_string(value);
    separator = ", ";
  }
  out << " }\n";
}

}  // namespace

std::string spin_component_id(const std::string& function_name) {
  std::string id;
  bool word_start = true;
  for (unsigned char c : function_name) {
    if (!std::isalnum(c)) {
      word_start = true;
      continue;
    }
    if (word_start) {
      if (!id.empty()) id += '-';
      if (std::isdigit(c)) id += 'n';  // a word must not start with a digit
      word_start = false;
    }
    id += static_cast<char>(std::tolower(c));
  }
  return id.empty() ? "function" : id;
}

std::string spin_bundle_folder(const std::string& function_name) { return "functions/" + function_name; }

std::string render_spin_manifest(const std::string& application, const std::vector<const PlannedFunction*>& functions) {
  std::ostringstream out;
  out << "# Written by sls build: the project's wasm functions as a Spin application.\n"
      << "# Each component runs the bundle unzipped next to its zip; from this folder:\n"
      << "#   find functions -name '*.zip' | while read -r z; do unzip -oq \"$z\" -d \"${z%.zip}\"; done\n"
      << "#   spin up\n"
      << "spin_manifest_version = 2\n"
      << "\n[application]\n"
      << "name = " << toml_string(application.empty() ? "sls-app" : application) << "\n";
  std::set<std::string> taken;
  for (const PlannedFunction* function : functions)
    render_component(out, *function, unique_id(function->name(), taken));
  return out.str();
}

}  // namespace sls
