#pragma once
// Runs independent jobs on a fixed number of threads. Jobs must not throw
// across this boundary; they report problems through their own results.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace sls {

inline unsigned default_job_count() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls job(i) for every i in [0, count), at most `jobs` at a time.
inline void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) job(i);
  };
  std::size_t thread_count = std::min<std::size_t>(std::max(1u, jobs), count);
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < thread_count; ++t) threads.emplace_back(worker);
  if (thread_count > 0) worker();
  for (auto& thread : threads) thread.join();
}

}  // namespace sls
