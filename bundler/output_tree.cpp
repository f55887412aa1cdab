#include "bundler/output_tree.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/file_system.hpp"

namespace sls {
namespace {

const std::string k_staging_infix = ".staging-";

bool process_is_alive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

// Staging folders whose build process is gone were left by a killed build.
void remove_abandoned_staging(const fs::path& output) {
  std::error_code ec;
  std::string prefix = output.filename().string() + k_staging_infix;
  for (const auto& entry : fs::directory_iterator(output.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + prefix.size()));
    if (!process_is_alive(pid) || pid == ::getpid()) fs::remove_all(entry.path(), ec);
  }
}

// Swaps two paths atomically; falls back to a rename when `to` is absent.
Status install_tree(const fs::path& from, const fs::path& to) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) return Ok{};
    if (errno != ENOENT) break;
    if (::rename(from.c_str(), to.c_str()) == 0) return Ok{};
    // Another build created `to` between our two calls: exchange with it.
    if (errno != EEXIST && errno != ENOTEMPTY) break;
  }
  return make_error("cannot replace " + to.string() + ": " + std::strerror(errno));
}

}  // namespace

StagedOutput::StagedOutput(fs::path output, fs::path staging) : m_output(std::move(output)), m_staging(std::move(staging)) {}

StagedOutput::StagedOutput(StagedOutput&& other) noexcept
    : m_output(std::move(other.m_output)), m_staging(std::move(other.m_staging)), m_committed(other.m_committed) {
  other.m_committed = true;
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  if (!m_committed && !m_staging.empty()) fs::remove_all(m_staging, ec);
}

Expected<StagedOutput> StagedOutput::begin(const fs::path& output_dir) {
  std::error_code ec;
  fs::create_directories(output_dir.parent_path(), ec);
  if (ec) return make_error("cannot create " + output_dir.parent_path().string() + ": " + ec.message());
  remove_abandoned_staging(output_dir);
  fs::path staging = output_dir;
  staging += k_staging_infix + std::to_string(::getpid());
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) return make_error("cannot create " + staging.string() + ": " + ec.message());
  return StagedOutput(output_dir, staging);
}

Status StagedOutput::write_file(const std::string& relative_path, std::string_view bytes, fs::perms mode) {
  return write_file_atomically(m_staging / relative_path, bytes, mode);
}

bool StagedOutput::keep_previous(const std::string& relative_path) {
  std::error_code ec;
  fs::path previous = m_output / relative_path;
  if (!fs::is_regular_file(previous, ec)) return false;
  fs::path target = m_staging / relative_path;
  fs::create_directories(target.parent_path(), ec);
  fs::create_hard_link(previous, target, ec);
  if (ec) fs::copy_file(previous, target, fs::copy_options::overwrite_existing, ec);
  return !ec;
}

Status StagedOutput::commit() {
  if (Status installed = install_tree(m_staging, m_output); !installed) return installed;
  m_committed = true;
  std::error_code ec;
  fs::remove_all(m_staging, ec);  // now holds the previous output, if there was one
  return Ok{};
}

}  // namespace sls
