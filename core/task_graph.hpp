#pragma once
// The build's one scheduler: steps (compile, lint, link, package, ...) with
// the steps each waits for, run on a fixed number of threads, each as soon as
// everything it waits for has finished. Among ready steps the one added first
// runs first, so a function's lint, link and package follow its compile
// before later functions start, and results reach the disk early.
// Steps must not throw; they report problems through their own results.

#include <cstddef>
#include <functional>
#include <vector>

namespace sls {

class TaskGraph {
public:
  using TaskId = std::size_t;

  // Adds a step that runs after every step in `after` (ids returned earlier).
  TaskId add(std::function<void()> work, const std::vector<TaskId>& after = {});

  // Runs every step, at most `jobs` at a time; returns when all have run.
  void run(unsigned jobs);

  std::size_t size() const { return m_tasks.size(); }

private:
  struct Task {
    std::function<void()> work;
    std::vector<TaskId> dependents;
    std::size_t waiting_for = 0;
  };
  std::vector<Task> m_tasks;
};

}  // namespace sls
