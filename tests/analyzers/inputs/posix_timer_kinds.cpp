// Given SIGPROF and SIGALRM handlers, POSIX timers and an alarm "disarmed" by
// an unrelated close, we should report the handlers and timers that outlive
// their function, at init or per request, and not a timer deleted after use.
#include <csignal>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <sls/function.hpp>

static void on_alarm(int) {}

static void on_profile(int) {}

static void start_profiler() {
  std::signal(SIGPROF, on_profile);                 // expect: error sls-posix-timer
  itimerval every{{0, 10000}, {0, 10000}};
  setitimer(ITIMER_PROF, &every, nullptr);          // expect: error sls-posix-timer
}

static int g_boot = [] {  // expect: note sls-global-mutable-state
  std::signal(SIGALRM, on_alarm);                   // expect: error sls-posix-timer
  return 0;
}();

static void posix_timer_left() {
  timer_t timer;
  sigevent event{};
  timer_create(CLOCK_MONOTONIC, &event, &timer);    // expect: error sls-posix-timer
  itimerspec spec{{1, 0}, {1, 0}};
  timer_settime(timer, 0, &spec, nullptr);
}

static void posix_timer_deleted() {
  timer_t timer;
  sigevent event{};
  timer_create(CLOCK_MONOTONIC, &event, &timer);
  itimerspec spec{{0, 0}, {1, 0}};
  timer_settime(timer, 0, &spec, nullptr);
  timer_delete(timer);
}

static void alarm_then_close(int fd) {
  alarm(3);                                         // expect: error sls-posix-timer
  close(fd);
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  start_profiler();
  posix_timer_left();
  posix_timer_deleted();
  alarm_then_close(4);
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
