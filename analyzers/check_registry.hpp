#pragma once
// The explicit list of checks, one per rule of the catalogue.

#include <memory>
#include <vector>

namespace sls::analyzers {

class Check;

std::vector<std::unique_ptr<Check>> make_checks();

}  // namespace sls::analyzers
