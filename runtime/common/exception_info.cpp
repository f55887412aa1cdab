// Names the in-flight exception through the Itanium C++ ABI, which both libstdc++ and libc++abi
// implement: __cxa_current_exception_type gives the dynamic type, __cxa_demangle makes it readable.
#include "exception_info.hpp"

#if __cpp_exceptions
#include <cxxabi.h>

#include <cstdlib>
#include <exception>
#include <typeinfo>

namespace sls::runtime {

namespace {
std::string current_type_name() {
  const std::type_info* type = abi::__cxa_current_exception_type();
  if (type == nullptr) return "unknown";
  int status = 0;
  char* readable = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
  std::string out = (status == 0 && readable != nullptr) ? readable : type->name();
  std::free(readable);
  return out;
}

std::string current_message() {
  try {
    throw;
  } catch (const std::exception& error) {
    return error.what();
  } catch (const char* text) {
    return text;
  } catch (const std::string& text) {
    return text;
  } catch (...) {
    return "exception of a type not derived from std::exception";
  }
}
}  // namespace

ErrorDescription describe_current_exception() { return {current_type_name(), current_message()}; }

}  // namespace sls::runtime
#endif
