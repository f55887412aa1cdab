// Resolving a DT_NEEDED closure without ldd. For each needed name the search
// follows ld.so's order for the file that needs it: DT_RPATH (only when there
// is no DT_RUNPATH), then DT_RUNPATH, then the system folders; "$ORIGIN" is
// the folder of the file that needs it. Names the runtime provides are not
// searched at all, so a build host's newer glibc never leaks into a bundle.
// The walk is breadth-first over sorted names, so the result is deterministic.

#include "bundler/shake/shared_libs.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

#include "bundler/project/toolchain.hpp"
#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
namespace {

// glibc's own libraries: every glibc build installs them, and the runtime's
// own programs run on them. Nothing else is assumed (see docs/tree-shaking.md).
const std::vector<std::string> k_glibc_sonames = {
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
    "libc.so.6",
    "libm.so.6",
    "libpthread.so.0",
    "libdl.so.2",
    "librt.so.1",
    "libresolv.so.2",
    "libutil.so.1",
    "libanl.so.1",
    "libBrokenLocale.so.1",
    "libnss_files.so.2",
    "libnss_dns.so.2",
    "libthread_db.so.1",
    "libmvec.so.1",
};

std::string expand_origin(const std::string& dir, const fs::path& origin) {
  std::string expanded = dir;
  for (const char* token : {"${ORIGIN}", "$ORIGIN"}) {
    for (auto at = expanded.find(token); at != std::string::npos; at = expanded.find(token))
      expanded.replace(at, std::string(token).size(), origin.string());
  }
  return expanded;
}

std::vector<fs::path> search_order(const ElfInfo& info, const fs::path& origin, const std::vector<fs::path>& system) {
  std::vector<fs::path> dirs;
  // ld.so ignores DT_RPATH when DT_RUNPATH is present.
  for (const std::string& dir : info.runpath.empty() ? info.rpath : info.runpath)
    dirs.push_back(expand_origin(dir, origin));
  dirs.insert(dirs.end(), system.begin(), system.end());
  return dirs;
}

// The first `soname` in `dirs` built for `machine`: ld.so passes over a
// library of another architecture (an x86_64 libfoo.so.1 in a folder searched
// for an arm64 bootstrap), and so does this. A file that cannot be read is
// returned, for the caller to report.
std::optional<fs::path> find_library(const std::string& soname, const std::vector<fs::path>& dirs,
                                     std::uint16_t machine) {
  if (soname.find('/') != std::string::npos) return std::nullopt;  // path-like names are never searched
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    if (!fs::is_regular_file(dir / soname, ec)) continue;
    fs::path path = fs::canonical(dir / soname, ec);
    auto info = read_elf_file(path);
    if (!info || info->machine == machine) return path;
  }
  return std::nullopt;
}

// "not on this machine" for an arm64 library usually means its :arm64
// package is missing, which takes a step a Debian user may not know.
LibraryProblem missing_library(const std::string& soname, const std::string& needed_by, std::uint16_t machine) {
  if (machine != k_elf_machine_aarch64)
    return {needed_by + " needs " + soname + ", which is not on this machine",
            "hint: install the package that provides it, or remove it from 'link'"};
  return {needed_by + " needs " + soname + " for arm64, which is not on this machine",
          "hint: install the library's arm64 package (on Debian: dpkg --add-architecture arm64, apt-get update, "
          "apt-get install PACKAGE:arm64), or remove it from 'link', or build the function for x86_64"};
}

struct Pending {
  std::string soname;
  std::string needed_by;
  ElfInfo needer;
  fs::path needer_dir;
};

class ClosureWalk {
public:
  ClosureWalk(const RuntimeProfile& runtime, const std::vector<fs::path>& system, std::uint16_t machine)
      : m_runtime(runtime), m_system(system), m_machine(machine) {}

  void add_needs(const ElfInfo& info, const std::string& who, const fs::path& dir) {
    std::vector<std::string> names = info.needed;
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) m_queue.push_back({name, who, info, dir});
  }

  void run() {
    while (!m_queue.empty()) {
      Pending next = std::move(m_queue.front());
      m_queue.pop_front();
      visit(next);
    }
  }

  LibraryClosure take() {
    std::sort(m_result.bundled.begin(), m_result.bundled.end(),
              [](const BundledLibrary& a, const BundledLibrary& b) { return a.soname < b.soname; });
    m_result.provided.assign(m_provided.begin(), m_provided.end());
    return std::move(m_result);
  }

  LibraryClosure& result() { return m_result; }

