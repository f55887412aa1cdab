// A readable description of the exception being handled. Only meaningful where exceptions exist
// (native); on wasm (-fno-exceptions) the file compiles to nothing.
#pragma once

#if __cpp_exceptions
#include <string>

namespace sls::runtime {

struct ErrorDescription {
  std::string type;     // demangled, e.g. "std::runtime_error"
  std::string message;  // what(), or a note when the object is not a std::exception
};

// Call only inside a catch block.
ErrorDescription describe_current_exception();

}  // namespace sls::runtime
#endif
