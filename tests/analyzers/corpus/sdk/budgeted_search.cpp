// Full-text search over the bundled index with a time budget: a POSIX timer
// without signal delivery is polled between postings, and deleted before returning.
#include <sls/function.hpp>

#include <csignal>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr long kBudgetMs = 250;

bool budget_left(timer_t timer) {
  itimerspec left{};
  timer_gettime(timer, &left);
  return left.it_value.tv_sec != 0 || left.it_value.tv_nsec != 0;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string term = req.query("q");
  if (term.size() < 2) return sls::Response::text(400, "query too short");

  sigevent none{};
  none.sigev_notify = SIGEV_NONE;
  timer_t timer;
  if (timer_create(CLOCK_MONOTONIC, &none, &timer) != 0) return sls::Response::text(500, "no timer");
  itimerspec budget{};
  budget.it_value.tv_nsec = kBudgetMs * 1000000L;
  timer_settime(timer, 0, &budget, nullptr);

  std::ifstream index(sls::asset("data/postings.txt"));
  std::vector<std::string> hits;
  std::string line;
  bool partial = false;
  while (std::getline(index, line)) {
    if (!budget_left(timer)) {
      partial = true;
      break;
    }
    if (line.find(term) != std::string::npos && hits.size() < 50) hits.push_back(line);
  }
  timer_delete(timer);

  std::string body = "{\"partial\":" + std::string(partial ? "true" : "false") + ",\"hits\":" + std::to_string(hits.size()) + "}";
  return sls::Response::json(200, body);
}

SLS_HANDLER(handle)
