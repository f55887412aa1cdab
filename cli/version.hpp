#pragma once
// What `sls --version` prints: sls itself and the libraries that decide its
// behaviour (LLVM for the analyzers, libarchive for reading zips). The LLVM
// version comes from a header: sls itself does not link LLVM (the lint engine does).

#include <string>

namespace sls::cli {

inline constexpr const char* k_sls_version = "0.1.0";

// Three lines: "sls X", "LLVM X", "libarchive X".
std::string version_text();

}  // namespace sls::cli
