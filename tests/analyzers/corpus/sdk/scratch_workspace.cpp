// Unpacks an uploaded tarball into a private scratch folder, lists it, and
// removes the folder before answering.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

bool untar(const std::string& archive_bytes, const char* dir) {
  FILE* archive = std::tmpfile();
  if (!archive) return false;
  std::fwrite(archive_bytes.data(), 1, archive_bytes.size(), archive);
  std::fflush(archive);
  std::rewind(archive);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fileno(archive), STDIN_FILENO);
    execlp("tar", "tar", "-x", "-C", dir, "-f", "-", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::fclose(archive);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  char dir[] = "/tmp/unpack-XXXXXX";
  if (!mkdtemp(dir)) return sls::Response::text(500, "no scratch space");
  std::string listing;
  if (untar(req.body(), dir)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      listing += entry.path().lexically_relative(dir).string() + "\n";
    }
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (listing.empty()) return sls::Response::text(422, "not a tar archive");
  return sls::Response::text(200, listing);
}

SLS_HANDLER(handle)
