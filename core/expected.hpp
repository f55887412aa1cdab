#pragma once
// A minimal expected-style return for the lower layers (C++20 has no
// std::expected; libstdc++ 12 ships none). Errors are plain messages: the
// layer above attaches a location and turns them into diagnostics.

#include <string>
#include <utility>
#include <variant>

namespace sls {

struct Error {
  std::string message;
};

template <typename T>
class Expected {
public:
  Expected(T value) : m_state(std::move(value)) {}
  Expected(Error error) : m_state(std::move(error)) {}

  bool has_value() const { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const { return has_value(); }

  T& value() { return std::get<T>(m_state); }
  const T& value() const { return std::get<T>(m_state); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<Error>(m_state); }

private:
  std::variant<T, Error> m_state;
};

// For operations that only succeed or fail.
struct Ok {};
using Status = Expected<Ok>;

inline Error make_error(std::string message) { return Error{std::move(message)}; }

}  // namespace sls
