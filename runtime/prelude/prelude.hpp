// What sls precompiles once per target and build flags (a clang PCH) and
// hands to every function whose source starts with an SDK include: the SDK
// and the standard headers most functions include next. A function compiled
// with it produces the same object as one compiled without; it only skips
// parsing these headers again (see docs/performance.md).
//
// Only headers that add no code or static objects by being included belong
// here (no <iostream>: its static initializer would land in every function).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <sls/function.hpp>
