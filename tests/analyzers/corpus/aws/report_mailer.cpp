// Mails the weekly KPI report (aws-lambda-cpp) through the local sendmail and
// keeps the rendered HTML for the dashboard.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace aws::lambda_runtime;

namespace {

std::string render(const std::string& week) {
  return "<html><body><h1>KPIs for " + week + "</h1><p>Revenue up 4%.</p></body></html>";
}

bool mail(const std::string& to, const std::string& html) {
  FILE* p = popen("/usr/sbin/sendmail -t", "w");
  if (!p) return false;
  std::fprintf(p, "To: %s\nSubject: Weekly KPIs\nContent-Type: text/html\n\n%s\n", to.c_str(), html.c_str());
  std::fflush(p);
  return true;
}

void keep_for_dashboard(const std::string& html) {
  std::ofstream("/etc/kpi/last_report.html") << html;
  FILE* f = std::fopen("./public/report.html", "w");
  if (f) {
    std::fputs(html.c_str(), f);
    std::fclose(f);
  }
}

invocation_response send_report(invocation_request const& req) {
  const std::string week = req.payload.empty() ? "this week" : req.payload;
  const std::string html = render(week);
  if (!mail("kpi-list@example.com", html)) return invocation_response::failure("sendmail missing", "Internal");
  keep_for_dashboard(html);
  std::system("logger -t kpi-report sent &");
  if (fork() == 0) {
    execlp("find", "find", "/tmp", "-name", "kpi-*.html", "-mtime", "+7", "-delete", static_cast<char*>(nullptr));
    _exit(0);
  }
  return invocation_response::success("{\"sent\":true}", "application/json");
}

}  // namespace

int main() {
  run_handler(send_report);
  return 0;
}
