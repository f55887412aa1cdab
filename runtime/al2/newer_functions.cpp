// Functions glibc added after 2.26, for provided.al2 (Amazon Linux 2).
//
// Code compiled against Debian 12's glibc headers calls some functions that
// glibc 2.26 does not have at all: stat and friends became real functions in
// 2.33 (before, the headers called __xstat), the clock-selecting waits that
// <condition_variable>, <mutex> and <semaphore> use for steady_clock
// deadlines came in 2.30, and libstdc++ reads __libc_single_threaded (2.32).
// For a provided.al2 function sls links these hidden stand-ins, built from
// what 2.26 has. See docs/targets.md (provided.al2).
#if defined(__x86_64__)

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/stat.h>
#include <time.h>

#define SLS_HIDDEN __attribute__((visibility("hidden")))

extern "C" {

// 0: "not known to be single-threaded", so libstdc++ always uses atomic reference counts.
SLS_HIDDEN char __libc_single_threaded = 0;

// The x86_64 stat ABI version the __xstat family takes.
constexpr int k_stat_version = 1;
int __xstat(int, const char*, struct stat*);
int __lxstat(int, const char*, struct stat*);
int __fxstat(int, int, struct stat*);
int __fxstatat(int, int, const char*, struct stat*, int);
int __xmknod(int, const char*, mode_t, dev_t*);
int __xmknodat(int, int, const char*, mode_t, dev_t*);

SLS_HIDDEN int stat(const char* path, struct stat* out) { return __xstat(k_stat_version, path, out); }
SLS_HIDDEN int lstat(const char* path, struct stat* out) { return __lxstat(k_stat_version, path, out); }
SLS_HIDDEN int fstat(int fd, struct stat* out) { return __fxstat(k_stat_version, fd, out); }
SLS_HIDDEN int fstatat(int dir, const char* path, struct stat* out, int flags) {
  return __fxstatat(k_stat_version, dir, path, out, flags);
}
SLS_HIDDEN int mknod(const char* path, mode_t mode, dev_t device) { return __xmknod(0, path, mode, &device); }
SLS_HIDDEN int mknodat(int dir, const char* path, mode_t mode, dev_t device) {
  return __xmknodat(0, dir, path, mode, &device);
}
// On x86_64 the 64-bit names are the same functions.
SLS_HIDDEN int stat64(const char*, struct stat64*) __attribute__((alias("stat")));
SLS_HIDDEN int lstat64(const char*, struct stat64*) __attribute__((alias("lstat")));
SLS_HIDDEN int fstat64(int, struct stat64*) __attribute__((alias("fstat")));
SLS_HIDDEN int fstatat64(int, const char*, struct stat64*, int) __attribute__((alias("fstatat")));

}  // extern "C"

namespace {

// The CLOCK_REALTIME time at which `deadline` on `clock` falls, as of now: 2.26's
// timed waits take only realtime deadlines.
bool realtime_deadline(clockid_t clock, const timespec& deadline, timespec& realtime) {
  if (clock == CLOCK_REALTIME) {
    realtime = deadline;
    return true;
  }
  if (clock != CLOCK_MONOTONIC) return false;
  timespec now_clock{}, now_real{};
  clock_gettime(CLOCK_MONOTONIC, &now_clock);
  clock_gettime(CLOCK_REALTIME, &now_real);
  long long nanos = (deadline.tv_sec - now_clock.tv_sec) * 1000000000LL + (deadline.tv_nsec - now_clock.tv_nsec) +
                    now_real.tv_sec * 1000000000LL + now_real.tv_nsec;
  realtime.tv_sec = nanos / 1000000000LL;
  realtime.tv_nsec = nanos % 1000000000LL;
  return true;
}

}  // namespace

extern "C" {

SLS_HIDDEN int pthread_cond_clockwait(pthread_cond_t* cond, pthread_mutex_t* mutex, clockid_t clock,
                                      const timespec* deadline) {
  timespec realtime;
  return realtime_deadline(clock, *deadline, realtime) ? pthread_cond_timedwait(cond, mutex, &realtime) : EINVAL;
}
SLS_HIDDEN int pthread_mutex_clocklock(pthread_mutex_t* mutex, clockid_t clock, const timespec* deadline) {
  timespec realtime;
  return realtime_deadline(clock, *deadline, realtime) ? pthread_mutex_timedlock(mutex, &realtime) : EINVAL;
}
SLS_HIDDEN int pthread_rwlock_clockrdlock(pthread_rwlock_t* lock, clockid_t clock, const timespec* deadline) {
  timespec realtime;
  return realtime_deadline(clock, *deadline, realtime) ? pthread_rwlock_timedrdlock(lock, &realtime) : EINVAL;
}
SLS_HIDDEN int pthread_rwlock_clockwrlock(pthread_rwlock_t* lock, clockid_t clock, const timespec* deadline) {
  timespec realtime;
  return realtime_deadline(clock, *deadline, realtime) ? pthread_rwlock_timedwrlock(lock, &realtime) : EINVAL;
}
SLS_HIDDEN int sem_clockwait(sem_t* semaphore, clockid_t clock, const timespec* deadline) {
  timespec realtime;
  if (realtime_deadline(clock, *deadline, realtime)) return sem_timedwait(semaphore, &realtime);
  errno = EINVAL;
  return -1;
}

}  // extern "C"

#endif  // __x86_64__
