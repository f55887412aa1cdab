// A tiny stand-in for nlohmann/json: the members the corpus uses, no behaviour.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

namespace nlohmann {

class json {
 public:
  json();
  json(std::nullptr_t);
  json(bool value);
  json(int value);
  json(long value);
  json(long long value);
  json(unsigned value);
  json(unsigned long value);
  json(unsigned long long value);
  json(double value);
  json(const char* value);
  json(const std::string& value);
  json(std::initializer_list<std::pair<const std::string, json>> object);

  static json parse(const std::string& text, std::nullptr_t callback = nullptr, bool allow_exceptions = true);
  static json object();
  static json array();

  json& operator[](const std::string& key);
  const json& operator[](const std::string& key) const;
  json& operator[](std::size_t index);
  const json& operator[](std::size_t index) const;
  json& at(const std::string& key);
  const json& at(const std::string& key) const;

  bool contains(const std::string& key) const;
  bool is_discarded() const;
  bool is_null() const;
  bool is_string() const;
  bool is_number() const;
  bool is_boolean() const;
  bool is_array() const;
  bool is_object() const;
  std::size_t size() const;
  bool empty() const;
  void push_back(const json& value);

  template <typename T>
  T get() const;
  template <typename T>
  T value(const std::string& key, const T& default_value) const;
  std::string value(const std::string& key, const char* default_value) const;

  std::string dump(int indent = -1) const;
};

}  // namespace nlohmann
