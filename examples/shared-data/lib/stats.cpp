#include "stats.hpp"

#include <cstdlib>
#include <sstream>

std::string summarise_csv(const std::string& csv) {
  std::istringstream lines(csv);
  std::string line;
  long total = 0;
  while (std::getline(lines, line)) {
    auto comma = line.find(',');
    if (comma != std::string::npos) total += std::atol(line.c_str() + comma + 1);
  }
  return "SHARED-DATA-STATS total=" + std::to_string(total);
}
