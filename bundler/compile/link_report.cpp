// lld's --why-extract report is a tab-separated table: "reference",
// "extracted", "symbol"; an extracted lib/ member reads "…/liblib.a(x.cpp.o)".

#include "bundler/compile/link_report.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace sls {

std::vector<std::string> lib_members_from_report(const std::string& report,
                                                 const std::vector<std::string>& lib_sources) {
  std::set<std::string> members;
  std::istringstream lines(report);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t first_tab = line.find('\t');
    std::size_t second_tab = line.find('\t', first_tab + 1);
    if (first_tab == std::string::npos || second_tab == std::string::npos) continue;
    std::string extracted = line.substr(first_tab + 1, second_tab - first_tab - 1);
    std::size_t open = extracted.rfind("liblib.a(");
    if (open == std::string::npos || extracted.back() != ')') continue;
    open += std::string("liblib.a(").size();
    members.insert(extracted.substr(open, extracted.size() - 1 - open));
  }
  std::vector<std::string> sources;
  for (const std::string& source : lib_sources) {
    if (members.count(std::filesystem::path(source).filename().string() + ".o")) sources.push_back(source);
  }
  return sources;
}

}  // namespace sls
