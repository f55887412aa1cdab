#pragma once
// The build's one scheduler: steps (compile, lint, link, package, ...) with
// the steps each waits for, run on a fixed number of threads, each as soon as
// everything it waits for has finished. Among ready steps the one added first
// runs first, so a function's lint, link and package follow its compile
// before later functions start, and results reach the disk early.
// Steps report problems through their own results. One that throws anyway
// (a filesystem error, an allocation that fails) is caught on its thread and
// handed to the graph's failure handler with the step's label: the build
// reports it as that step's error, and the steps waiting for it still run
// (they find its result missing), so nothing escapes a worker thread.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace sls {

class TaskGraph {
public:
  using TaskId = std::size_t;
  // Told the label of a step that threw, and what it threw.
  using FailureHandler = std::function<void(const std::string& label, const std::string& what)>;

  explicit TaskGraph(FailureHandler on_failure = {}) : m_on_failure(std::move(on_failure)) {}

  // Adds a step that runs after every step in `after` (ids returned earlier);
  // `label` names it in a failure ("api/x.cpp").
  TaskId add(std::function<void()> work, const std::vector<TaskId>& after = {}, std::string label = {});

  // Runs every step, at most `jobs` at a time; returns when all have run.
  void run(unsigned jobs);

  std::size_t size() const { return m_tasks.size(); }

private:
  struct Task {
    std::function<void()> work;
    std::vector<TaskId> dependents;
    std::size_t waiting_for = 0;
    std::string label;
  };
  void run_one(Task& task) const;

  std::vector<Task> m_tasks;
  FailureHandler m_on_failure;
};

}  // namespace sls
