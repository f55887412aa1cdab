// Loudness normalisation (aws-lambda-cpp): runs sox on the clip and waits for
// it; the result is read back from the child's stdout.
#include <aws/lambda-runtime/runtime.h>

#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace aws::lambda_runtime;

extern char** environ;

namespace {

bool run_sox(const char* input, std::string& stats) {
  int out[2];
  if (pipe(out) != 0) return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  char arg0[] = "sox", norm[] = "--norm", null_out[] = "-n", stat[] = "stat";
  std::string in = input;
  char* argv[] = {arg0, norm, in.data(), null_out, stat, nullptr};
  pid_t pid;
  const int rc = posix_spawnp(&pid, "sox", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    return false;
  }
  char buf[1024];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf)) > 0) stats.append(buf, static_cast<size_t>(n));
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

invocation_response normalize(invocation_request const& req) {
  const std::string clip = req.payload.empty() ? "data/sample.wav" : req.payload;
  std::string stats;
  if (!run_sox(clip.c_str(), stats)) return invocation_response::failure("sox failed", "Internal");
  return invocation_response::success(stats, "text/plain");
}

}  // namespace

int main() {
  run_handler(normalize);
  return 0;
}
