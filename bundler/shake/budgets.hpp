#pragma once
// Size budgets checked at build time (docs/design.md §5): AWS Lambda's quotas for
// a zip uploaded directly, and an optional per-function `max_size`. A bundle
// over budget is an error that names its largest files, because "too big"
// alone does not tell anyone what to remove.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sls {

inline constexpr std::uint64_t k_max_zipped_bytes = 50ull * 1024 * 1024;  // 50 MB, direct upload
inline constexpr std::uint64_t k_max_unzipped_bytes = 262'144'000;        // including layers

struct SizedFile {
  std::string path;
  std::uint64_t size = 0;
};

struct BundleBudget {
  std::uint64_t zipped = k_max_zipped_bytes;
  std::uint64_t unzipped = k_max_unzipped_bytes;
  std::optional<std::uint64_t> max_size;  // [functions."…"] max_size, unzipped bytes
};

// One message per exceeded limit; empty when the bundle fits.
std::vector<std::string> check_budget(const std::vector<SizedFile>& files, std::uint64_t zipped_size,
                                      const BundleBudget& budget);

// "bootstrap (1.2 MB), lib/libx.so.1 (800 KB), …": the `count` largest, biggest first.
std::string largest_contributors(std::vector<SizedFile> files, std::size_t count = 5);

// 1536 -> "1.5 KB"; bytes below 1 KB are printed as they are.
std::string human_size(std::uint64_t bytes);

}  // namespace sls
