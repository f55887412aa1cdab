#include "bundler/deploy/aws_functions.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "bundler/deploy/deploy_names.hpp"

namespace sls {

Expected<FunctionsByRegion> group_by_aws_region(const DeployProject& project, const std::string& format,
                                                std::vector<std::string>& warnings) {
  FunctionsByRegion regions;
  for (const DeployFunction& function : project.functions) {
    if (function.target != "native") {
      warnings.push_back(function.name + " is a " + function.target + " function (" + function.runtime +
                         "): AWS Lambda cannot run it, so the " + format +
                         " export leaves it out; deploy it with .sls/output/spin.toml");
      continue;
    }
    for (const std::string& region : function.regions) {
      auto aws = aws_region_for(region);
      if (!aws)
        return make_error("function " + function.name + ": region '" + region +
                          "' is neither an AWS region (us-east-1) nor a Vercel region (iad1)");
      auto& list = regions[*aws];
      if (std::find(list.begin(), list.end(), &function) == list.end()) list.push_back(&function);
    }
  }
  return regions;
}

std::string exported_bundle_path(const DeployFunction& function) { return "bundles/" + function.id + ".zip"; }

void add_bundle_copies(const FunctionsByRegion& regions, ExportResult& result) {
  std::map<std::string, std::string> bundles;  // exported path -> source
  for (const auto& [region, functions] : regions)
    for (const DeployFunction* function : functions) bundles[exported_bundle_path(*function)] = function->bundle;
  for (const auto& [path, source] : bundles) result.files.push_back({ExportFile::Kind::Copy, path, "", source});
}

std::string service_name_for(const std::string& project) {
  std::string name;
  for (unsigned char c : project) name += std::isalnum(c) ? static_cast<char>(c) : '-';
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) name = "sls-" + name;
  return name;
}

void sort_files(ExportResult& result) {
  std::sort(result.files.begin(), result.files.end(),
            [](const ExportFile& a, const ExportFile& b) { return a.path < b.path; });
}

}  // namespace sls
