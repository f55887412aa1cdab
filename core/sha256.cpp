// sha256 through OpenSSL's EVP interface: libcrypto is a small library to
// load at start-up (LLVM's was most of sls's start-up time) and uses the
// CPU's SHA extensions where it has them.

#include "core/sha256.hpp"

#include <new>

#include <openssl/evp.h>

namespace sls {

struct Sha256Builder::Impl {
  EVP_MD_CTX* context = nullptr;
};

Sha256Builder::Sha256Builder() : m_impl(new Impl) {
  m_impl->context = EVP_MD_CTX_new();
  if (!m_impl->context || EVP_DigestInit_ex(m_impl->context, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(m_impl->context);
    delete m_impl;
    throw std::bad_alloc();
  }
}

Sha256Builder::~Sha256Builder() {
  EVP_MD_CTX_free(m_impl->context);
  delete m_impl;
}

void Sha256Builder::update(std::string_view bytes) { EVP_DigestUpdate(m_impl->context, bytes.data(), bytes.size()); }

void Sha256Builder::update_field(std::string_view bytes) {
  update(std::to_string(bytes.size()) + ":");
  update(bytes);
}

std::string Sha256Builder::finish_hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(m_impl->context, digest, &size);
  static constexpr char k_hex_digits[] = "0123456789abcdef";
  std::string hex(2 * size, '0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = k_hex_digits[digest[i] >> 4];
    hex[2 * i + 1] = k_hex_digits[digest[i] & 0xf];
  }
  return hex;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256Builder builder;
  builder.update(bytes);
  return builder.finish_hex();
}

}  // namespace sls
