#include "core/staged_output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/file_system.hpp"

namespace sls {
namespace fs = std::filesystem;
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

StagedOutput::StagedOutput(fs::path output, fs::path staging)
    : m_output(std::move(output)), m_staging(std::move(staging)) {}

StagedOutput::StagedOutput(StagedOutput&& other) noexcept
    : m_output(std::move(other.m_output)),
      m_staging(std::move(other.m_staging)),
      m_mutex(std::move(other.m_mutex)),
      m_kept(std::move(other.m_kept)),
      m_staged(other.m_staged),
      m_committed(other.m_committed) {
  other.m_committed = true;
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  if (!m_committed && m_staged) fs::remove_all(m_staging, ec);
}

Expected<StagedOutput> StagedOutput::begin(const fs::path& output_dir) {
  std::error_code ec;
  fs::create_directories(output_dir.parent_path(), ec);
  if (ec) return make_error("cannot create " + output_dir.parent_path().string() + ": " + ec.message());
  remove_abandoned_staging(output_dir);
  fs::path staging = output_dir;
  staging += k_staging_infix + std::to_string(::getpid());
  return StagedOutput(output_dir, staging);
}

namespace {

bool link_or_copy(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  return !ec;
}

// Whether the current output already holds exactly these bytes with this mode.
bool holds_same(const fs::path& path, std::string_view bytes, fs::perms mode) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::is_regular_file(status) || (status.permissions() & fs::perms::mask) != mode) return false;
  if (fs::file_size(path, ec) != bytes.size() || ec) return false;
  auto current = read_file(path);
  return current && *current == bytes;
}

}  // namespace

Status StagedOutput::stage_locked() {
  if (m_staged) return Ok{};
  std::error_code ec;
  fs::remove_all(m_staging, ec);
  fs::create_directories(m_staging, ec);
  if (ec) return make_error("cannot create " + m_staging.string() + ": " + ec.message());
  m_staged = true;
  for (const std::string& path : m_kept) {
    if (!link_or_copy(m_output / path, m_staging / path)) return make_error("cannot carry over " + path);
  }
  m_kept.clear();
  return Ok{};
}

Status StagedOutput::write_file(const std::string& relative_path, std::string_view bytes, fs::perms mode) {
  {
    std::lock_guard lock(*m_mutex);
    if (!m_staged && holds_same(m_output / relative_path, bytes, mode)) {
      m_kept.insert(relative_path);
      return Ok{};
    }
    if (Status staged = stage_locked(); !staged) return staged;
  }
  return write_file_atomically(m_staging / relative_path, bytes, mode);  // bundles are written in parallel
}

bool StagedOutput::keep_previous(const std::string& relative_path) {
  std::lock_guard lock(*m_mutex);
  std::error_code ec;
  fs::path previous = m_output / relative_path;
  if (!fs::is_regular_file(previous, ec)) return false;
  if (!m_staged) return m_kept.insert(relative_path), true;
  return link_or_copy(previous, m_staging / relative_path);
}

fs::path StagedOutput::path_of(const std::string& relative_path) const {
  std::lock_guard lock(*m_mutex);
  return (m_staged ? m_staging : m_output) / relative_path;
}

Status StagedOutput::commit() {
  std::lock_guard lock(*m_mutex);
  if (!m_staged) {
    // Nothing new was written: the output is already right unless it holds
    // files the new one does not (a function that was removed).
    std::vector<std::string> current = list_files_sorted(m_output);
    std::error_code ec;
    if (fs::is_directory(m_output, ec) && std::set<std::string>(current.begin(), current.end()) == m_kept) {
      m_committed = true;
      return Ok{};
    }
    if (Status staged = stage_locked(); !staged) return staged;
  }
  if (Status installed = install_tree(m_staging, m_output); !installed) return installed;
  m_committed = true;
  std::error_code ec;
  fs::remove_all(m_staging, ec);  // now holds the previous output, if there was one
  return Ok{};
}

}  // namespace sls
