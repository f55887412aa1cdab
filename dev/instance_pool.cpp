#include "dev/instance_pool.hpp"

#include <algorithm>

namespace sls::dev {

SlotChoice choose_slot(const std::vector<int>& in_flight, int max_instances, int concurrency, std::size_t& cursor) {
  if (static_cast<int>(in_flight.size()) < max_instances) return {SlotChoice::Kind::Start, 0};
  for (std::size_t step = 0; step < in_flight.size(); ++step) {
    std::size_t index = (cursor + step) % in_flight.size();
    if (in_flight[index] < concurrency) {
      cursor = index + 1;
      return {SlotChoice::Kind::Use, index};
    }
  }
  return {SlotChoice::Kind::Wait, 0};
}

InstancePool::InstancePool(std::string function, PoolSettings settings, InstanceFactory factory)
    : m_function(std::move(function)), m_settings(settings), m_factory(std::move(factory)) {}

InstancePool::~InstancePool() {
  std::vector<SlotPointer> slots;
  {
    std::lock_guard lock(m_mutex);
    slots.swap(m_slots);
  }
  // Each Instance is stopped when the last holder lets go: here, or by an invocation in flight.
}

std::vector<InstancePool::SlotPointer> InstancePool::live_slots() const {
  std::vector<SlotPointer> live;
  for (const SlotPointer& slot : m_slots)
    if (!slot->retiring) live.push_back(slot);
  return live;
}

// With the lock held on entry and exit (released while an instance starts).
InstancePool::SlotPointer InstancePool::take_slot(std::unique_lock<std::mutex>& lock, bool& cold,
                                                  InstanceFactory& factory) {
  for (;;) {
    std::vector<SlotPointer> live = live_slots();
    std::vector<int> loads;
    for (const SlotPointer& slot : live) loads.push_back(slot->in_flight);
    SlotChoice choice = choose_slot(loads, m_settings.max_instances, m_settings.concurrency, m_cursor);
    if (choice.kind == SlotChoice::Kind::Use) {
      ++live[choice.index]->in_flight;
      cold = false;
      return live[choice.index];
    }
    if (choice.kind == SlotChoice::Kind::Start) {
      auto slot = std::make_shared<Slot>();
      slot->number = ++m_started;
      slot->in_flight = 1;
      m_slots.push_back(slot);
      factory = m_factory;
      cold = true;
      return slot;
    }
    m_changed.wait(lock);
  }
}

// Starts the instance of a slot just made (the lock is released meanwhile); an outcome when it failed.
std::optional<InvocationOutcome> InstancePool::start_instance(std::unique_lock<std::mutex>& lock,
                                                              const SlotPointer& slot, const InstanceFactory& factory) {
  lock.unlock();
  auto started = factory(slot->number);  // extracting and spawning: not under the lock
  lock.lock();
  m_changed.notify_all();
  if (started) {
    slot->instance = std::move(*started);
    return std::nullopt;
  }
  slot->start_failure = started.error().message;
  std::erase(m_slots, slot);
  return InvocationOutcome{InvocationOutcome::Kind::InitError, "", slot->start_failure};
}

ServedInvocation InstancePool::invoke(const std::string& event_json) {
  std::unique_lock lock(m_mutex);
  bool cold = false;
  InstanceFactory factory;
  SlotPointer slot = take_slot(lock, cold, factory);
  std::chrono::milliseconds max_duration = m_settings.max_duration;
  if (cold) {
    if (auto failed = start_instance(lock, slot, factory)) return {*failed, slot->number, true};
  } else {
    // Another request is starting this instance (concurrency > 1): wait until it is up.
    m_changed.wait(lock, [&] { return slot->instance || !slot->start_failure.empty(); });
    if (!slot->instance) return {{InvocationOutcome::Kind::InitError, "", slot->start_failure}, slot->number, false};
  }
  std::shared_ptr<Instance> instance = slot->instance;
  lock.unlock();
  ServedInvocation served{instance->invoke(event_json, max_duration), slot->number, cold};
  give_back(slot, served.outcome);
  return served;
}

void InstancePool::give_back(const SlotPointer& slot, const InvocationOutcome& outcome) {
  std::shared_ptr<Instance> stopped;  // destroyed (so stopped) after the lock is released
  {
    std::lock_guard lock(m_mutex);
    --slot->in_flight;
    slot->last_used = std::chrono::steady_clock::now();
    bool broken = outcome.kind == InvocationOutcome::Kind::TimedOut ||
                  outcome.kind == InvocationOutcome::Kind::Exited ||
                  outcome.kind == InvocationOutcome::Kind::InitError || !slot->instance || !slot->instance->alive();
    if (broken || (slot->retiring && slot->in_flight == 0)) {
      std::erase(m_slots, slot);
      stopped = std::move(slot->instance);
    }
    m_changed.notify_all();
  }
}

void InstancePool::replace(PoolSettings settings, InstanceFactory factory) {
  std::vector<SlotPointer> idle;
  {
    std::lock_guard lock(m_mutex);
    m_settings = settings;
    m_factory = std::move(factory);
    for (const SlotPointer& slot : m_slots) {
      slot->retiring = true;
      if (slot->in_flight == 0) idle.push_back(slot);
    }
    for (const SlotPointer& slot : idle) std::erase(m_slots, slot);
    m_changed.notify_all();
  }
}

std::vector<int> InstancePool::evict_idle(std::chrono::steady_clock::time_point now) {
  std::vector<SlotPointer> evicted;
  std::vector<int> numbers;
  {
    std::lock_guard lock(m_mutex);
    for (const SlotPointer& slot : m_slots)
      if (slot->instance && slot->in_flight == 0 && now - slot->last_used >= m_settings.idle_timeout)
        evicted.push_back(slot);
    for (const SlotPointer& slot : evicted) {
      std::erase(m_slots, slot);
      numbers.push_back(slot->number);
    }
    m_changed.notify_all();
  }
  return numbers;  // `evicted` goes out of scope here: the instances stop outside the lock
}

std::size_t InstancePool::live_instances() const {
  std::lock_guard lock(m_mutex);
  return live_slots().size();
}

}  // namespace sls::dev
