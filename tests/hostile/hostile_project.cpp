#include "tests/hostile/hostile_project.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "bundler/inspect/zip_reader.hpp"
#include "core/file_system.hpp"

namespace sls::hostile {

HostileProject::HostileProject() : m_root(m_temp.root() / "project"), m_outside(m_temp.root() / "outside") {
  fs::create_directories(m_root);
  std::string canary = k_canary;
  m_temp.write("outside/secret.txt", canary + "\n");
  m_temp.write("outside/inc.h", "#define OUTSIDE_TEXT \"" + canary + "\"\n");
  m_temp.write("outside/lib.cpp", "const char* outside_text() { return \"" + canary + "\"; }\n");
  m_temp.write("outside/dir/page.html", canary + "\n");
  m_temp.write("outside/evil.cpp", "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n"
                                   "  return sls::Response::text(200, \"" + canary + "\");\n}\nSLS_HANDLER(h)\n");
  function("api/good.cpp");
  write("public/index.html", "<p>hello</p>\n");
}

fs::path HostileProject::private_cache() const {
  fs::path cache = m_temp.root() / "cache";
  std::error_code ec;
  if (!fs::exists(cache / "runtime", ec))
    fs::copy(fs::path(SLS_TEST_CACHE_DIR) / "runtime", cache / "runtime", fs::copy_options::recursive, ec);
  return cache;
}

void HostileProject::write(const std::string& relative, const std::string& text) const {
  fs::path path = m_root / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

void HostileProject::symlink(const std::string& relative, const fs::path& target) const {
  fs::path path = m_root / relative;
  fs::create_directories(path.parent_path());
  fs::create_symlink(target, path);
}

void HostileProject::fifo(const std::string& relative) const {
  fs::path path = m_root / relative;
  fs::create_directories(path.parent_path());
  ::mkfifo(path.c_str(), 0644);
}

void HostileProject::remove(const std::string& relative) const {
  std::error_code ec;
  fs::remove_all(m_root / relative, ec);
}

void HostileProject::function(const std::string& relative, const std::string& body) const {
  bool c = fs::path(relative).extension() == ".c";
  if (c) {
    write(relative, "#include <sls/function.h>\nstatic void h(const sls_request *q, sls_context *c, sls_response *r) {\n"
                    "  (void)q; (void)c;\n  " + body + "\n}\nSLS_HANDLER(h)\n");
  } else {
    write(relative, "#include <sls/function.hpp>\nsls::Response h(const sls::Request&, sls::Context&) {\n  " + body +
                        "\n}\nSLS_HANDLER(h)\n");
  }
}

e2e::SlsRun HostileProject::sls(std::vector<std::string> args, const std::map<std::string, std::string>& env) const {
  return e2e::run_sls(args, {}, env);
}

std::vector<std::pair<std::string, std::string>> HostileProject::output_contents() const {
  std::vector<std::pair<std::string, std::string>> contents;
  fs::path output = m_root / ".sls/output";
  for (const std::string& file : list_files_sorted(output)) {
    auto bytes = read_file(output / file);
    if (!bytes) continue;
    contents.emplace_back(file, *bytes);
    if (fs::path(file).extension() != ".zip") continue;
    auto unpacked = read_zip(output / file);
    if (!unpacked) continue;
    for (const ZipFile& entry : *unpacked) contents.emplace_back(file + ":" + entry.path, entry.data);
  }
  return contents;
}

bool HostileProject::has_bundle(const std::string& function) const {
  return fs::is_regular_file(m_root / ".sls/output/functions" / (function + ".zip"));
}

}  // namespace sls::hostile
