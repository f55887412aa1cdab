// GET /api/report?year=2024 -> totals of data/reports/<year>.csv, shipped by an include glob.
#include <sls/function.hpp>

#include "stats.hpp"
#include "text.hpp"

sls::Response report(const sls::Request& req, sls::Context&) {
  std::string year = req.query("year").empty() ? "2024" : req.query("year");
  if (year.find_first_not_of("0123456789") != std::string::npos) return sls::Response::text(400, "bad year");
  return sls::Response::text(200, summarise_csv(read_text_file(sls::asset("data/reports/" + year + ".csv"))));
}
SLS_HANDLER(report)