private:
  void visit(const Pending& pending) {
    if (runtime_provides(m_runtime, pending.soname)) {
      m_provided.insert(pending.soname);
      return;
    }
    if (!m_seen.insert(pending.soname).second) return;
    auto path = find_library(pending.soname, search_order(pending.needer, pending.needer_dir, m_system), m_machine);
    if (!path) {
      m_result.problems.push_back(missing_library(pending.soname, pending.needed_by, m_machine));
      return;
    }
    auto info = read_elf_file(*path);
    if (!info) {
      m_result.problems.push_back({"cannot read " + path->string() + ": " + info.error().message, {}});
      return;
    }
    m_result.bundled.push_back({pending.soname, *path, pending.needed_by});
    for (LibraryProblem& problem : check_glibc_versions("lib/" + pending.soname, *info, m_runtime))
      m_result.problems.push_back(std::move(problem));
    add_needs(*info, pending.soname, path->parent_path());
  }

  const RuntimeProfile& m_runtime;
  const std::vector<fs::path>& m_system;
  std::uint16_t m_machine;
  std::deque<Pending> m_queue;
  std::set<std::string> m_seen, m_provided;
  LibraryClosure m_result;
};

}  // namespace

// The distribution a runtime runs on, for hints: "Amazon Linux 2".
static std::string amazon_linux_for(const RuntimeProfile& runtime) {
  return runtime.name == "provided.al2" ? "Amazon Linux 2" : "Amazon Linux 2023";
}

const RuntimeProfile& runtime_profile_al2023() {
  static const RuntimeProfile profile{"provided.al2023", {2, 34}, k_glibc_sonames};
  return profile;
}

const RuntimeProfile& runtime_profile_al2() {
  static const RuntimeProfile profile{"provided.al2", {2, 26}, k_glibc_sonames};
  return profile;
}

const RuntimeProfile& runtime_profile_for(const std::string& runtime) {
  return runtime == runtime_profile_al2().name ? runtime_profile_al2() : runtime_profile_al2023();
}

bool runtime_provides(const RuntimeProfile& runtime, const std::string& soname) {
  return std::find(runtime.provided.begin(), runtime.provided.end(), soname) != runtime.provided.end();
}

std::vector<fs::path> default_library_dirs(const std::string& arch) {
  if (arch == "arm64") return arm64_library_dirs(arm64_sysroot());  // never the host's /lib or /usr/lib
  return {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
          "/usr/local/lib"};
}

std::uint16_t elf_machine_for(const std::string& arch) {
  return arch == "arm64" ? k_elf_machine_aarch64 : k_elf_machine_x86_64;
}

std::string arch_of_machine(std::uint16_t machine) {
  if (machine == k_elf_machine_aarch64) return "arm64";
  if (machine == k_elf_machine_x86_64) return "x86_64";
  return "ELF machine " + std::to_string(machine);
}

std::vector<LibraryProblem> check_glibc_versions(const std::string& file, const ElfInfo& info,
                                                 const RuntimeProfile& runtime) {
  std::vector<LibraryProblem> problems;
  for (const VersionNeed& need : info.version_needs) {
    GlibcVersion version = parse_glibc_version(need.version);
    if (version.major == 0 || version <= runtime.glibc) continue;
    std::string symbols;
    for (const std::string& symbol : need.symbols)
      symbols += (symbols.empty() ? "" : ", ") + symbol + "@" + need.version;
    if (symbols.empty()) symbols = need.version + " (no symbol named)";
    problems.push_back({file + " needs " + need.version + " but " + runtime.name + " has glibc " +
                            std::to_string(runtime.glibc.major) + "." + std::to_string(runtime.glibc.minor) +
                            ": it would fail to start there (" + symbols + ")",
                        "hint: stop calling the symbol (or call an older equivalent), or build on a system whose "
                        "glibc is not newer than the runtime's (e.g. in an " + amazon_linux_for(runtime) + " container)",
                        file, need.symbols});
  }
  return problems;
}

LibraryClosure resolve_libraries(const fs::path& binary, const RuntimeProfile& runtime,
                                 const std::vector<fs::path>& search_dirs, const std::string& arch) {
  ClosureWalk walk(runtime, search_dirs, elf_machine_for(arch));
  auto info = read_elf_file(binary);
  if (!info) {
    walk.result().problems.push_back({"cannot read the linked executable: " + info.error().message, {}});
    return walk.take();
  }
  if (info->machine != elf_machine_for(arch)) {  // flags in sls.toml can still pick another target
    walk.result().problems.push_back({"the linked executable is for " + arch_of_machine(info->machine) +
                                          ", but the function is built for " + arch,
                                      "hint: remove --target/-march-like flags from cflags/cxxflags/ldflags, or set "
                                      "arch in sls.toml",
                                      "bootstrap"});
    return walk.take();
  }
  for (LibraryProblem& problem : check_glibc_versions("bootstrap", *info, runtime))
    walk.result().problems.push_back(std::move(problem));
  walk.add_needs(*info, "bootstrap", binary.parent_path());
  walk.run();
  return walk.take();
}

}  // namespace sls
