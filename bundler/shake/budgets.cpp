#include "bundler/shake/budgets.hpp"

#include <algorithm>
#include <cstdio>

namespace sls {

std::string human_size(std::uint64_t bytes) {
  const char* units[] = {"B", "KB", "MB", "GB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 3) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  if (unit == 0)
    std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
  else
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
  return text;
}

std::string largest_contributors(std::vector<SizedFile> files, std::size_t count) {
  std::stable_sort(files.begin(), files.end(), [](const SizedFile& a, const SizedFile& b) { return a.size > b.size; });
  std::string list;
  for (std::size_t i = 0; i < files.size() && i < count; ++i)
    list += (i ? ", " : "") + files[i].path + " (" + human_size(files[i].size) + ")";
  return list;
}

std::vector<std::string> check_budget(const std::vector<SizedFile>& files, std::uint64_t zipped_size,
                                      const BundleBudget& budget) {
  std::uint64_t unzipped = 0;
  for (const SizedFile& file : files) unzipped += file.size;
  std::vector<std::string> problems;
  auto over = [&](const std::string& what, std::uint64_t size, std::uint64_t limit) {
    problems.push_back(what + " is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) +
                       " bytes; largest files: " + largest_contributors(files));
  };
  if (zipped_size > budget.zipped) over("the zipped bundle", zipped_size, budget.zipped);
  if (unzipped > budget.unzipped) over("the unzipped bundle", unzipped, budget.unzipped);
  if (budget.max_size && unzipped > *budget.max_size)
    over("the unzipped bundle (max_size in sls.toml)", unzipped, *budget.max_size);
  return problems;
}

}  // namespace sls
