#pragma once
// A content-addressed store for build results, shared by every project of a
// user ($XDG_CACHE_HOME/sls/store). Entries are zstd-compressed and carry the
// sha256 of their content, checked on every read: a corrupt entry is deleted
// and reported as a miss, so it is rebuilt and never shipped. Writes go to a
// temporary file and are published with rename(2), so two sls processes can
// use the store at once. Reads refresh an entry's mtime, which makes pruning
// by oldest mtime a least-recently-used eviction. With a remote cache
// (remote_cache.hpp), local misses are looked up there and new entries are
// uploaded.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/expected.hpp"

namespace sls {

class RemoteCache;

struct StoreStats {
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;  // compressed, on disk
};

class ContentStore {
public:
  explicit ContentStore(std::filesystem::path root);

  const std::filesystem::path& root() const { return m_root; }

  // Entries are also looked up in, and new ones uploaded to, this shared
  // cache (null: none). It must outlive the store's use.
  void use_remote(RemoteCache* remote) { m_remote = remote; }

  // `key` is a lower-case hex digest (at least 8 characters).
  Status put(std::string_view key, std::string_view bytes);
  std::optional<std::string> get(std::string_view key);
  bool contains(std::string_view key);

  StoreStats stats() const;
  // Deletes least recently used entries until the store holds at most `max_bytes`.
  StoreStats prune(std::uint64_t max_bytes);
  std::uint64_t corrupt_entries_discarded() const { return m_corrupt; }
  // Lookups so far (get and contains), for the build's --json report: a no-op makes none.
  std::uint64_t reads() const { return m_reads; }

private:
  std::filesystem::path entry_path(std::string_view key) const;
  Status put_local(std::string_view key, std::string_view bytes);
  std::optional<std::string> get_local(std::string_view key);
  std::filesystem::path m_root;
  std::atomic<std::uint64_t> m_corrupt{0};  // build steps read the store from many threads
  std::atomic<std::uint64_t> m_reads{0};
  RemoteCache* m_remote = nullptr;
};

// "1500", "500M", "1.5G", "2T" (binary units; "GB" is read as G) as bytes; an
// error for anything else: a typo must never mean 0 and empty the store.
Expected<std::uint64_t> parse_byte_size(std::string_view text);

// 5 GiB unless SLS_CACHE_MAX_SIZE says otherwise; an error when it is no size.
Expected<std::uint64_t> configured_cache_limit();

}  // namespace sls
