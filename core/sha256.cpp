#include "core/sha256.hpp"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/SHA256.h>

namespace sls {

struct Sha256Builder::Impl {
  llvm::SHA256 hasher;
};

Sha256Builder::Sha256Builder() : m_impl(new Impl) {}
Sha256Builder::~Sha256Builder() { delete m_impl; }

void Sha256Builder::update(std::string_view bytes) {
  m_impl->hasher.update(llvm::StringRef(bytes.data(), bytes.size()));
}

void Sha256Builder::update_field(std::string_view bytes) {
  update(std::to_string(bytes.size()) + ":");
  update(bytes);
}

std::string Sha256Builder::finish_hex() {
  auto digest = m_impl->hasher.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

std::string sha256_hex(std::string_view bytes) {
  Sha256Builder builder;
  builder.update(bytes);
  return builder.finish_hex();
}

}  // namespace sls
