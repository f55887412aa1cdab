// sls::Context: the deadline arithmetic.
#include <sls/context.hpp>

namespace sls {

Context::Context(std::string request_id, Clock::time_point deadline, std::string function_name, std::string region)
    : m_request_id(std::move(request_id)),
      m_deadline(deadline),
      m_function_name(std::move(function_name)),
      m_region(std::move(region)) {}

std::chrono::milliseconds Context::remaining_time() const {
  if (m_deadline == Clock::time_point::max()) return k_no_deadline_remaining;
  const auto now = Clock::now();
  if (m_deadline <= now) return std::chrono::milliseconds(0);
  return std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - now);
}

}  // namespace sls
