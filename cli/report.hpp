#pragma once
// Printing collected diagnostics for a terminal or a log.

#include <ostream>

#include "core/diagnostics.hpp"

namespace sls::cli {

// Prints every diagnostic in GNU form, in the order reported.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out);

}  // namespace sls::cli
