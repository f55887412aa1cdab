// _dl_find_object for the statically linked unwinder.
//
// Debian 12's GCC 12 libgcc_eh.a (linked into every bootstrap by
// -static-libgcc) finds unwind tables with glibc's _dl_find_object, which
// exists only since glibc 2.35. A bootstrap built on Debian would therefore
// import _dl_find_object@GLIBC_2.35 and fail to start on provided.al2023
// (glibc 2.34) — sls's glibc check refuses it (docs/tree-shaking.md). Defining
// the function here resolves libgcc's reference inside the executable, so no
// GLIBC_2.35 import is left. It does what glibc does, with dl_iterate_phdr
// (GLIBC_2.2.5): find the loaded object holding the address and hand back its
// PT_GNU_EH_FRAME segment. Hosts whose glibc predates 2.35 have no such
// declaration, and their libgcc does not call it.
#include <dlfcn.h>

#if defined(DLFO_STRUCT_HAS_EH_DBASE)
#include <link.h>

#include <cstdint>
#include <cstring>

namespace {

struct Search {
  std::uintptr_t address;
  dl_find_object* result;
  bool found;
};

int visit_object(dl_phdr_info* info, std::size_t, void* data) {
  auto* search = static_cast<Search*>(data);
  std::uintptr_t low = UINTPTR_MAX, high = 0;
  const void* eh_frame = nullptr;
  bool contains = false;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    std::uintptr_t start = info->dlpi_addr + segment.p_vaddr;
    if (segment.p_type == PT_GNU_EH_FRAME) eh_frame = reinterpret_cast<const void*>(start);
    if (segment.p_type != PT_LOAD) continue;
    if (start < low) low = start;
    if (start + segment.p_memsz > high) high = start + segment.p_memsz;
    contains |= search->address >= start && search->address < start + segment.p_memsz;
  }
  if (!contains) return 0;
  std::memset(search->result, 0, sizeof *search->result);
  search->result->dlfo_map_start = reinterpret_cast<void*>(low);
  search->result->dlfo_map_end = reinterpret_cast<void*>(high);
  search->result->dlfo_eh_frame = const_cast<void*>(eh_frame);
  search->found = true;
  return 1;
}

}  // namespace

extern "C" int _dl_find_object(void* address, dl_find_object* result) noexcept {
  Search search{reinterpret_cast<std::uintptr_t>(address), result, false};
  dl_iterate_phdr(visit_object, &search);
  return search.found ? 0 : -1;
}

#endif
