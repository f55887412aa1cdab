#pragma once
// Where a glibc symbol that is too new for the runtime came from, for the
// refusal message: a call in the function's own sources (file:line), or a
// construct sls knows pulls it in from a static library.

#include <filesystem>
#include <string>
#include <vector>

namespace sls {

// "called at api/x.cpp:12" for each source calling `symbol`, else what is
// known of it ("std::random_device in the static libstdc++"), else a line
// saying it came from a library linked into the executable.
std::string symbol_origin(const std::string& symbol, const std::filesystem::path& project_root,
                          const std::vector<std::string>& sources);

}  // namespace sls
