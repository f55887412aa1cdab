#include "glue_builder.hpp"

#include <memory>

#include "process.hpp"

namespace sls::test {

namespace {
const std::filesystem::path k_repo = SLS_SOURCE_DIR;
constexpr auto k_compile_timeout = std::chrono::minutes(3);

std::vector<std::filesystem::path> glue_sources(Target target) {
  std::vector<std::filesystem::path> out;
  for (const char* folder : {"common", target == Target::native ? "native" : "wasm"}) {
    for (const auto& entry : std::filesystem::directory_iterator(k_repo / "runtime" / folder)) {
      if (entry.path().extension() == ".cpp") out.push_back(entry.path());
    }
  }
  return out;
}

std::string describe(const std::vector<std::string>& argv, const ProcessResult& result) {
  std::string text = "$";
  for (const auto& arg : argv) text += " " + arg;
  return text + "\n" + result.out + result.err + (result.timed_out ? "(timed out)\n" : "");
}
}  // namespace

std::filesystem::path handler_path(const std::string& file) { return k_repo / "tests" / "runtime" / "handlers" / file; }

GlueBuilder::GlueBuilder(Target target, std::filesystem::path work_dir)
    : m_target(target), m_work_dir(std::move(work_dir)) {}

std::vector<std::string> GlueBuilder::compile_command(const std::filesystem::path& source,
                                                      const std::filesystem::path& object) const {
  std::vector<std::string> argv = {SLS_TEST_CLANG};
  if (m_target == Target::native) {
    argv.insert(argv.end(), {"-std=c++20", "-O2", "-ffunction-sections", "-fdata-sections"});
  } else {
    argv.insert(argv.end(), {"--target=wasm32-wasi", "-std=c++20", "-Oz", "-fno-exceptions", "-nostdlibinc", "-isystem",
                             "/usr/include/wasm32-wasi/c++/v1", "-isystem", "/usr/include/wasm32-wasi"});
  }
  // Warnings as errors: the glue is compiled into every function, so it must stay clean.
  argv.insert(argv.end(), {"-Wall", "-Wextra", "-Werror", "-I" + (k_repo / "sdk" / "include").string(), "-c",
                           source.string(), "-o", object.string()});
  return argv;
}

std::vector<std::string> GlueBuilder::link_command(const std::filesystem::path& handler_object,
                                                   const std::filesystem::path& artifact) const {
  std::vector<std::string> argv = {SLS_TEST_CLANG};
  if (m_target == Target::native) {
    argv.insert(argv.end(), {"-fuse-ld=lld", "-static-libstdc++", "-static-libgcc", "-Wl,--gc-sections", "-s"});
  } else {
    argv.insert(argv.end(), {"--target=wasm32-wasi", "-s", "-Wl,--keep-section=target_features", "-Wl,--stack-first",
                             "-Wl,-z,stack-size=1048576"});
  }
  argv.push_back(handler_object.string());
  for (const auto& object : m_glue_objects) argv.push_back(object.string());
  argv.insert(argv.end(), {"-o", artifact.string()});
  return argv;
}

BuildResult GlueBuilder::build_glue() {
  const auto dir = m_work_dir / "glue";
  std::filesystem::create_directories(dir);
  std::vector<std::vector<std::string>> commands;
  std::vector<std::unique_ptr<Child>> children;
  for (const auto& source : glue_sources(m_target)) {
    const auto object = dir / (source.parent_path().filename().string() + "_" + source.stem().string() + ".o");
    m_glue_objects.push_back(object);
    commands.push_back(compile_command(source, object));
    children.push_back(std::make_unique<Child>(ProcessSpec{commands.back(), inherited_env(), "", {}}, dir));
  }
  BuildResult result{true, dir, ""};
  for (std::size_t i = 0; i < children.size(); ++i) {
    const auto code = children[i]->wait(k_compile_timeout);
    if (code != 0) {
      result.ok = false;
      result.log += "$ " + commands[i][commands[i].size() - 3] + "\n" + children[i]->out() + children[i]->err();
    }
  }
  return result;
}

BuildResult GlueBuilder::build_function(const std::filesystem::path& handler_source, const std::string& name,
                                        const std::string& route, const std::string& output_name) {
  const auto dir = m_work_dir / output_name;
  std::filesystem::create_directories(dir);
  const auto object = dir / "handler.o";
  auto compile = compile_command(handler_source, object);
  // Exactly what sls passes: string literals, quotes included (no shell in between).
  compile.insert(compile.begin() + 1,
                 {"-DSLS_FUNCTION_NAME=\"" + name + "\"", "-DSLS_FUNCTION_ROUTE=\"" + route + "\""});
  BuildResult result;
  result.artifact = dir / (m_target == Target::native ? "bootstrap" : "function.wasm");
  const auto compiled = run_process({compile, inherited_env(), "", {}}, dir, k_compile_timeout);
  result.log = describe(compile, compiled);
  if (compiled.exit_code != 0) return result;
  const auto link = link_command(object, result.artifact);
  const auto linked = run_process({link, inherited_env(), "", {}}, dir, k_compile_timeout);
  result.log += describe(link, linked);
  result.ok = linked.exit_code == 0 && std::filesystem::exists(result.artifact);
  return result;
}

}  // namespace sls::test
