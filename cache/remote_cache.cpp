#include "cache/remote_cache.hpp"

#include <cstdlib>

#include <curl/curl.h>

#include "core/sha256.hpp"

namespace sls {
namespace {

constexpr long k_connect_timeout_ms = 3000;
constexpr long k_transfer_timeout_ms = 120000;
// Uploads waiting for the upload thread; a build that produces faster than
// the server takes waits in put() rather than holding all its output twice.
constexpr std::size_t k_max_queued_bytes = std::size_t{256} << 20;

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t append_to(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

// One handle per thread, reused so its connection to the server stays open.
CURL* thread_handle() {
  thread_local CurlHandle handle(curl_easy_init(), curl_easy_cleanup);
  return handle.get();
}

}  // namespace

RemoteCache::RemoteCache(std::string base_url) : m_base(std::move(base_url)) {
  while (!m_base.empty() && m_base.back() == '/') m_base.pop_back();
  init_curl_once();
}

RemoteCache::~RemoteCache() {
  {
    std::lock_guard lock(m_queue_mutex);
    m_stopping = true;
  }
  m_queue_changed.notify_all();
  if (m_uploader.joinable()) m_uploader.join();
}

std::optional<RemoteCache::Reply> RemoteCache::send(void* handle, const char* method, const std::string& path,
                                                    std::string_view body) {
  if (m_unusable) return std::nullopt;
  CURL* curl = static_cast<CURL*>(handle);
  if (!curl) {
    give_up("cannot start an HTTP client");
    return std::nullopt;
  }
  curl_easy_reset(curl);  // keeps the connection, forgets the previous request's options
  std::string url = m_base + path;
  Reply reply;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // steps run on many threads
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, k_connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, k_transfer_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_to);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  if (std::string_view(method) == "PUT") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    give_up(url + ": " + curl_easy_strerror(code));
    return std::nullopt;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  if (reply.status != 404 && (reply.status < 200 || reply.status > 299)) {
    give_up(url + ": the server answered " + std::to_string(reply.status));
    return std::nullopt;
  }
  return reply;
}

void RemoteCache::give_up(std::string problem) {
  m_unusable = true;
  std::lock_guard lock(m_mutex);
  if (m_problem.empty()) m_problem = std::move(problem);
}

std::string RemoteCache::problem() const {
  std::lock_guard lock(m_mutex);
  return m_problem;
}

std::optional<std::string> RemoteCache::get(std::string_view key) {
  CURL* curl = thread_handle();
  auto pointer = send(curl, "GET", "/ac/" + std::string(key), {});
  if (!pointer || pointer->status != 200) return std::nullopt;
  std::string digest = trimmed(std::move(pointer->body));
  if (!is_sha256_hex(digest)) return std::nullopt;  // not an entry sls wrote
  auto content = send(curl, "GET", "/cas/" + digest, {});
  if (!content || content->status != 200 || sha256_hex(content->body) != digest) return std::nullopt;
  ++m_downloads;
  return std::move(content->body);
}

void RemoteCache::put(std::string_view key, std::string_view bytes) {
  if (m_unusable) return;
  std::unique_lock lock(m_queue_mutex);
  if (!m_uploader.joinable()) m_uploader = std::thread([this] { upload_loop(); });
  m_queue_changed.wait(lock, [&] { return m_queued_bytes < k_max_queued_bytes || m_unusable; });
  m_queue.push_back({std::string(key), std::string(bytes)});
  m_queued_bytes += bytes.size();
  m_queue_changed.notify_all();
}

void RemoteCache::drain() {
  std::unique_lock lock(m_queue_mutex);
  m_queue_changed.wait(lock, [&] { return m_queue.empty() && !m_uploading; });
}

void RemoteCache::upload_loop() {
  CurlHandle curl(curl_easy_init(), curl_easy_cleanup);
  std::unique_lock lock(m_queue_mutex);
  for (;;) {
    m_queue_changed.wait(lock, [&] { return !m_queue.empty() || m_stopping; });
    if (m_queue.empty()) return;  // stopping, nothing left
    Upload item = std::move(m_queue.front());
    m_queue.pop_front();
    m_uploading = true;
    lock.unlock();
    upload(curl.get(), item);  // a no-op once the server was given up on
    lock.lock();
    m_queued_bytes -= item.bytes.size();
    m_uploading = false;
    m_queue_changed.notify_all();
  }
}

void RemoteCache::upload(void* curl, const Upload& item) {
  std::string digest = sha256_hex(item.bytes);
  // The content first: a reader that finds the /ac/ entry must find its content.
  auto content = send(curl, "PUT", "/cas/" + digest, item.bytes);
  if (!content || content->status == 404) return;
  auto pointer = send(curl, "PUT", "/ac/" + item.key, digest);
  if (pointer && pointer->status != 404) ++m_uploads;
}

std::unique_ptr<RemoteCache> remote_cache_from_environment() {
  const char* url = std::getenv("SLS_REMOTE_CACHE");
  if (!url || !*url) return nullptr;
  return std::make_unique<RemoteCache>(url);
}

}  // namespace sls
