// lint-report-unused-suppressions
// Given clang-tidy style suppression comments, we should suppress the named rules on their lines and
// report the suppressions that match nothing.
#include <cstdlib>
#include <unistd.h>

#include <sls/function.hpp>

sls::Response handle(const sls::Request& request, sls::Context& context) {
  alarm(5);  // NOLINT(sls-posix-timer)
  // NOLINTNEXTLINE(sls-userspace-prng)
  int a = rand();
  // NOLINTBEGIN(sls-userspace-prng)
  int b = rand();
  int c = rand();
  // NOLINTEND(sls-userspace-prng)
  int d = rand();  // NOLINT(sls-posix-timer)  // expect: warning sls-userspace-prng; warning sls-unused-suppression
  int e = rand();  // NOLINT(sls-*)
  int f = rand();  // NOLINT
  int g = 0;       // NOLINT(sls-dlopen)  // expect: warning sls-unused-suppression
  int h = rand();  // NOLINT(bugprone-foo)  // expect: warning sls-userspace-prng
  return sls::Response::text(200, (a + b + c + d + e + f + g + h) ? "a" : "b");
}
SLS_HANDLER(handle)
