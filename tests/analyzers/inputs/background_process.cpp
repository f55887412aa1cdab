// Given child processes that are waited for and ones that are not, we should
// report only the children left running after the invocation.
#include <cstdio>
#include <cstdlib>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sls/function.hpp>

extern char** environ;

static int run_and_wait(const char* path) {
  pid_t pid = fork();
  if (pid == 0) {
    execl(path, path, nullptr);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

static void reap(pid_t pid) { waitpid(pid, nullptr, 0); }

static void spawn_and_reap() {
  pid_t pid;
  char* argv[] = {nullptr};
  posix_spawn(&pid, "/bin/true", nullptr, nullptr, argv, environ);
  reap(pid);
}

static void fire_and_forget() {
  if (fork() == 0) {  // expect: error sls-background-process
    execl("/bin/sh", "sh", "-c", "upload-logs", nullptr);
  }
}

static void spawn_uploader() {
  pid_t pid;
  char* argv[] = {nullptr};
  posix_spawnp(&pid, "uploader", nullptr, nullptr, argv, environ);  // expect: error sls-background-process
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  run_and_wait("/bin/true");
  spawn_and_reap();
  fire_and_forget();
  spawn_uploader();
  std::system("gzip -k /tmp/report.json");           // system() waits
  std::system("make && make install");               // && is not background
  std::system("echo hi > /dev/null 2>&1");           // redirection is not background
  std::system("/opt/bin/sync-cache &");              // expect: error sls-background-process
  FILE* listing = popen("ls /tmp", "r");
  pclose(listing);
  FILE* tail = popen("tail -f /tmp/log", "r");       // expect: error sls-background-process
  (void)tail;
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
