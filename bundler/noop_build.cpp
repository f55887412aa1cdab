#include "bundler/noop_build.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "bundler/lint/lint_report_json.hpp"
#include "core/cache_dir.hpp"
#include "core/file_system.hpp"
#include "core/process.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

constexpr const char* k_compile_commands = "compile_commands.json";  // sls writes it at the root itself

fs::path log_path(const fs::path& root) { return state_dir_for(root) / "build" / "build-log"; }

fs::path root_of(const fs::path& project_dir) {
  fs::path root = fs::absolute(project_dir).lexically_normal();
  return root.filename().empty() ? root.parent_path() : root;
}

std::string stamp_text(const std::optional<StatStamp>& stamp) {
  return stamp ? std::to_string(stamp->size) + ":" + std::to_string(stamp->mtime_ns) + ":" +
                     std::to_string(stamp->ctime_ns) + ":" + std::to_string(stamp->inode)
               : "missing";
}

// A tool as it would run: the file PATH finds, by stat data (an upgraded compiler differs).
std::string tool_identity(const std::string& name) {
  std::optional<fs::path> found = name.find('/') == std::string::npos ? find_on_path(name) : fs::path(name);
  return name + "=" + (found ? stamp_text(stat_stamp(found->string())) : "missing");
}

void add_link_settings(Sha256Builder& key, const PlannedFunction& planned) {
  key.update_field(planned.name());
  for (const auto& flags : {planned.build.ldflags, planned.build.lib_dirs, planned.link_libraries})
    for (const std::string& flag : flags) key.update_field(flag);
}

// The SDK headers and the runtime glue sources: the glue is keyed by them (compile.cpp), not through the hasher.
std::vector<std::string> share_files(const LoadedProject& project) {
  std::vector<std::string> files;
  const InstallLayout& layout = project.toolchain.layout;
  for (const fs::path& dir : {layout.sdk_include_dir(), layout.runtime_dir()})
    for (const std::string& file : list_files_sorted(dir)) files.push_back((dir / file).string());
  return files;
}

json diagnostics_json(const std::vector<Diagnostic>& reported) {
  json all = json::array();
  for (const Diagnostic& d : reported)
    all.push_back({static_cast<int>(d.severity), d.location.file, d.location.line, d.location.column, d.message, d.detail});
  return all;
}

void replay_diagnostics(const json& all, Diagnostics& diagnostics) {
  for (const json& d : all)
    diagnostics.report({static_cast<Severity>(d.at(0).get<int>()),
                        {d.at(1).get<std::string>(), d.at(2).get<std::uint32_t>(), d.at(3).get<std::uint32_t>()},
                        d.at(4).get<std::string>(),
                        d.at(5).get<std::string>()});
}

std::string payload_of(const BuildSummary& summary, const std::vector<Diagnostic>& reported) {
  json lint = nullptr;
  if (summary.lint) {
    json counts = json::object();
    for (const auto& [name, count] : summary.lint->counts) counts[name] = {count.warnings, count.errors};
    lint = {{"report", lint_report_json(summary.lint->report)},
            {"counts", counts},
            {"units", summary.lint->units_linted + summary.lint->units_cached}};
  }
  json payload = {{"functions", {summary.functions_built, summary.functions_failed}},
                  {"static_files", summary.static_files},
                  {"lint", lint},
                  {"diagnostics", diagnostics_json(reported)}};
  return payload.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The payload into `summary`; false when it is not one this version wrote.
bool summary_from(const LoadedProject& project, const std::string& text, BuildSummary& summary, Diagnostics& diagnostics) {
  json payload = json::parse(text, nullptr, false);
  if (payload.is_discarded()) return false;
  try {
    std::optional<LintPassResult> lint;
    if (!payload.at("lint").is_null()) {
      const json& recorded = payload.at("lint");
      std::optional<analyzers::LintReport> report = lint_report_from_json(recorded.at("report"));
      if (!report) return false;
      lint.emplace();
      lint->options = project.lint_options;
      lint->report = std::move(*report);
      for (const auto& [name, count] : recorded.at("counts").items())
        lint->counts[name] = {count.at(0).get<std::size_t>(), count.at(1).get<std::size_t>()};
      lint->units_cached = recorded.at("units").get<std::size_t>();
    }
    summary.functions_built = payload.at("functions").at(0).get<std::size_t>();
    summary.functions_failed = payload.at("functions").at(1).get<std::size_t>();
    summary.static_files = payload.at("static_files").get<std::size_t>();
    replay_diagnostics(payload.at("diagnostics"), diagnostics);
    summary.lint = std::move(lint);
    return true;
  } catch (const json::exception&) {
    return false;
  }
}

void sort_by_path(std::vector<StampedFile>& files) {
  std::sort(files.begin(), files.end(), [](const StampedFile& a, const StampedFile& b) { return a.path < b.path; });
}

bool under(const std::string& path, const fs::path& folder) {
  const std::string& prefix = folder.native();
  return path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 && path[prefix.size()] == '/';
}

// Adds `path` (absolute) with its stat data now; false when it is gone or racy.
bool add_input(std::vector<StampedFile>& inputs, const std::string& path, const StatStamp& stamp,
               const BuildStart& start, const std::vector<fs::path>& own_folders) {
  bool own = std::any_of(own_folders.begin(), own_folders.end(), [&](const fs::path& f) { return under(path, f); });
  if (!own && is_racy(stamp, start.started_ns)) return false;
  inputs.push_back({path, stamp});
  return true;
}

// Every input of the build with its stat data; nullopt when one is racy or gone.
// Files sls wrote itself (under .sls/ and the user cache) are never racy: nobody else writes them.
std::optional<std::vector<StampedFile>> stamped_inputs(const LoadedProject& project, const BuildStart& start,
                                                       const FileHasher& hasher) {
  const fs::path& root = project.layout.root;
  std::vector<fs::path> own = {state_dir_for(root), fs::absolute(user_cache_dir()).lexically_normal()};
  const std::string output_prefix = output_dir_for(root).native();  // also its staging trees: outputs, not inputs
  std::vector<StampedFile> inputs;
  for (const StampedFile& file : hasher.checked_files()) {
    std::string path = fs::absolute(file.path).lexically_normal().string();
    if (path.compare(0, output_prefix.size(), output_prefix) == 0) continue;
    if (!add_input(inputs, path, file.stamp, start, own)) return std::nullopt;
  }
  // Read by the build directly, not through the hasher.
  std::vector<std::string> direct = {(root / "sls.toml").string()};
  for (const std::string& file : project.layout.static_files) direct.push_back((root / "public" / file).string());
  for (std::string& file : share_files(project)) direct.push_back(std::move(file));
  for (const std::string& path : direct) {
    std::optional<StatStamp> stamp = stat_stamp(path);
    if (stamp ? !add_input(inputs, path, *stamp, start, own) : fs::exists(path)) return std::nullopt;
  }
  sort_by_path(inputs);
  return inputs;
}

std::vector<StampedFile> stamped_outputs(const fs::path& output_dir) {
  std::vector<StampedFile> outputs;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(output_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec))
      if (std::optional<StatStamp> stamp = stat_stamp(it->path().string()))
        outputs.push_back({it->path().string(), *stamp});
  sort_by_path(outputs);
  return outputs;
}

