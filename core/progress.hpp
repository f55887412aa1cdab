#pragma once
// Progress of a build, as ninja shows it: on a terminal one live status line
// ("[17/50] compile api/users/[id].cpp") rewritten in place; in CI or when
// piped, one plain line per step that does work. Thread-safe.

#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace sls {

class Progress {
public:
  enum class Style { Live, Lines, Silent };
  explicit Progress(Style style, std::FILE* out = stderr) : m_style(style), m_out(out) {}
  ~Progress() { finish(); }

  // The live style on a terminal (unless NO_COLOR/TERM=dumb), plain lines otherwise.
  static Style style_for(std::FILE* out);

  void add_total(std::size_t steps);
  // A step that runs (compile, link, package) — shown.
  void started(const std::string& verb, const std::string& what);
  // A step satisfied from the cache — counted, not shown.
  void skipped();
  // Clears the live line.
  void finish();

private:
  Style m_style;
  std::FILE* m_out;
  std::mutex m_mutex;
  std::size_t m_total = 0;
  std::size_t m_done = 0;
  bool m_line_open = false;
};

}  // namespace sls
