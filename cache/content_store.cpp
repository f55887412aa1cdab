#include "cache/content_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

#include <zstd.h>

#include "cache/remote_cache.hpp"
#include "core/file_system.hpp"
#include "core/sha256.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// Entry layout: magic line, hex sha256 of the content, newline, zstd frame.
constexpr std::string_view k_magic = "sls-store-1\n";
constexpr std::size_t k_digest_length = 64;
constexpr int k_compression_level = 3;  // fast; objects compress about 3x

std::string compress(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  std::size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), k_compression_level);
  out.resize(ZSTD_isError(size) ? 0 : size);
  return out;
}

// A frame declaring more than this many bytes per byte it holds is damage,
// not data: zstd's real ratios on build output are below 20, and believing
// the header would allocate whatever a damaged entry claims (a terabyte).
constexpr unsigned long long k_max_expansion = 1024;
constexpr unsigned long long k_max_entry_size = 4ull << 30;

std::optional<std::string> decompress(std::string_view frame) {
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) return std::nullopt;
  if (size > k_max_entry_size || size > frame.size() * k_max_expansion + 4096) return std::nullopt;
  std::string out(size, '\0');
  std::size_t got = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(got) || got != size) return std::nullopt;
  return out;
}

std::optional<std::string> decode_entry(const std::string& stored) {
  std::size_t header = k_magic.size() + k_digest_length + 1;
  if (stored.size() < header || stored.compare(0, k_magic.size(), k_magic) != 0) return std::nullopt;
  std::string digest = stored.substr(k_magic.size(), k_digest_length);
  auto content = decompress(std::string_view(stored).substr(header));
  if (!content || sha256_hex(*content) != digest) return std::nullopt;
  return content;
}

struct EntryFile {
  fs::path path;
  std::uint64_t size;
  std::int64_t mtime_ns;
};

std::vector<EntryFile> list_entries(const fs::path& root) {
  std::vector<EntryFile> entries;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    struct stat info{};
    if (!it->is_regular_file(ec) || ::stat(it->path().c_str(), &info) != 0) continue;
    if (it->path().filename().string().find(".tmp") != std::string::npos) continue;
    entries.push_back({it->path(), static_cast<std::uint64_t>(info.st_size),
                       info.st_mtim.tv_sec * 1000000000LL + info.st_mtim.tv_nsec});
  }
  return entries;
}

}  // namespace

ContentStore::ContentStore(fs::path root) : m_root(std::move(root)) {}

fs::path ContentStore::entry_path(std::string_view key) const {
  std::string name(key);
  return m_root / name.substr(0, 2) / name.substr(2);
}

Status ContentStore::put(std::string_view key, std::string_view bytes) {
  if (Status stored = put_local(key, bytes); !stored) return stored;
  if (m_remote) m_remote->put(key, bytes);
  return Ok{};
}

Status ContentStore::put_local(std::string_view key, std::string_view bytes) {
  if (key.size() < 8) return make_error("cache key too short");
  std::string entry(k_magic);
  entry += sha256_hex(bytes) + "\n" + compress(bytes);
  return write_file_atomically(entry_path(key), entry, fs::perms(0644));
}

std::optional<std::string> ContentStore::get(std::string_view key) {
  ++m_reads;
  if (auto local = get_local(key)) return local;
  // A miss here may be a hit of the shared cache; keep what it sends for next time.
  auto remote = m_remote ? m_remote->get(key) : std::nullopt;
  if (remote) put_local(key, *remote);
  return remote;
}

std::optional<std::string> ContentStore::get_local(std::string_view key) {
  fs::path path = entry_path(key);
  auto stored = read_file(path);
  if (!stored) return std::nullopt;
  auto content = decode_entry(*stored);
  if (!content) {
    std::error_code ec;
    fs::remove(path, ec);  // corrupt: discard so it is rebuilt, never shipped
    ++m_corrupt;
    return std::nullopt;
  }
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // now: most recently used
  return content;
}

bool ContentStore::contains(std::string_view key) {
  ++m_reads;
  std::error_code ec;
  if (fs::is_regular_file(entry_path(key), ec)) return true;
  return m_remote && get(key).has_value();  // fetched into the local store
}

StoreStats ContentStore::stats() const {
  StoreStats stats;
  for (const EntryFile& entry : list_entries(m_root)) {
    ++stats.entries;
    stats.bytes += entry.size;
  }
  return stats;
}

StoreStats ContentStore::prune(std::uint64_t max_bytes) {
  std::vector<EntryFile> entries = list_entries(m_root);
  std::sort(entries.begin(), entries.end(),
            [](const EntryFile& a, const EntryFile& b) { return a.mtime_ns > b.mtime_ns; });
  StoreStats kept;
  for (const EntryFile& entry : entries) {
    if (kept.bytes + entry.size <= max_bytes) {
      kept.bytes += entry.size;
      ++kept.entries;
      continue;
    }
    std::error_code ec;
    fs::remove(entry.path, ec);
  }
  return kept;
}

Expected<std::uint64_t> parse_byte_size(std::string_view text) {
  auto bad = [&] {
    return make_error("'" + std::string(text) + "' is not a size: write bytes or a number with K, M, G or T, e.g. 500M or 1.5G");
  };
  std::size_t digits = 0;
  while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) ++digits;
  std::string number(text.substr(0, digits));
  std::string unit(text.substr(digits));
  if (number.empty() || std::count(number.begin(), number.end(), '.') > 1 || number == ".") return bad();
  if (unit.size() == 2 && (unit[1] == 'B' || unit[1] == 'b')) unit.pop_back();  // "1GB" means 1G
  static const std::string k_units = "KMGT";
  int shift = 0;
  if (!unit.empty()) {
    auto at = unit.size() == 1 ? k_units.find(static_cast<char>(std::toupper(static_cast<unsigned char>(unit[0]))))
                               : std::string::npos;
    if (at == std::string::npos) return bad();
    shift = 10 * (static_cast<int>(at) + 1);
  }
  long double value = std::strtold(number.c_str(), nullptr) * static_cast<long double>(1ull << shift);
  if (value > static_cast<long double>(1ull << 62)) return bad();
  return static_cast<std::uint64_t>(value);
}

Expected<std::uint64_t> configured_cache_limit() {
  const char* text = std::getenv("SLS_CACHE_MAX_SIZE");
  if (!text || !*text) return std::uint64_t{5} << 30;
  auto size = parse_byte_size(text);
  if (!size) return make_error("SLS_CACHE_MAX_SIZE: " + size.error().message);
  return size;
}

}  // namespace sls
