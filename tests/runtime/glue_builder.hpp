// Builds functions the way sls does: the runtime glue compiled once per target, each handler
// compiled with the SLS_FUNCTION_NAME/SLS_FUNCTION_ROUTE defines, then linked together.
// The command lines mirror the bundler's; if they change there, change them here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sls::test {

enum class Target { native, wasm };

struct BuildResult {
  bool ok = false;
  std::filesystem::path artifact;  // bootstrap or function.wasm
  std::string log;                 // compiler/linker output, for failure messages
};

class GlueBuilder {
public:
  GlueBuilder(Target target, std::filesystem::path work_dir);

  // Compiles runtime/common + runtime/<target> (in parallel); call once.
  BuildResult build_glue();

  // Compiles `handler_source` and links it with the glue into work_dir/<output_name>/.
  BuildResult build_function(const std::filesystem::path& handler_source, const std::string& name,
                             const std::string& route, const std::string& output_name);

private:
  std::vector<std::string> compile_command(const std::filesystem::path& source,
                                           const std::filesystem::path& object) const;
  std::vector<std::string> link_command(const std::filesystem::path& handler_object,
                                        const std::filesystem::path& artifact) const;

  Target m_target;
  std::filesystem::path m_work_dir;
  std::vector<std::filesystem::path> m_glue_objects;
};

// The repo's copy of a test handler (tests/runtime/handlers/<file>).
std::filesystem::path handler_path(const std::string& file);

}  // namespace sls::test
