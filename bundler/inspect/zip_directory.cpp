#include "bundler/inspect/zip_directory.hpp"

#include <set>

namespace sls {
namespace {

constexpr std::uint32_t k_end_signature = 0x06054b50;
constexpr std::uint32_t k_central_signature = 0x02014b50;
constexpr std::uint32_t k_local_signature = 0x04034b50;
constexpr std::size_t k_end_size = 22, k_central_size = 46, k_local_size = 30;

std::uint32_t read_u16(std::string_view bytes, std::size_t at) {
  return static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8;
}

std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
  return read_u16(bytes, at) | read_u16(bytes, at + 2) << 16;
}

// The end record sits in the last 22 bytes plus a comment of up to 64 KiB.
Expected<std::size_t> find_end_record(std::string_view bytes) {
  if (bytes.size() < k_end_size) return make_error("not a zip: too short to hold a central directory");
  std::size_t lowest = bytes.size() > k_end_size + 0xffff ? bytes.size() - k_end_size - 0xffff : 0;
  for (std::size_t at = bytes.size() - k_end_size + 1; at-- > lowest;) {
    if (read_u32(bytes, at) == k_end_signature && at + k_end_size + read_u16(bytes, at + 20) == bytes.size()) return at;
  }
  return make_error("not a valid zip: no end of central directory record (the file is truncated or not a zip)");
}

// Checks the local header an entry points at: inside the file, signed, same name.
Status check_local_header(std::string_view bytes, std::size_t offset, const ZipDirectoryEntry& entry) {
  if (offset + k_local_size > bytes.size() || read_u32(bytes, offset) != k_local_signature)
    return make_error("entry '" + entry.name + "' points at no local header: the zip is damaged");
  std::size_t name_length = read_u16(bytes, offset + 26), extra_length = read_u16(bytes, offset + 28);
  if (offset + k_local_size + name_length > bytes.size() || bytes.substr(offset + k_local_size, name_length) != entry.name)
    return make_error("entry '" + entry.name + "' has a different name in its local header: the zip is damaged");
  if (offset + k_local_size + name_length + extra_length + entry.compressed_size > bytes.size())
    return make_error("entry '" + entry.name + "' runs past the end of the file: the zip is truncated");
  return Ok{};
}

}  // namespace

Expected<std::vector<ZipDirectoryEntry>> read_zip_directory(std::string_view bytes, std::uint64_t unzipped_limit) {
  auto end = find_end_record(bytes);
  if (!end) return end.error();
  std::size_t count = read_u16(bytes, *end + 10), directory_size = read_u32(bytes, *end + 12);
  std::size_t directory_offset = read_u32(bytes, *end + 16);
  if (count == 0xffff || directory_offset == 0xffffffff) return make_error("zip64 archives are not supported");
  if (directory_offset + directory_size > *end) return make_error("the central directory lies outside the file: the zip is damaged");
  std::vector<ZipDirectoryEntry> entries;
  std::set<std::string> names;
  std::uint64_t unzipped = 0;
  for (std::size_t at = directory_offset, i = 0; i < count; ++i) {
    if (at + k_central_size > *end || read_u32(bytes, at) != k_central_signature)
      return make_error("the central directory is cut short (" + std::to_string(i) + " of " + std::to_string(count) +
                        " entries): the zip is damaged");
    ZipDirectoryEntry entry{{}, read_u32(bytes, at + 20), read_u32(bytes, at + 24)};
    std::size_t name_length = read_u16(bytes, at + 28), extra = read_u16(bytes, at + 30), comment = read_u16(bytes, at + 32);
    if (at + k_central_size + name_length > *end) return make_error("the central directory is cut short: the zip is damaged");
    entry.name = std::string(bytes.substr(at + k_central_size, name_length));
    if (!names.insert(entry.name).second)
      return make_error("entry '" + entry.name + "' appears twice; which one would run is up to the unzipper");
    if (Status local = check_local_header(bytes, read_u32(bytes, at + 42), entry); !local) return local.error();
    unzipped += entry.uncompressed_size;
    if (unzipped > unzipped_limit)
      return make_error("the entries declare more than " + std::to_string(unzipped_limit) +
                        " bytes unzipped, over AWS Lambda's limit; nothing was extracted");
    entries.push_back(std::move(entry));
    at += k_central_size + name_length + extra + comment;
  }
  return entries;
}

}  // namespace sls
