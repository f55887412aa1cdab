#include "config/build_flags.hpp"

#include <cctype>
#include <filesystem>

namespace sls {
namespace {

using Located = std::vector<std::pair<std::string, toml::source_region>>;

// Flags whose value is the next argument, so that argument may not start with '-'.
const std::vector<std::string> k_flags_with_value = {
    "-isystem", "-idirafter", "-iquote", "-include", "-Xlinker", "-Xclang", "-mllvm", "-I", "-L", "-D", "-U"};

// What sls decides itself: output, target, dependency files, the kind of run, the language.
const std::vector<std::string> k_refused_exact = {
    "-o",      "-c",           "-S",         "-E",          "-M",   "-MM",     "-MD",           "-MMD",
    "-MF",     "-MT",          "-MQ",        "-MP",         "-x",   "-target", "-fsyntax-only", "-###",
    "-shared", "-include-pch", "-emit-llvm", "-save-temps", "-pipe"};
// Also refused with anything after them: "-ofile", "-xc++", "--target=…".
const std::vector<std::string> k_refused_prefixes = {
    "-o", "-x", "--target=", "-MF", "-MT", "-MQ", "-Wl,-o,", "-Wl,--why-extract", "-save-temps=", "--sysroot"};

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

bool is_refused(const std::string& flag) {
  if (std::find(k_refused_exact.begin(), k_refused_exact.end(), flag) != k_refused_exact.end()) return true;
  return std::any_of(k_refused_prefixes.begin(), k_refused_prefixes.end(),
                     [&](const std::string& prefix) { return starts_with(flag, prefix); });
}

std::vector<std::string> read_flags(ConfigReader& reader, const toml::table& table, const std::string& key) {
  auto items = reader.located_strings(table, key);
  if (!items) return {};
  std::vector<std::string> flags;
  bool value_expected = false;
  for (const auto& [flag, where] : *items) {
    bool value = value_expected;
    value_expected =
        !value && std::find(k_flags_with_value.begin(), k_flags_with_value.end(), flag) != k_flags_with_value.end();
    if (!value && flag[0] != '-') {
      reader.error(where, "'" + key + "' holds flags, one per entry, each starting with '-'; '" + flag +
                              "' is not one (a file to compile belongs in api/ or lib/)");
    } else if (!value && is_refused(flag)) {
      reader.error(where, "'" + flag + "' in '" + key +
                              "' would change what sls controls (the output, the target, "
                              "dependency files or the language); sls sets those itself");
    } else {
      flags.push_back(flag);
    }
  }
  if (value_expected)
    reader.error(table.get(key)->source(),
                 "'" + key + "' ends with '" + flags.back() + "', which needs a value after it");
  return flags;
}

std::vector<std::string> read_include_dirs(ConfigReader& reader, const toml::table& table) {
  auto items = reader.located_strings(table, "include_dirs");
  if (!items) return {};
  std::vector<std::string> dirs;
  for (const auto& [dir, where] : *items) {
    std::filesystem::path path = std::filesystem::path(dir).lexically_normal();
    bool escapes = path.is_absolute() || path.empty() || *path.begin() == "..";
    if (escapes)
      reader.error(where, "'include_dirs' holds project-relative folders (\"vendor/fmt/include\"), not '" + dir + "'");
    else
      dirs.push_back(path.generic_string());
  }
  return dirs;
}

bool is_identifier(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::vector<std::string> read_defines(ConfigReader& reader, const toml::table& table) {
  auto items = reader.located_strings(table, "defines");
  if (!items) return {};
  std::vector<std::string> defines;
  for (const auto& [define, where] : *items) {
    if (is_identifier(define.substr(0, define.find('='))))
      defines.push_back(define);
    else
      reader.error(where,
                   "'defines' holds NAME or NAME=VALUE (\"FMT_HEADER_ONLY\", \"LEVEL=2\"), not '" + define + "'");
  }
  return defines;
}

std::vector<std::string> read_names(ConfigReader& reader, const toml::table& table, const std::string& key) {
  auto items = reader.located_strings(table, key);
  if (!items) return {};
  std::vector<std::string> names;
  for (const auto& [name, where] : *items) {
    bool valid = name[0] != '-' && std::all_of(name.begin(), name.end(), [](unsigned char c) {
                   return std::isalnum(c) || c == '_' || c == '.' || c == '+' || c == '-';
                 });
    if (valid)
      names.push_back(name);
    else
      reader.error(where, "'" + key + "' holds pkg-config package names such as \"libcurl\", not '" + name + "'");
  }
  return names;
}

}  // namespace

BuildFlags read_build_flags(ConfigReader& reader, const toml::table& table) {
  BuildFlags flags;
  flags.include_dirs = read_include_dirs(reader, table);
  flags.defines = read_defines(reader, table);
  flags.cflags = read_flags(reader, table, "cflags");
  flags.cxxflags = read_flags(reader, table, "cxxflags");
  flags.ldflags = read_flags(reader, table, "ldflags");
  if (auto dirs = reader.string_list(table, "lib_dirs", true)) flags.lib_dirs = *dirs;
  flags.pkg_config = read_names(reader, table, "pkg_config");
  if (const toml::node* node = table.get("pkg_config")) flags.pkg_config_location = reader.where(node->source());
  return flags;
}

void BuildFlags::append(const BuildFlags& more) {
  for (auto [mine, theirs] : {std::pair{&include_dirs, &more.include_dirs},
                              {&defines, &more.defines},
                              {&cflags, &more.cflags},
                              {&cxxflags, &more.cxxflags},
                              {&ldflags, &more.ldflags},
                              {&lib_dirs, &more.lib_dirs},
                              {&pkg_config, &more.pkg_config}})
    mine->insert(mine->end(), theirs->begin(), theirs->end());
  if (!more.pkg_config.empty()) pkg_config_location = more.pkg_config_location;
}

}  // namespace sls
