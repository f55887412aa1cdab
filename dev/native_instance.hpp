#pragma once
// A native function's instance: its bundle extracted to a private temp folder, its `bootstrap`
// started there in a process group of its own (posix_spawn with POSIX_SPAWN_SETPGROUP) against
// its own Runtime API. The whole group is stopped (SIGSTOP) while the runtime waits in /next
// with nothing to do and continued (SIGCONT) when an event comes, which is the platform's
// freeze and thaw; ending the instance kills the group (SIGKILL), reaps the bootstrap and
// removes the folder. The function's stdout and stderr are printed line by line, prefixed with
// the instance's label.

#include <sys/types.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "bundler/inspect/inspect.hpp"
#include "core/expected.hpp"
#include "dev/instance.hpp"
#include "dev/runtime_api.hpp"

namespace sls::dev {

class NativeInstance final : public Instance {
public:
  // `label` names the instance in logs: "api/visits#2".
  static Expected<std::unique_ptr<NativeInstance>> start(const InspectedBundle& bundle, const std::string& label);
  ~NativeInstance() override;

  InvocationOutcome invoke(const std::string& event_json, std::chrono::milliseconds max_duration) override;
  bool alive() const override { return !m_exited; }
  pid_t process_group() const { return m_pid; }

private:
  NativeInstance(std::string label, std::filesystem::path dir);
  Status spawn(const InspectedBundle& bundle);
  void signal_group(int signal) const;
  void reap();
  void copy_output();

  std::string m_label;
  std::filesystem::path m_dir;
  std::unique_ptr<RuntimeApi> m_api;
  std::atomic<pid_t> m_pid{0};  // also the process group id
  int m_output_fd = -1;         // read end of the bootstrap's stdout and stderr
  std::atomic<bool> m_exited{false};
  std::atomic<bool> m_stopping{false};
  std::thread m_reaper;
  std::thread m_output_reader;
};

}  // namespace sls::dev
