#pragma once
// Which lib/ sources a function's executable took from the lib/ archive,
// read from the report the linker writes with --why-extract (the toolchain
// asks for it next to every linked artifact: why_extract_path).

#include <filesystem>
#include <string>
#include <vector>

namespace sls {

// The lib/ sources (project-relative, sorted) whose archive members appear as
// "extracted" in `report`. Archive members are named SOURCE_BASENAME.o, so a
// member whose basename is shared by two lib/ sources names both.
std::vector<std::string> lib_members_from_report(const std::string& report,
                                                 const std::vector<std::string>& lib_sources);

}  // namespace sls
