// Shared by the tests that compile real functions: one temp folder and one glue build per target
// for the whole test program, and each handler built once.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "glue_builder.hpp"
#include "process.hpp"

namespace sls::test {

class BuiltFunctions {
public:
  // The function built from handlers/<handler_file> with sls's defines for `name`/`route`;
  // fails the calling test (ASSERT-style, via the returned result) when the build fails.
  static BuildResult get(Target target, const std::string& handler_file, const std::string& name = "api/users/[id]",
                         const std::string& route = "/api/users/:id");
  // A scratch folder that lives as long as the test program.
  static const std::filesystem::path& scratch();

private:
  struct PerTarget {
    std::unique_ptr<GlueBuilder> builder;
    BuildResult glue;
    std::map<std::string, BuildResult> functions;
  };
  static PerTarget& per_target(Target target);
};

}  // namespace sls::test
