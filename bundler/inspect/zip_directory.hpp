#pragma once
// A zip's structure checked from its central directory before any entry is
// extracted, so a damaged or hostile zip is refused with a reason instead of
// being half read (libarchive streams local headers and would accept a zip
// whose central directory is cut off, which unzip and AWS reject).
//
// Checked: the end-of-central-directory record is present and consistent;
// the directory lies inside the file; each entry's local header is where the
// directory says, with the same name; no name appears twice (which copy
// would run?); no zip64 (sls never writes one and Lambda's limits stay far
// below it); and the sizes the entries declare stay within AWS Lambda's
// unzipped quota, so a small zip declaring gigabytes is refused before a
// byte is inflated.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace sls {

inline constexpr std::uint64_t k_lambda_unzipped_limit = 262144000;  // bytes, layers included

struct ZipDirectoryEntry {
  std::string name;
  std::uint64_t compressed_size = 0;
  std::uint64_t uncompressed_size = 0;
};

// The central directory of the zip in `bytes`, or why it cannot be trusted.
Expected<std::vector<ZipDirectoryEntry>> read_zip_directory(std::string_view bytes,
                                                            std::uint64_t unzipped_limit = k_lambda_unzipped_limit);

}  // namespace sls
