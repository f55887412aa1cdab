#pragma once
// Which lib/ sources a function's executable took from the lib/ archive,
// read from the report the linker writes with --why-extract (toolchain.cpp
// asks for it next to every linked artifact, as ARTIFACT.why).

#include <filesystem>
#include <string>
#include <vector>

namespace sls {

// The report's path for a linked artifact.
std::filesystem::path why_extract_path(const std::filesystem::path& artifact);

// The lib/ sources (project-relative, sorted) whose archive members appear as
// "extracted" in `report`. Archive members are named SOURCE_BASENAME.o, so a
// member whose basename is shared by two lib/ sources names both.
std::vector<std::string> lib_members_from_report(const std::string& report, const std::vector<std::string>& lib_sources);

}  // namespace sls
