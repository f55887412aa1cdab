#pragma once
// What a compile may read. After each compile, every input its dependency
// file lists (sources, headers, #embed data) is resolved through symlinks and
// must lie inside the project, in sls's SDK, in the system's include folders,
// or in a folder the unit's own flags name (-I, -isystem, pkg-config's).
// Anything else — an `#include "/home/me/secrets.h"`, an `#embed` of a file
// outside, a header symlinked out of the project — fails the unit, naming the
// file and the line that reads it, because it would be compiled into what
// sls ships.

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace sls {

struct CompileInputRules {
  std::filesystem::path project_root;
  std::filesystem::path share_dir;
  std::vector<std::string> command;  // the unit's compile command, for its include folders
};

// False, with an error per offending input at `source`'s line that names it,
// when the dependency file lists an input from outside the allowed folders.
bool check_compile_inputs(const CompileInputRules& rules, const std::string& source, const std::string& depfile_text,
                          Diagnostics& diagnostics);

}  // namespace sls
