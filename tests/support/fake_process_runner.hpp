#pragma once
// A ProcessRunner for unit tests: records every command it is asked to run
// and answers from a script instead of starting anything. By default it
// plays a compiler and a linker well enough for the build stages: for a
// command with "-o OUT" it writes OUT (and, with "-MF DEP", a dependency
// file naming the source), then exits 0; asked for an object's symbols (nm)
// it answers `defined_symbols`. Tests can replace the answer per call with
// `respond`.

#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/process.hpp"

namespace sls::testing {

class FakeProcessRunner final : public ProcessRunner {
public:
  using Responder = std::function<Expected<ProcessResult>(const ProcessSpec&)>;

  // What the fake nm lists: by default the handler SLS_HANDLER defines.
  std::string defined_symbols = "_ZN3sls6detail14invoke_handlerERKNS_7RequestERNS_7ContextE\n";

  // Answers every later call with `responder` instead of the default.
  void respond(Responder responder) {
    std::lock_guard lock(m_mutex);
    m_responder = std::move(responder);
  }

  Expected<ProcessResult> run(const ProcessSpec& spec) override {
    Responder responder;
    {
      std::lock_guard lock(m_mutex);
      m_commands.push_back(spec.argv);
      responder = m_responder;
    }
    if (responder) return responder(spec);
    if (!spec.argv.empty() && spec.argv.front().find("nm") != std::string::npos)
      return ProcessResult{0, defined_symbols, ""};
    return act_like_a_toolchain(spec);
  }

  std::vector<std::vector<std::string>> commands() const {
    std::lock_guard lock(m_mutex);
    return m_commands;
  }

  // How many recorded commands contain `word` (say "-c" for compiles).
  std::size_t count_with(const std::string& word) const {
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto& argv : m_commands)
      for (const auto& arg : argv) n += arg == word ? 1 : 0;
    return n;
  }

  void clear() {
    std::lock_guard lock(m_mutex);
    m_commands.clear();
  }

private:
  static std::string value_after(const std::vector<std::string>& argv, const std::string& flag) {
    for (std::size_t i = 0; i + 1 < argv.size(); ++i)
      if (argv[i] == flag) return argv[i + 1];
    return "";
  }

  // The compiled source: the argument before "-c".
  static std::string compiled_source(const std::vector<std::string>& argv) {
    for (std::size_t i = 1; i < argv.size(); ++i)
      if (argv[i] == "-c") return argv[i - 1];
    return "";
  }

  static Expected<ProcessResult> act_like_a_toolchain(const ProcessSpec& spec) {
    if (spec.argv.size() == 2 && spec.argv[1] == "--version") return ProcessResult{0, "fake clang version 0\n", ""};
    auto resolved = [&](const std::string& path) {
      return std::filesystem::path(path).is_absolute() ? std::filesystem::path(path) : spec.working_directory / path;
    };
    std::string output = value_after(spec.argv, "-o");
    if (!output.empty())
      std::ofstream(resolved(output), std::ios::binary) << "made by: " << spec.argv.front() << " " << output;
    std::string depfile = value_after(spec.argv, "-MF");
    if (!depfile.empty()) std::ofstream(resolved(depfile)) << output << ": " << compiled_source(spec.argv) << "\n";
    return ProcessResult{0, "", ""};
  }

  mutable std::mutex m_mutex;
  std::vector<std::vector<std::string>> m_commands;
  Responder m_responder;
};

}  // namespace sls::testing
