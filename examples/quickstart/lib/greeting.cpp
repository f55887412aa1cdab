#include "greeting.hpp"

std::string greeting_for(const std::string& language) {
  if (language == "fr") return "bonjour";
  if (language == "de") return "hallo";
  return "hello";
}
