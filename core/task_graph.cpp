#include "core/task_graph.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>

namespace sls {

TaskGraph::TaskId TaskGraph::add(std::function<void()> work, const std::vector<TaskId>& after, std::string label) {
  TaskId id = m_tasks.size();
  m_tasks.push_back({std::move(work), {}, after.size(), std::move(label)});
  for (TaskId before : after) m_tasks.at(before).dependents.push_back(id);
  return id;
}

void TaskGraph::run_one(Task& task) const {
  try {
    task.work();
  } catch (const std::exception& error) {
    if (m_on_failure) m_on_failure(task.label, error.what());
  } catch (...) {
    if (m_on_failure) m_on_failure(task.label, "an unknown exception");
  }
}

void TaskGraph::run(unsigned jobs) {
  std::mutex mutex;
  std::condition_variable changed;
  std::priority_queue<TaskId, std::vector<TaskId>, std::greater<>> ready;  // lowest id first
  std::size_t finished = 0;
  for (TaskId id = 0; id < m_tasks.size(); ++id) {
    if (m_tasks[id].waiting_for == 0) ready.push(id);
  }
  auto worker = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return !ready.empty() || finished == m_tasks.size(); });
      if (ready.empty()) return;  // everything has run
      TaskId id = ready.top();
      ready.pop();
      lock.unlock();
      run_one(m_tasks[id]);
      lock.lock();
      ++finished;
      for (TaskId next : m_tasks[id].dependents) {
        if (--m_tasks[next].waiting_for == 0) ready.push(next);
      }
      changed.notify_all();
    }
  };
  std::size_t thread_count = std::min<std::size_t>(std::max(1u, jobs), std::max<std::size_t>(1, m_tasks.size()));
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < thread_count; ++t) threads.emplace_back(worker);
  worker();
  for (auto& thread : threads) thread.join();
}

}  // namespace sls
