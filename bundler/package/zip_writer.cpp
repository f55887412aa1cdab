// Layout written (APPNOTE.TXT): for each entry a local file header, the name
// and the data; then one central directory header per entry; then the end of
// central directory record. No extra fields, no data descriptors, no comment,
// "made by" Unix 2.0 so the mode in the external attributes is honoured.
// Sizes stay below 4 GiB (Lambda's limit is far lower), so no zip64.

#include "bundler/package/zip_writer.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <zlib.h>

namespace sls {
namespace {

constexpr std::uint16_t k_version_needed = 20;
constexpr std::uint16_t k_version_made_by_unix = (3 << 8) | 20;
constexpr std::uint16_t k_flag_utf8 = 1 << 11;
constexpr std::uint16_t k_method_stored = 0;
constexpr std::uint16_t k_method_deflated = 8;
constexpr std::time_t k_zip_latest = 4354819199;  // 2107-12-31T23:59:59Z

void put16(std::string& out, std::uint16_t value) {
  out += static_cast<char>(value & 0xff);
  out += static_cast<char>(value >> 8);
}

void put32(std::string& out, std::uint32_t value) {
  put16(out, static_cast<std::uint16_t>(value & 0xffff));
  put16(out, static_cast<std::uint16_t>(value >> 16));
}

struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0;
};

// Always UTC, so the bytes do not depend on TZ.
DosTime to_dos_time(std::time_t timestamp) {
  std::tm utc{};
  gmtime_r(&timestamp, &utc);
  DosTime dos;
  dos.time = static_cast<std::uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  dos.date = static_cast<std::uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  return dos;
}

Expected<std::string> deflate_raw(const std::string& data) {
  z_stream stream{};
  // windowBits -15: raw deflate, as zip stores it; fixed level and memLevel
  // keep the output stable for a given zlib. Level 6 (zip's own default)
  // compresses executables within 1-2 % of level 9 at about twice the speed.
  if (deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return make_error("zlib init failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) return make_error("zlib deflate failed");
  return out;
}

bool is_safe_entry_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/' || path.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    std::string segment = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

bool is_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

struct EntryRecord {
  std::uint16_t flags, method;
  std::uint32_t crc, compressed_size, size, offset, external_attributes;
  const std::string* path;
};

void write_header_fields(std::string& out, const EntryRecord& record, DosTime dos) {
  put16(out, record.flags);
  put16(out, record.method);
  put16(out, dos.time);
  put16(out, dos.date);
  put32(out, record.crc);
  put32(out, record.compressed_size);
  put32(out, record.size);
  put16(out, static_cast<std::uint16_t>(record.path->size()));
  put16(out, 0);  // no extra field
}

void write_local_header(std::string& out, const EntryRecord& record, DosTime dos) {
  put32(out, 0x04034b50);
  put16(out, k_version_needed);
  write_header_fields(out, record, dos);
  out += *record.path;
}

void write_central_header(std::string& out, const EntryRecord& record, DosTime dos) {
  put32(out, 0x02014b50);
  put16(out, k_version_made_by_unix);
  put16(out, k_version_needed);
  write_header_fields(out, record, dos);
  put16(out, 0);  // comment length
  put16(out, 0);  // disk number
  put16(out, 0);  // internal attributes
  put32(out, record.external_attributes);
  put32(out, record.offset);
  out += *record.path;
}

void write_end_record(std::string& out, std::size_t count, std::uint32_t directory_offset,
                      std::uint32_t directory_size) {
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint16_t>(count));
  put16(out, static_cast<std::uint16_t>(count));
  put32(out, directory_size);
  put32(out, directory_offset);
  put16(out, 0);
}

Status validate_entries(const std::vector<ZipEntry>& entries) {
  std::set<std::string> seen;
  for (const ZipEntry& entry : entries) {
    if (!is_safe_entry_path(entry.path)) return make_error("unsafe path in bundle: '" + entry.path + "'");
    if (!seen.insert(entry.path).second) return make_error("duplicate path in bundle: '" + entry.path + "'");
    if (entry.data.size() > 0xfffffffeu) return make_error("file too large for a bundle: '" + entry.path + "'");
  }
  if (entries.size() > 0xfffe) return make_error("too many files for one bundle");
  return Ok{};
}

}  // namespace

std::time_t zip_timestamp_from_environment() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return k_zip_epoch;
  char* end = nullptr;
  long long parsed = std::strtoll(value, &end, 10);
  if (*end != '\0') return k_zip_epoch;
  return std::clamp<std::time_t>(static_cast<std::time_t>(parsed), k_zip_epoch, k_zip_latest);
}

Expected<std::string> write_zip(std::vector<ZipEntry> entries, std::time_t timestamp) {
  if (Status valid = validate_entries(entries); !valid) return valid.error();
  std::sort(entries.begin(), entries.end(), [](const ZipEntry& a, const ZipEntry& b) { return a.path < b.path; });
  DosTime dos = to_dos_time(std::clamp(timestamp, k_zip_epoch, k_zip_latest));
  std::string out;
  std::vector<EntryRecord> records;
  for (const ZipEntry& entry : entries) {
    auto compressed = deflate_raw(entry.data);
    if (!compressed) return compressed.error();
    bool deflated = compressed->size() < entry.data.size();
    std::uint32_t mode = entry.executable ? 0100755 : 0100644;
    EntryRecord record{static_cast<std::uint16_t>(is_ascii(entry.path) ? 0 : k_flag_utf8),
                       deflated ? k_method_deflated : k_method_stored,
                       static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(entry.data.data()),
                                                        static_cast<uInt>(entry.data.size()))),
                       static_cast<std::uint32_t>(deflated ? compressed->size() : entry.data.size()),
                       static_cast<std::uint32_t>(entry.data.size()),
                       static_cast<std::uint32_t>(out.size()),
                       mode << 16,
                       &entry.path};
    write_local_header(out, record, dos);
    out += deflated ? *compressed : entry.data;
    records.push_back(record);
  }
  auto directory_offset = static_cast<std::uint32_t>(out.size());
  for (const EntryRecord& record : records) write_central_header(out, record, dos);
  write_end_record(out, records.size(), directory_offset, static_cast<std::uint32_t>(out.size() - directory_offset));
  return out;
}

}  // namespace sls
