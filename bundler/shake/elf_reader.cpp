// Reads the dynamic section, the version-needs section (.gnu.version_r) and
// the symbol versions (.gnu.version) of an ELF64 file. The loader needs a
// library for every DT_NEEDED entry and a matching version definition for
// every .gnu.version_r entry; a symbol's index in .gnu.version names the
// entry it is bound to, which is how we can say *which* call needs GLIBC_2.36.
//
// The file is read with elfutils' libelf (the gelf_* accessors), straight from
// the bytes in memory: libelf checks every offset and size against the image.

#include "bundler/shake/elf_reader.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include <gelf.h>
#include <libelf.h>

namespace sls {
namespace {

constexpr unsigned k_versym_version_mask = 0x7fff;  // the low bits of a .gnu.version entry; 0x8000 = hidden

struct ElfCloser {
  void operator()(Elf* elf) const { elf_end(elf); }
};
using ElfHandle = std::unique_ptr<Elf, ElfCloser>;

Error libelf_error() { return make_error(std::string("not a readable ELF file: ") + elf_errmsg(-1)); }

// libelf refuses to work before the version handshake; once per process.
bool libelf_ready() {
  static const bool ready = elf_version(EV_CURRENT) != EV_NONE;
  return ready;
}

std::vector<std::string> split_paths(std::string_view text) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    std::size_t colon = text.find(':');
    std::string_view part = text.substr(0, colon);
    if (!part.empty()) parts.emplace_back(part);
    text = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  }
  return parts;
}

struct Section {
  Elf_Scn* scn = nullptr;
  GElf_Shdr header{};
};

// The first section of `type`, if any.
std::optional<Section> find_section(Elf* elf, GElf_Word type) {
  for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
    Section section{scn, {}};
    if (gelf_getshdr(scn, &section.header) && section.header.sh_type == type) return section;
  }
  return std::nullopt;
}

Status read_dynamic(Elf* elf, ElfInfo& info) {
  auto dynamic = find_section(elf, SHT_DYNAMIC);
  if (!dynamic) return Ok{};  // a static executable
  Elf_Data* data = elf_getdata(dynamic->scn, nullptr);
  if (!data) return libelf_error();
  std::size_t entry_size = gelf_fsize(elf, ELF_T_DYN, 1, EV_CURRENT);
  for (std::size_t i = 0; entry_size && i < data->d_size / entry_size; ++i) {
    GElf_Dyn entry;
    if (!gelf_getdyn(data, static_cast<int>(i), &entry)) return libelf_error();
    if (entry.d_tag == DT_NULL) break;
    if (entry.d_tag != DT_NEEDED && entry.d_tag != DT_SONAME && entry.d_tag != DT_RUNPATH && entry.d_tag != DT_RPATH)
      continue;
    const char* text = elf_strptr(elf, dynamic->header.sh_link, entry.d_un.d_val);
    if (!text) continue;  // an offset past the string table
    switch (entry.d_tag) {
      case DT_NEEDED:
        info.needed.emplace_back(text);
        break;
      case DT_SONAME:
        info.soname = text;
        break;
      case DT_RUNPATH:
        info.runpath = split_paths(text);
        break;
      case DT_RPATH:
        info.rpath = split_paths(text);
        break;
      default:
        break;
    }
  }
  return Ok{};
}

// Maps each version index of .gnu.version_r to its entry in info.version_needs.
Expected<std::map<unsigned, std::size_t>> read_version_needs(Elf* elf, ElfInfo& info) {
  std::map<unsigned, std::size_t> by_index;
  auto needs = find_section(elf, SHT_GNU_verneed);
  if (!needs) return by_index;
  Elf_Data* data = elf_getdata(needs->scn, nullptr);
  if (!data) return libelf_error();
  std::size_t offset = 0;
  for (GElf_Word n = 0; n < needs->header.sh_info; ++n) {  // sh_info: the number of entries
    GElf_Verneed need;
    if (!gelf_getverneed(data, static_cast<int>(offset), &need)) return libelf_error();
    const char* file = elf_strptr(elf, needs->header.sh_link, need.vn_file);
    if (!file) return libelf_error();
    std::size_t aux_offset = offset + need.vn_aux;
    for (GElf_Half a = 0; a < need.vn_cnt; ++a) {
      GElf_Vernaux aux;
      if (!gelf_getvernaux(data, static_cast<int>(aux_offset), &aux)) return libelf_error();
      const char* name = elf_strptr(elf, needs->header.sh_link, aux.vna_name);
      if (!name) return libelf_error();
      by_index[aux.vna_other] = info.version_needs.size();
      info.version_needs.push_back({file, name, {}});
      if (aux.vna_next == 0) break;
      aux_offset += aux.vna_next;
    }
    if (need.vn_next == 0) break;
    offset += need.vn_next;
  }
  return by_index;
}

