// Statistics for a bundled git repository snapshot: commit count and the top
// authors, computed by running git and waiting for it.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string run(const char* cmd) {
  std::string out;
  FILE* p = popen(cmd, "r");
  if (!p) return out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  pclose(p);
  return out;
}

bool verify_snapshot() {
  pid_t child = fork();
  if (child < 0) return false;
  if (child == 0) {
    execlp("git", "git", "-C", "repo", "fsck", "--no-dangling", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (req.query("verify") == "1" && !verify_snapshot()) return sls::Response::text(500, "snapshot corrupt");
  if (std::system("git -C repo rev-parse --is-inside-work-tree > /dev/null 2>&1") != 0) {
    return sls::Response::text(500, "no repository in the bundle");
  }
  const std::string count = run("git -C repo rev-list --count HEAD");
  const std::string authors = run("git -C repo shortlog -sn HEAD | head -5");
  std::string body = "commits: " + count + "top authors:\n" + authors;
  return sls::Response::text(200, body);
}

SLS_HANDLER(handle)