bool logs_cleanly(const BuildSummary& summary, const std::vector<Diagnostic>& reported) {
  for (const Diagnostic& d : reported)
    if (d.severity == Severity::Error) return false;
  bool lint_clean = !summary.lint || (summary.lint->report.failures.empty() &&
                                      summary.lint->report.count(analyzers::Severity::Error) == 0);
  return summary.functions_failed == 0 && lint_clean;
}

}  // namespace

BuildStart begin_build_log(const fs::path& project_dir) {
  std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  return {now, list_project_folders(root_of(project_dir), {k_compile_commands})};
}

std::string build_log_context(const LoadedProject& project, const BuildOptions& options,
                              const std::string& compile_commands) {
  Sha256Builder key;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  key.update_field("sls=" + self.string() + "@" + stamp_text(stat_stamp(self.string())));  // a rebuilt sls
  key.update_field(options.lint ? "lint" : "no-lint");
  key.update_field(options.target_override ? to_string(*options.target_override) : "");
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");  // the zips' timestamps
  key.update_field(epoch ? epoch : "");
  const Toolchain& tools = project.toolchain;
  for (const std::string& tool : {tools.cxx, tools.cc, tools.archiver, tools.nm}) key.update_field(tool_identity(tool));
  key.update_field(compile_commands);
  for (const FunctionSource& function : project.layout.functions) key.update_field(function.name);
  for (const std::string& file : project.layout.static_files) key.update_field(file);
  for (const std::string& file : share_files(project)) key.update_field(file);  // a glue file added or removed
  for (const std::string& flag : project.lib_build.ldflags) key.update_field(flag);
  for (const PlannedFunction& planned : project.plan) add_link_settings(key, planned);
  return key.finish_hex();
}

bool replay_build_log(const LoadedProject& project, const std::string& context, const BuildStart& start,
                      BuildSummary& summary, Diagnostics& diagnostics) {
  const fs::path& root = project.layout.root;
  auto text = read_file(log_path(root));
  std::optional<BuildLog> log = text ? parse_build_log(*text) : std::nullopt;
  if (!log) {
    summary.build_log.reason = text ? "the build log is from another version or damaged" : "no build log";
    return false;
  }
  BuildLogCheck check = check_build_log(*log, context, start.folders, root);
  summary.build_log.files_stated = check.files_stated;
  if (!check.unchanged) {
    summary.build_log.reason = check.difference;
    return false;
  }
  Diagnostics replayed;
  if (!summary_from(project, log->payload, summary, replayed)) {
    summary.build_log.reason = "the build log's report is from another version";
    return false;
  }
  diagnostics.forward(replayed);
  summary.steps.package_hits = summary.functions_built;  // every bundle in place is kept, as in any no-op
  summary.build_log.replayed = true;
  return true;
}

void record_build_log(const LoadedProject& project, const std::string& context, const BuildStart& start,
                      const FileHasher& hasher, const BuildSummary& summary, const std::vector<Diagnostic>& reported) {
  const fs::path path = log_path(project.layout.root);
  std::optional<std::vector<StampedFile>> inputs;
  if (logs_cleanly(summary, reported)) inputs = stamped_inputs(project, start, hasher);
  std::error_code ec;
  if (!inputs) {
    fs::remove(path, ec);  // a failed build, or one whose inputs cannot be trusted by stat: check it all next time
    return;
  }
  BuildLog log{context, std::move(*inputs), start.folders, stamped_outputs(summary.output_dir),
               payload_of(summary, reported)};
  if (!write_file_atomically(path, render_build_log(log), fs::perms(0644))) fs::remove(path, ec);
}

}  // namespace sls
