// Product detail API with a small LRU in front of the catalogue database, so a
// burst of hits on the same product does not reach the database.
#include <sls/function.hpp>

#include <list>
#include <string>
#include <unordered_map>
#include <utility>

namespace {

template <typename K, typename V>
class LruCache {
 public:
  explicit LruCache(size_t capacity) : capacity_(capacity) {}

  const V* get(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->second;
  }

  void put(const K& key, V value) {
    if (auto it = index_.find(key); it != index_.end()) {
      it->second->second = std::move(value);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }
    if (index_.size() >= capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(key, std::move(value));
    index_[key] = order_.begin();
  }

 private:
  size_t capacity_;
  std::list<std::pair<K, V>> order_;
  std::unordered_map<K, typename std::list<std::pair<K, V>>::iterator> index_;
};

LruCache<std::string, std::string> products(256);

std::string load_product(const std::string& id) {
  return "{\"id\":\"" + id + "\",\"name\":\"Product " + id + "\",\"price\":19.99}";
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string id = req.param("id");
  if (id.empty()) return sls::Response::text(400, "id required");
  if (const std::string* cached = products.get(id)) return sls::Response::json(200, *cached);
  std::string json = load_product(id);
  products.put(id, json);
  return sls::Response::json(200, json);
}

SLS_HANDLER(handle)
