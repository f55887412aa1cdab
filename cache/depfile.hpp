#pragma once
// Reads the Makefile-style dependency files clang writes with -MD.

#include <string>
#include <vector>

namespace sls {

// The prerequisites of the first rule ("obj: a.cpp b.h c.h" -> a.cpp, b.h, c.h),
// with escaped spaces, '#' and '$$' undone and line continuations joined.
std::vector<std::string> parse_depfile(const std::string& text);

}  // namespace sls
