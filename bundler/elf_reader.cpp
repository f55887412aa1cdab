// Reads the dynamic section, the version-needs section (.gnu.version_r) and
// the symbol versions (.gnu.version) of an ELF64 file. The loader needs a
// library for every DT_NEEDED entry and a matching version definition for
// every .gnu.version_r entry; a symbol's index in .gnu.version names the
// entry it is bound to, which is how we can say *which* call needs GLIBC_2.36.

#include "bundler/elf_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/Error.h"

namespace sls {
namespace {

using ElfFile = llvm::object::ELFFile<llvm::object::ELF64LE>;
using Section = ElfFile::Elf_Shdr;

Error to_error(llvm::Error error) { return make_error("not a readable ELF file: " + llvm::toString(std::move(error))); }

std::vector<std::string> split_paths(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef, 4> parts;
  text.split(parts, ':', -1, /*KeepEmpty=*/false);
  return {parts.begin(), parts.end()};
}

const Section* find_section(llvm::ArrayRef<Section> sections, unsigned type) {
  for (const Section& section : sections) {
    if (section.sh_type == type) return &section;
  }
  return nullptr;
}

Status read_dynamic(const ElfFile& file, llvm::ArrayRef<Section> sections, ElfInfo& info) {
  const Section* dynamic = find_section(sections, llvm::ELF::SHT_DYNAMIC);
  if (!dynamic) return Ok{};  // a static executable
  auto strtab_section = file.getSection(dynamic->sh_link);
  if (!strtab_section) return to_error(strtab_section.takeError());
  auto strings = file.getStringTable(**strtab_section);
  if (!strings) return to_error(strings.takeError());
  auto entries = file.dynamicEntries();
  if (!entries) return to_error(entries.takeError());
  for (const auto& entry : *entries) {
    std::uint64_t offset = entry.getVal();
    if (offset >= strings->size()) continue;
    llvm::StringRef text(strings->data() + offset);
    switch (entry.getTag()) {
      case llvm::ELF::DT_NEEDED: info.needed.push_back(text.str()); break;
      case llvm::ELF::DT_SONAME: info.soname = text.str(); break;
      case llvm::ELF::DT_RUNPATH: info.runpath = split_paths(text); break;
      case llvm::ELF::DT_RPATH: info.rpath = split_paths(text); break;
      default: break;
    }
  }
  return Ok{};
}

// Maps each version index of .gnu.version_r to its entry in info.version_needs.
Expected<std::map<unsigned, std::size_t>> read_version_needs(const ElfFile& file, llvm::ArrayRef<Section> sections,
                                                             ElfInfo& info) {
  std::map<unsigned, std::size_t> by_index;
  const Section* needs = find_section(sections, llvm::ELF::SHT_GNU_verneed);
  if (!needs) return by_index;
  auto parsed = file.getVersionDependencies(*needs);
  if (!parsed) return to_error(parsed.takeError());
  for (const llvm::object::VerNeed& need : *parsed) {
    for (const llvm::object::VernAux& aux : need.AuxV) {
      by_index[aux.Other] = info.version_needs.size();
      // LLVM 19 leaves the rest of the string table after the name: cut at the NUL.
      info.version_needs.push_back({need.File.c_str(), aux.Name.c_str(), {}});
    }
  }
  return by_index;
}

// Attaches each undefined dynamic symbol to the version it needs.
Status read_versioned_symbols(const ElfFile& file, llvm::ArrayRef<Section> sections,
                              const std::map<unsigned, std::size_t>& by_index, ElfInfo& info) {
  const Section* dynsym = find_section(sections, llvm::ELF::SHT_DYNSYM);
  const Section* versym = find_section(sections, llvm::ELF::SHT_GNU_versym);
  if (!dynsym || !versym || by_index.empty()) return Ok{};
  auto symbols = file.symbols(dynsym);
  auto names = file.getStringTableForSymtab(*dynsym);
  auto versions = file.getSectionContentsAsArray<ElfFile::Elf_Versym>(*versym);
  if (!symbols) return to_error(symbols.takeError());
  if (!names) return to_error(names.takeError());
  if (!versions) return to_error(versions.takeError());
  for (std::size_t i = 0; i < symbols->size() && i < versions->size(); ++i) {
    const auto& symbol = (*symbols)[i];
    auto found = by_index.find((*versions)[i].vs_index & llvm::ELF::VERSYM_VERSION);
    if (!symbol.isUndefined() || found == by_index.end()) continue;
    auto name = symbol.getName(*names);
    if (name) info.version_needs[found->second].symbols.push_back(name->str());
    else llvm::consumeError(name.takeError());
  }
  for (VersionNeed& need : info.version_needs) std::sort(need.symbols.begin(), need.symbols.end());
  return Ok{};
}

}  // namespace

Expected<ElfInfo> read_elf(std::string_view bytes) {
  if (bytes.size() < 6 || bytes.substr(0, 4) != "\x7f" "ELF") return make_error("not an ELF file");
  if (bytes[4] != llvm::ELF::ELFCLASS64 || bytes[5] != llvm::ELF::ELFDATA2LSB)
    return make_error("only 64-bit little-endian ELF files are supported");
  auto file = ElfFile::create(llvm::StringRef(bytes.data(), bytes.size()));
  if (!file) return to_error(file.takeError());
  auto sections = file->sections();
  if (!sections) return to_error(sections.takeError());
  ElfInfo info;
  info.machine = file->getHeader().e_machine;
  if (Status read = read_dynamic(*file, *sections, info); !read) return read.error();
  auto by_index = read_version_needs(*file, *sections, info);
  if (!by_index) return by_index.error();
  if (Status read = read_versioned_symbols(*file, *sections, *by_index, info); !read) return read.error();
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

}  // namespace sls
