// Given globals whose destructor does I/O through a helper, we should report
// the destructor once (however many globals), and not a destructor that only
// releases library state.
#include <cstdio>
#include <string>

#include <sls/function.hpp>

class Spans {
 public:
  ~Spans() { post(); }  // expect: warning sls-exit-time-flush
  void add(const std::string& name) { names_ += name + ","; }  // expect: warning sls-unbounded-global-growth; error sls-request-state-in-global

 private:
  void post() { std::fputs(names_.c_str(), stdout); }
  std::string names_;
};

struct LibraryScope {
  LibraryScope() {}
  ~LibraryScope() { count_ = 0; }
  int count_ = 1;
};

static Spans g_spans;  // expect: warning sls-global-mutable-state
static Spans g_more_spans;  // expect: note sls-global-mutable-state
static const LibraryScope g_scope;

sls::Response handle(const sls::Request& request, sls::Context& context) {
  g_spans.add(request.path());
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
