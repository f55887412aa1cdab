#include "core/task_graph.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace sls {
namespace {

TEST(TaskGraphTest, EveryStepRunsAfterTheStepsItWaitsFor) {
  // Given a diamond of steps on four threads, we should run each once and never before its inputs.
  TaskGraph graph;
  std::mutex mutex;
  std::vector<int> order;
  auto record = [&](int step) {
    return [&, step] {
      std::this_thread::sleep_for(std::chrono::milliseconds(step == 1 ? 30 : 1));
      std::lock_guard lock(mutex);
      order.push_back(step);
    };
  };
  auto first = graph.add(record(0));
  auto slow = graph.add(record(1), {first});
  auto fast = graph.add(record(2), {first});
  graph.add(record(3), {slow, fast});
  graph.run(4);
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order.front(), 0);
  EXPECT_EQ(order.back(), 3);
}

TEST(TaskGraphTest, ReadyStepsRunInTheOrderTheyWereAdded) {
  // Given one thread, a step that became ready should run before later-added ready steps.
  TaskGraph graph;
  std::vector<int> order;
  auto compile_a = graph.add([&] { order.push_back(0); });
  graph.add([&] { order.push_back(1); }, {compile_a});  // a's link, added before b's compile
  graph.add([&] { order.push_back(2); });
  graph.run(1);
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
}

TEST(TaskGraphTest, RunsAtMostJobsStepsAtOnce) {
  // Given twelve independent steps and two jobs, we should never see three running together.
  TaskGraph graph;
  std::atomic<int> running{0}, most{0};
  for (int i = 0; i < 12; ++i) {
    graph.add([&] {
      int now = ++running;
      for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      --running;
    });
  }
  graph.run(2);
  EXPECT_EQ(most, 2);
}

TEST(TaskGraphTest, AnEmptyGraphReturns) {
  TaskGraph graph;
  graph.run(8);
  EXPECT_EQ(graph.size(), 0u);
}

}  // namespace
}  // namespace sls
