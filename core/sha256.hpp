#pragma once
// Content hashes: every file in a bundle is listed with its sha256, and the
// build cache (later) keys steps by them.

#include <string>
#include <string_view>

namespace sls {

// Lower-case hex digest of the bytes.
std::string sha256_hex(std::string_view bytes);

class Sha256Builder {
public:
  Sha256Builder();
  ~Sha256Builder();
  Sha256Builder(const Sha256Builder&) = delete;
  Sha256Builder& operator=(const Sha256Builder&) = delete;

  void update(std::string_view bytes);
  // Length-prefixed, so ("ab","c") and ("a","bc") hash differently.
  void update_field(std::string_view bytes);
  std::string finish_hex();

private:
  struct Impl;
  Impl* m_impl;
};

}  // namespace sls
