#pragma once
// The build cache shared over HTTP (docs/design.md §8), in the layout
// bazel-remote serves, so CI runners and colleagues reuse each other's
// compiles, links and lint results:
//
//   /cas/<sha256 of the bytes>   the content of a store entry
//   /ac/<store key>              the sha256 of that content (64 hex digits)
//
// (bazel-remote stores such /ac/ entries when run with
// --disable_http_ac_validation; nginx's WebDAV module serves the layout as
// files, docs/configuration.md.) Content from the server is checked against
// its sha256 before it is used, so a damaged or foreign entry is a miss,
// never a shipped result. A server that cannot be reached or answers with an
// error is reported once and not asked again during the build.
//
// Uploads never hold up a build step: put() queues the bytes for one upload
// thread, which keeps its connection open between requests; drain() waits
// for the queue before the build reports.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace sls {

class RemoteCache {
public:
  // `base_url`: http://host:port, optionally with a path prefix.
  explicit RemoteCache(std::string base_url);
  ~RemoteCache();  // drains the upload queue
  RemoteCache(const RemoteCache&) = delete;
  RemoteCache& operator=(const RemoteCache&) = delete;

  const std::string& base_url() const { return m_base; }

  // The content stored under `key`, or nullopt (absent, damaged, or the server is unusable).
  std::optional<std::string> get(std::string_view key);
  // Queues `bytes` for upload under `key`; a failure only disables the remote cache.
  void put(std::string_view key, std::string_view bytes);
  // Returns once every queued upload was sent (or given up on).
  void drain();

  // The first problem met, for one warning; empty when there was none.
  std::string problem() const;
  std::size_t downloads() const { return m_downloads; }
  std::size_t uploads() const { return m_uploads; }

private:
  struct Reply {
    long status = 0;
    std::string body;
  };
  struct Upload {
    std::string key, bytes;
  };
  std::optional<Reply> send(void* curl, const char* method, const std::string& path, std::string_view body);
  void upload(void* curl, const Upload& item);
  void upload_loop();
  void give_up(std::string problem);

  std::string m_base;
  std::atomic<bool> m_unusable{false};
  std::atomic<std::size_t> m_downloads{0}, m_uploads{0};
  mutable std::mutex m_mutex;
  std::string m_problem;

  std::mutex m_queue_mutex;
  std::condition_variable m_queue_changed;
  std::deque<Upload> m_queue;
  std::size_t m_queued_bytes = 0;  // put() waits while this is over a limit, so memory stays bounded
  bool m_uploading = false;  // the thread holds an item it has not finished
  bool m_stopping = false;
  std::thread m_uploader;  // started by the first put()
};

// The remote cache SLS_REMOTE_CACHE names, if it is set.
std::unique_ptr<RemoteCache> remote_cache_from_environment();

}  // namespace sls
