#include "dev/watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sls::dev {
namespace fs = std::filesystem;
namespace {

constexpr std::uint32_t k_events = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                   IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

bool is_ignored_folder(const fs::path& root, const fs::path& dir) {
  std::string first = dir.lexically_relative(root).begin()->string();
  return first == ".sls" || first == ".git";
}

}  // namespace

Expected<std::unique_ptr<Watcher>> Watcher::open(const fs::path& project_dir) {
  int inotify_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd < 0) return make_error(std::string("inotify: ") + std::strerror(errno));
  int stop_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  std::unique_ptr<Watcher> watcher(new Watcher(fs::absolute(project_dir).lexically_normal(), inotify_fd, stop_fd));
  watcher->watch_tree(watcher->m_root);
  return watcher;
}

Watcher::Watcher(fs::path root, int inotify_fd, int stop_fd)
    : m_root(std::move(root)), m_inotify_fd(inotify_fd), m_stop_fd(stop_fd) {}

Watcher::~Watcher() {
  ::close(m_inotify_fd);
  ::close(m_stop_fd);
}

void Watcher::stop() {
  std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(m_stop_fd, &one, sizeof one);
}

// Adds `dir` and every folder below it (a folder created with content already in it included).
void Watcher::watch_tree(const fs::path& dir) {
  if (dir != m_root && is_ignored_folder(m_root, dir)) return;
  int wd = ::inotify_add_watch(m_inotify_fd, dir.c_str(), k_events | IN_ONLYDIR);
  if (wd < 0) return;  // gone already, or not a folder
  m_watched[wd] = dir;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) watch_tree(it->path());
}

std::string Watcher::drain_events() {
  alignas(inotify_event) char buffer[16384];
  std::string changed;
  for (;;) {
    ssize_t n = ::read(m_inotify_fd, buffer, sizeof buffer);
    if (n <= 0) return changed;  // EAGAIN: nothing more queued
    for (char* at = buffer; at < buffer + n;) {
      auto* event = reinterpret_cast<inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      auto folder = m_watched.find(event->wd);
      if (folder == m_watched.end()) continue;
      fs::path path = event->len > 0 ? folder->second / event->name : folder->second;
      if (event->mask & IN_IGNORED) {
        m_watched.erase(folder);
        continue;
      }
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path);
      bool top_level_file = folder->second == m_root && !(event->mask & IN_ISDIR);
      if (top_level_file && path.filename() != "sls.toml") continue;
      if (path != m_root && is_ignored_folder(m_root, path)) continue;
      if (changed.empty()) changed = path.lexically_relative(m_root).generic_string();
    }
  }
}

bool Watcher::wait_readable(int timeout_ms) {
  pollfd fds[2] = {{m_inotify_fd, POLLIN, 0}, {m_stop_fd, POLLIN, 0}};
  while (::poll(fds, 2, timeout_ms) < 0 && errno == EINTR) {
  }
  return !(fds[1].revents & POLLIN);
}

std::optional<std::string> Watcher::wait_for_change(std::chrono::milliseconds debounce) {
  std::string changed;
  while (changed.empty()) {
    if (!wait_readable(-1)) return std::nullopt;
    changed = drain_events();
  }
  // Quiet for `debounce` in a row: every further event starts the wait again.
  for (;;) {
    pollfd fd{m_inotify_fd, POLLIN, 0};
    int ready;
    while ((ready = ::poll(&fd, 1, static_cast<int>(debounce.count()))) < 0 && errno == EINTR) {
    }
    if (ready == 0) return changed;
    drain_events();
    if (!wait_readable(0)) return std::nullopt;
  }
}

}  // namespace sls::dev
