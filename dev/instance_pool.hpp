#pragma once
// The instances of one native function, as the platform keeps them: an instance is started on
// a request that finds none to take it (a cold start), kept after answering (warm), and evicted
// after an idle time. Up to `max_instances` live side by side; requests are spread over them
// round-robin, a new one being started while fewer than the maximum exist, so state kept in
// globals visibly differs between them. Each instance takes up to `concurrency` requests at once
// (Lambda Managed Instances); when every instance is full, a request waits for a free one.
//
// An invocation that times out, or whose process dies, takes its instance with it. After a
// rebuild changed the bundle, `replace` retires the old instances: they finish what they are
// doing and are stopped, and new requests start fresh ones from the new bundle.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.hpp"
#include "dev/instance.hpp"

namespace sls::dev {

struct PoolSettings {
  int max_instances = 1;
  int concurrency = 1;
  std::chrono::milliseconds max_duration{10'000};
  std::chrono::milliseconds idle_timeout{300'000};
};

// Starts instance number `number` of the function (1, 2, … over the pool's life).
using InstanceFactory = std::function<Expected<std::unique_ptr<Instance>>(int number)>;

// The choice for one request, made from the live instances' loads alone (so it is testable).
struct SlotChoice {
  enum class Kind { Use, Start, Wait };
  Kind kind = Kind::Wait;
  std::size_t index = 0;  // for Use
};

// `in_flight[i]` is what instance i is serving; `cursor` is where the round-robin goes on from.
SlotChoice choose_slot(const std::vector<int>& in_flight, int max_instances, int concurrency, std::size_t& cursor);

struct ServedInvocation {
  InvocationOutcome outcome;
  int instance_number = 0;  // 0 when no instance could be started
  bool cold = false;        // the instance was started for this request
};

class InstancePool {
public:
  InstancePool(std::string function, PoolSettings settings, InstanceFactory factory);
  ~InstancePool();  // stops every instance

  ServedInvocation invoke(const std::string& event_json);

  // New settings and bundle (through the factory): old instances retire as described above.
  void replace(PoolSettings settings, InstanceFactory factory);

  // Stops the instances idle for at least the idle timeout at `now`; returns their numbers.
  std::vector<int> evict_idle(std::chrono::steady_clock::time_point now);

  std::size_t live_instances() const;

private:
  struct Slot {
    int number = 0;
    std::shared_ptr<Instance> instance;  // null while it starts
    int in_flight = 0;
    bool retiring = false;
    std::string start_failure;  // set when the instance could not be started
    std::chrono::steady_clock::time_point last_used = std::chrono::steady_clock::now();
  };
  using SlotPointer = std::shared_ptr<Slot>;

  SlotPointer take_slot(std::unique_lock<std::mutex>& lock, bool& cold, InstanceFactory& factory);
  std::optional<InvocationOutcome> start_instance(std::unique_lock<std::mutex>& lock, const SlotPointer& slot,
                                                  const InstanceFactory& factory);
  void give_back(const SlotPointer& slot, const InvocationOutcome& outcome);
  std::vector<SlotPointer> live_slots() const;

  std::string m_function;
  PoolSettings m_settings;
  InstanceFactory m_factory;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<SlotPointer> m_slots;
  std::size_t m_cursor = 0;
  int m_started = 0;
};

}  // namespace sls::dev
