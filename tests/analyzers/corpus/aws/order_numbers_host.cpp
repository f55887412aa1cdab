// Order numbers for the kiosk app (aws-lambda-cpp): a host prefix plus a
// running number, formatted for the receipt printer.
#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <string>
#include <sys/utsname.h>
#include <unistd.h>

using namespace aws::lambda_runtime;

namespace kiosk {

char host_prefix[16];
unsigned long next_number = 1;
struct utsname machine;

std::string format_order(unsigned long n) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s-%06lu", host_prefix, n);
  return buf;
}

invocation_response next_order(invocation_request const& req) {
  const std::string number = format_order(next_number++);
  return invocation_response::success("{\"order\":\"" + number + "\",\"arch\":\"" + machine.machine +
                                          "\",\"request\":\"" + req.request_id + "\"}",
                                      "application/json");
}

}  // namespace kiosk

int main() {
  char host[64] = {};
  gethostname(host, sizeof host);
  std::snprintf(kiosk::host_prefix, sizeof kiosk::host_prefix, "%.8s", host);
  uname(&kiosk::machine);
  run_handler(kiosk::next_order);
  return 0;
}
