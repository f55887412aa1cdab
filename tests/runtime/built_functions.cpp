#include "built_functions.hpp"

namespace sls::test {

namespace {
TempDir& scratch_dir() {
  static TempDir dir;  // removed at exit
  return dir;
}
}  // namespace

const std::filesystem::path& BuiltFunctions::scratch() { return scratch_dir().path(); }

BuiltFunctions::PerTarget& BuiltFunctions::per_target(Target target) {
  static std::map<Target, PerTarget> targets;
  auto& entry = targets[target];
  if (!entry.builder) {
    const auto dir = scratch() / (target == Target::native ? "native" : "wasm");
    entry.builder = std::make_unique<GlueBuilder>(target, dir);
    entry.glue = entry.builder->build_glue();
  }
  return entry;
}

BuildResult BuiltFunctions::get(Target target, const std::string& handler_file, const std::string& name,
                                const std::string& route) {
  auto& entry = per_target(target);
  if (!entry.glue.ok) return entry.glue;
  const auto key = handler_file + "|" + name + "|" + route;
  auto found = entry.functions.find(key);
  if (found == entry.functions.end()) {
    const auto output = "fn" + std::to_string(entry.functions.size());
    found = entry.functions.emplace(key, entry.builder->build_function(handler_path(handler_file), name, route, output))
                .first;
  }
  return found->second;
}

}  // namespace sls::test
