// Ported batch job (aws-lambda-cpp) that still keeps its state files where the
// old VM kept them.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace aws::lambda_runtime;

namespace {

void save_checkpoint(const std::string& cursor) {
  std::ofstream out("/var/task/state/checkpoint.txt", std::ios::trunc);
  out << cursor << "\n";
}

void append_journal(const std::string& line) {
  int fd = open("/opt/batch/journal.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) return;
  write(fd, line.data(), line.size());
  close(fd);
}

bool publish_report(const std::string& report) {
  FILE* f = std::fopen("/tmp/report.part", "w");
  if (!f) return false;
  std::fputs(report.c_str(), f);
  std::fclose(f);
  return std::rename("/tmp/report.part", "/srv/reports/latest.txt") == 0;
}

invocation_response run_batch(invocation_request const& req) {
  const std::string cursor = req.payload.empty() ? "0" : req.payload;
  append_journal("batch " + req.request_id + " from " + cursor + "\n");
  const std::string report = "processed from cursor " + cursor + "\n";
  save_checkpoint(cursor);
  if (!publish_report(report)) return invocation_response::failure("could not publish", "IOError");
  return invocation_response::success("{\"ok\":true}", "application/json");
}

}  // namespace

int main() {
  run_handler(run_batch);
  return 0;
}
