#include "dev/console.hpp"

#include <unistd.h>

#include <mutex>
#include <string>

namespace sls::dev {

void print_line(std::string_view line) {
  static std::mutex mutex;
  std::string text = std::string(line) + "\n";
  std::lock_guard lock(mutex);
  std::string_view rest = text;
  while (!rest.empty()) {
    ssize_t n = ::write(STDERR_FILENO, rest.data(), rest.size());
    if (n <= 0) return;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace sls::dev
