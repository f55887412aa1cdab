#pragma once
// What the scanner found in a project folder: plain data that every later
// stage reads (and that tests can build by hand).

#include <filesystem>
#include <string>
#include <vector>

namespace sls {

enum class FunctionKind { Source, PrebuiltWasm };

struct FunctionSource {
  std::string name;                  // "api/users/[id]": the path under the project, no extension
  std::string route;                 // "/api/users/:id"
  std::string entry;                 // the file that made it a function, project-relative
  std::vector<std::string> sources;  // project-relative, sorted; every file compiled into it
  FunctionKind kind = FunctionKind::Source;
};

struct ProjectLayout {
  std::filesystem::path root;             // absolute
  std::vector<FunctionSource> functions;  // sorted by name
  std::vector<std::string> static_files;  // relative to public/, sorted
  std::vector<std::string> lib_sources;   // project-relative, sorted
};

bool is_c_source(const std::string& path);    // .c
bool is_cxx_source(const std::string& path);  // .cc .cpp .cxx

}  // namespace sls
