// Thumbnails for user avatars. The upload goes to a private temporary file,
// the converter writes to a pipe, and the file is removed before returning.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

bool write_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

bool convert(const char* input, std::string& jpeg) {
  int out[2];
  if (pipe(out) != 0) return false;
  pid_t child = fork();
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    execlp("convert", "convert", input, "-thumbnail", "128x128", "jpg:-", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  char buf[4096];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf)) > 0) jpeg.append(buf, static_cast<size_t>(n));
  close(out[0]);
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  char path[] = "/tmp/avatar-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return sls::Response::text(500, "no temporary space");
  const bool stored = write_all(fd, req.body());
  close(fd);

  std::string jpeg;
  const bool ok = stored && convert(path, jpeg);
  unlink(path);
  if (!ok) return sls::Response::text(422, "could not convert the image");

  sls::Response res;
  res.body = std::move(jpeg);
  res.set_header("content-type", "image/jpeg");
  return res;
}

SLS_HANDLER(handle)
