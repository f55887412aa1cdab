#pragma once
// A deterministic zip writer. libarchive's zip writer always adds the "UT"
// (extended time) and "ux" (uid/gid) extra fields and derives the DOS time
// from the local time zone, which breaks byte-identical bundles across
// machines (docs/design.md §5), so sls writes the container itself and leaves the
// compression to zlib. Reading zips (inspect, invoke) uses libarchive.

#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace sls {

struct ZipEntry {
  std::string path;  // '/'-separated, relative, UTF-8
  std::string data;
  bool executable = false;  // stored as 0755, else 0644
};

// Names how write_zip lays out and compresses entries; part of every
// package key, so a change here never reuses zips written the old way.
inline constexpr const char* k_zip_format = "sls-zip-1:deflate-6";

// 1980-01-01T00:00:00Z, the earliest time a zip can record.
inline constexpr std::time_t k_zip_epoch = 315532800;

// SOURCE_DATE_EPOCH when set and valid (clamped to the zip range), else 1980-01-01.
std::time_t zip_timestamp_from_environment();

// Entries are written sorted byte-wise by path; duplicate or unsafe paths are an error.
Expected<std::string> write_zip(std::vector<ZipEntry> entries, std::time_t timestamp);

}  // namespace sls
