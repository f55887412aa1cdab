// Given files created under /tmp per request, we should report those that are
// never removed (a mkstemp file, a name built at run time), and not mkstemp +
// unlink, removal by a helper, a name handed to the caller, tmpfile(), or a
// cache that checks for its file first.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <sls/function.hpp>

static void discard(const char* path) { unlink(path); }

static void leak_unique() {
  char name[] = "/tmp/leak-XXXXXX";
  close(mkstemp(name));  // expect: warning sls-tmp-lifecycle
}

static void unlink_unique() {
  char name[] = "/tmp/clean-XXXXXX";
  const int fd = mkstemp(name);
  unlink(name);
  close(fd);
}

static void helper_removes() {
  char name[] = "/tmp/helper-XXXXXX";
  close(mkstemp(name));
  discard(name);
}

static std::string caller_owns() {
  char name[] = "/tmp/spool-XXXXXX";
  close(mkstemp(name));
  return name;
}

static void leak_computed(const std::string& id) {
  std::ofstream copy("/tmp/copy-" + id);  // expect: warning sls-tmp-lifecycle
  copy << id;
}

static void remove_computed(const std::string& id) {
  const std::string path = "/tmp/kept-" + id;
  std::ofstream(path) << id;
  std::remove(path.c_str());
}

static void cache_computed(const std::string& key) {
  const std::string path = "/tmp/cache-" + key;
  if (!std::filesystem::exists(path)) std::ofstream(path) << key;
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  leak_unique();
  unlink_unique();
  helper_removes();
  const std::string spool = caller_owns();
  leak_computed(request.query("id"));
  remove_computed(request.query("id"));
  cache_computed(request.query("key"));
  std::FILE* scratch = std::tmpfile();
  if (scratch) std::fclose(scratch);
  unlink(spool.c_str());
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
