// Given timers armed in handler and init code, we should report the ones still
// armed when their function returns, and not the classic disarmed timeout guard.
#include <csignal>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <sls/function.hpp>

static void on_alarm(int) {}

static void heartbeat() {
  alarm(30);  // expect: error sls-posix-timer
}

static void disarm() { alarm(0); }

static int guarded_work() {
  // The timeout guard: armed, work, disarmed.
  std::signal(SIGALRM, on_alarm);
  alarm(5);
  int result = 42;
  alarm(0);
  return result;
}

static int guarded_by_helper() {
  alarm(2);
  int result = 1;
  disarm();
  return result;
}

static void interval_timer() {
  itimerval every_second{{1, 0}, {1, 0}};
  setitimer(ITIMER_REAL, &every_second, nullptr);  // expect: error sls-posix-timer
}

static void interval_timer_reset() {
  itimerval once{{0, 0}, {1, 0}};
  itimerval off{};
  setitimer(ITIMER_REAL, &once, nullptr);
  setitimer(ITIMER_REAL, &off, nullptr);
}

static void timerfd_left_open() {
  int fd = timerfd_create(CLOCK_MONOTONIC, 0);  // expect: error sls-posix-timer
  itimerspec spec{{1, 0}, {1, 0}};
  timerfd_settime(fd, 0, &spec, nullptr);  // expect: error sls-posix-timer
}

static void timerfd_closed() {
  int fd = timerfd_create(CLOCK_MONOTONIC, 0);
  itimerspec spec{{0, 0}, {1, 0}};
  timerfd_settime(fd, 0, &spec, nullptr);
  close(fd);
}

static void ignore_alarm() { std::signal(SIGALRM, SIG_IGN); }

sls::Response handle(const sls::Request& request, sls::Context& context) {
  heartbeat();
  guarded_work();
  guarded_by_helper();
  interval_timer();
  interval_timer_reset();
  timerfd_left_open();
  timerfd_closed();
  ignore_alarm();
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