// Attaches each undefined dynamic symbol to the version it needs.
Status read_versioned_symbols(Elf* elf, const std::map<unsigned, std::size_t>& by_index, ElfInfo& info) {
  auto dynsym = find_section(elf, SHT_DYNSYM);
  auto versym = find_section(elf, SHT_GNU_versym);
  if (!dynsym || !versym || by_index.empty()) return Ok{};
  Elf_Data* symbols = elf_getdata(dynsym->scn, nullptr);
  Elf_Data* versions = elf_getdata(versym->scn, nullptr);
  if (!symbols || !versions) return libelf_error();
  std::size_t symbol_size = gelf_fsize(elf, ELF_T_SYM, 1, EV_CURRENT);
  std::size_t version_size = gelf_fsize(elf, ELF_T_HALF, 1, EV_CURRENT);
  if (!symbol_size || !version_size) return libelf_error();
  std::size_t count = std::min(symbols->d_size / symbol_size, versions->d_size / version_size);
  for (std::size_t i = 0; i < count; ++i) {
    GElf_Sym symbol;
    GElf_Versym version;
    if (!gelf_getsym(symbols, static_cast<int>(i), &symbol) || !gelf_getversym(versions, static_cast<int>(i), &version))
      return libelf_error();
    auto found = by_index.find(version & k_versym_version_mask);
    if (symbol.st_shndx != SHN_UNDEF || found == by_index.end()) continue;
    if (const char* name = elf_strptr(elf, dynsym->header.sh_link, symbol.st_name))
      info.version_needs[found->second].symbols.emplace_back(name);
  }
  for (VersionNeed& need : info.version_needs) std::sort(need.symbols.begin(), need.symbols.end());
  return Ok{};
}

}  // namespace

Expected<ElfInfo> read_elf(std::string_view bytes) {
  if (bytes.size() < 6 || bytes.substr(0, 4) !=
                              "\x7f"
                              "ELF")
    return make_error("not an ELF file");
  if (bytes[4] != ELFCLASS64 || bytes[5] != ELFDATA2LSB)
    return make_error("only 64-bit little-endian ELF files are supported");
  if (!libelf_ready()) return libelf_error();
  // elf_memory takes a mutable image but only reads it: the file is opened
  // as ELF_C_READ_MMAP, and a native-endian file needs no conversion.
  ElfHandle elf(elf_memory(const_cast<char*>(bytes.data()), bytes.size()));
  if (!elf) return libelf_error();
  GElf_Ehdr header;
  if (elf_kind(elf.get()) != ELF_K_ELF || !gelf_getehdr(elf.get(), &header))
    return make_error("not a readable ELF file: truncated or malformed header");
  ElfInfo info;
  info.machine = header.e_machine;
  if (Status read = read_dynamic(elf.get(), info); !read) return read.error();
  auto by_index = read_version_needs(elf.get(), info);
  if (!by_index) return by_index.error();
  if (Status read = read_versioned_symbols(elf.get(), *by_index, info); !read) return read.error();
  return info;
}

GlibcVersion parse_glibc_version(std::string_view name) {
  constexpr std::string_view prefix = "GLIBC_";
  if (name.substr(0, prefix.size()) != prefix) return {};
  GlibcVersion version;
  if (std::sscanf(std::string(name.substr(prefix.size())).c_str(), "%d.%d", &version.major, &version.minor) != 2)
    return {};
  return version;
}

Expected<ElfInfo> read_elf_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(std::strerror(errno));
  struct stat info{};
  void* mapped = ::fstat(fd, &info) == 0 && info.st_size > 0
                     ? ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
                     : MAP_FAILED;
  int mapping_errno = errno;
  ::close(fd);
  if (mapped == MAP_FAILED) return make_error(info.st_size == 0 ? "empty file" : std::strerror(mapping_errno));
  auto result = read_elf(std::string_view(static_cast<const char*>(mapped), static_cast<std::size_t>(info.st_size)));
  ::munmap(mapped, static_cast<std::size_t>(info.st_size));
  return result;
}

}  // namespace sls
