// What the platform says about the current invocation.
// Include guards, not #pragma once: see function.hpp.
#ifndef SLS_CONTEXT_HPP
#define SLS_CONTEXT_HPP

#include <chrono>
#include <string>

namespace sls {

class Context {
public:
  using Clock = std::chrono::system_clock;
  // What remaining_time() reports when the platform gave no deadline (CGI, WAGI).
  static constexpr std::chrono::milliseconds k_no_deadline_remaining = std::chrono::hours(24);

  Context() = default;
  // `deadline` == Clock::time_point::max() means "no deadline".
  Context(std::string request_id, Clock::time_point deadline, std::string function_name, std::string region);

  const std::string& request_id() const noexcept { return m_request_id; }
  // Time left before the platform kills the invocation; never negative.
  std::chrono::milliseconds remaining_time() const;
  const std::string& function_name() const noexcept { return m_function_name; }
  const std::string& region() const noexcept { return m_region; }

private:
  std::string m_request_id;
  Clock::time_point m_deadline = Clock::time_point::max();
  std::string m_function_name;
  std::string m_region;
};

}  // namespace sls

#endif  // SLS_CONTEXT_HPP
