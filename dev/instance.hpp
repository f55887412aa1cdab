#pragma once
// One execution environment of a function, as the instance pool sees it. The native instance is
// the real one (native_instance.hpp); tests give the pool fakes.

#include <chrono>
#include <string>

#include "dev/runtime_api.hpp"

namespace sls::dev {

class Instance {
public:
  // Destroying an instance stops it: nothing it started survives.
  virtual ~Instance() = default;
  // Runs one invocation; an invocation longer than `max_duration` ends the instance (TimedOut).
  // Called from several threads at once when the function's concurrency is above 1.
  virtual InvocationOutcome invoke(const std::string& event_json, std::chrono::milliseconds max_duration) = 0;
  // False once the instance cannot serve again (its process ended, or it was killed).
  virtual bool alive() const = 0;
};

}  // namespace sls::dev
