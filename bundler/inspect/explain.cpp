#include "bundler/inspect/explain.hpp"

#include "bundler/package/bundle.hpp"
#include "bundler/shake/budgets.hpp"
#include "core/file_system.hpp"

namespace sls {

std::string largest_files_line(const InspectedBundle& bundle) {
  std::vector<SizedFile> sizes;
  std::uint64_t total = 0;
  for (const InspectedFile& file : bundle.files) {
    sizes.push_back({file.path, file.size});
    total += file.size;
  }
  return "largest: " + largest_contributors(sizes) + " — " + human_size(total) + " unzipped in all";
}

std::string explain_bundle(const InspectedBundle& bundle) {
  std::string text = bundle.function + "\n";
  for (const InspectedFile& file : bundle.files) {
    std::string reason = file.path == k_bundle_metadata_file
                             ? "the runtime reference and file list sls writes"
                             : (file.reason.empty() ? "(no reason recorded)" : file.reason);
    text += "  " + file.path + " (" + human_size(file.size) + "): " + reason + "\n";
  }
  return text + "  " + largest_files_line(bundle) + "\n";
}

std::optional<std::string> explain_file(const InspectedBundle& bundle, const std::string& path) {
  for (const InspectedFile& file : bundle.files) {
    if (file.path != path) continue;
    if (path == k_bundle_metadata_file) return "the runtime reference and file list sls writes";
    return file.reason.empty() ? "(no reason recorded: built by an older sls)" : file.reason;
  }
  return std::nullopt;
}

std::string explain_output(const std::filesystem::path& output_dir) {
  std::string text;
  for (const std::string& file : list_files_sorted(output_dir / "functions")) {
    if (file.size() < 4 || file.substr(file.size() - 4) != ".zip") continue;
    auto bundle = inspect_bundle(output_dir / "functions" / file);
    text += bundle ? explain_bundle(*bundle) : "functions/" + file + ": " + bundle.error().message + "\n";
  }
  return text;
}

}  // namespace sls
