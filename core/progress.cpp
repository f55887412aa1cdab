#include "core/progress.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace sls {

Progress::Style Progress::style_for(std::FILE* out) {
  const char* term = std::getenv("TERM");
  bool dumb = term && std::strcmp(term, "dumb") == 0;
  bool ci = std::getenv("CI") != nullptr;
  return ::isatty(::fileno(out)) && !dumb && !ci ? Style::Live : Style::Lines;
}

void Progress::add_total(std::size_t steps) {
  std::lock_guard lock(m_mutex);
  m_total += steps;
}

void Progress::started(const std::string& verb, const std::string& what) {
  std::lock_guard lock(m_mutex);
  ++m_done;
  if (m_style == Style::Silent) return;
  std::string line =
      "[" + std::to_string(m_done) + "/" + std::to_string(std::max(m_total, m_done)) + "] " + verb + " " + what;
  if (m_style == Style::Live) {
    std::fprintf(m_out, "\r\033[K%s", line.c_str());
    m_line_open = true;
  } else {
    std::fprintf(m_out, "%s\n", line.c_str());
  }
  std::fflush(m_out);
}

void Progress::skipped() {
  std::lock_guard lock(m_mutex);
  ++m_done;
}

void Progress::finish() {
  std::lock_guard lock(m_mutex);
  if (m_line_open) std::fprintf(m_out, "\r\033[K");
  m_line_open = false;
  std::fflush(m_out);
}

}  // namespace sls
