// Given pid, hostname and boot id, we should report them when used as unique
// ids or seeds, and not in log lines.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

#include <sls/function.hpp>

struct Job {
  std::string job_id;
};

sls::Response handle(const sls::Request& request, sls::Context& context) {
  std::string request_id = std::to_string(getpid()) + "-" + std::to_string(rand());  // expect: warning sls-instance-identity; warning sls-userspace-prng
  char host_id[64];
  gethostname(host_id, sizeof host_id);                                            // expect: warning sls-instance-identity
  Job job;
  job.job_id = std::to_string(getpid());                                           // expect: warning sls-instance-identity
  char nonce[32];
  std::snprintf(nonce, sizeof nonce, "%d", getpid());                              // expect: warning sls-instance-identity
  std::ifstream boot("/proc/sys/kernel/random/boot_id");                           // expect: warning sls-instance-identity
  std::fprintf(stderr, "pid %d handling request\n", getpid());                    // logging: fine
  char host[64];
  gethostname(host, sizeof host);                                                  // a hostname for display
  int pid = getpid();                                                              // a pid, not an id
  std::string valid = std::to_string(pid);                                         // "valid" is not "id"
  return sls::Response::text(200, (request_id + host + valid).c_str());
}
SLS_HANDLER(handle)
