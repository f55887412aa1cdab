// Given fixed /tmp files opened during initialisation, we should report a write
// handle kept in static storage (every request then writes to one file that
// grows while the instance is warm and is shared by concurrent requests), and
// not a file written and closed at init (once per instance) nor a kept handle
// that no request writes to. Given reads of a
// fixed /tmp file, a loop over what it holds is no check that it exists.
#include <cstdio>
#include <fstream>
#include <string>

#include <sls/function.hpp>

static FILE* g_access_log = std::fopen("/tmp/access.log", "a");  // expect: warning sls-tmp-lifecycle; note sls-global-mutable-state

static FILE* g_boot_log = std::fopen("/tmp/boot.log", "w");  // kept, but no request writes to it  // expect: note sls-global-mutable-state

static std::ofstream g_trace("/tmp/trace.txt");  // expect: warning sls-tmp-lifecycle; warning sls-global-mutable-state; warning sls-exit-time-flush

class Spool {
 public:
  Spool() : file_(std::fopen("/tmp/spool.ndjson", "a")) {}  // expect: warning sls-tmp-lifecycle
  void add(const std::string& line) {
    if (file_) std::fprintf(file_, "%s\n", line.c_str());
  }

 private:
  FILE* file_;
};

static Spool g_spool;  // expect: warning sls-global-mutable-state

static const bool g_model_written = [] {
  FILE* model = std::fopen("/tmp/model.bin", "wb");  // written and closed once per instance
  if (!model) return false;
  std::fputs("weights", model);
  std::fclose(model);
  return true;
}();

static int count_words(const std::string& text) {
  std::ifstream words("/tmp/words.txt");  // expect: warning sls-tmp-lifecycle
  std::string word;
  int hits = 0;
  while (words >> word) hits += text.find(word) != std::string::npos;
  return hits;
}

static int count_checked(const std::string& text) {
  std::ifstream words("/tmp/stopwords.txt");
  if (!words) return -1;
  std::string word;
  int hits = 0;
  while (words >> word) hits += text.find(word) != std::string::npos;
  return hits;
}

sls::Response handle(const sls::Request& request, sls::Context&) {
  std::fputs("request\n", g_access_log);
  g_trace << request.path() << '\n';
  g_spool.add(request.body());
  const int hits = g_model_written ? count_words(request.body()) + count_checked(request.body()) : 0;
  return sls::Response::text(200, std::to_string(hits).c_str());
}
SLS_HANDLER(handle)
