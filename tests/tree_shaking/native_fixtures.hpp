#pragma once
// Small native programs compiled at test time, so the ELF reader and the
// library closure are tested on real linker output, not on hand-made bytes.

#include <filesystem>
#include <string>
#include <vector>

namespace sls::test {

// Compiles C `source` in a fresh temporary folder with `flags` into an
// executable (or a shared library when flags hold -shared); empty on failure
// (the test then fails on its own assertion).
std::filesystem::path compile_c(const std::string& source, const std::vector<std::string>& flags,
                                const std::string& output_name = "program");

// A fresh, empty temporary folder.
std::filesystem::path temp_dir();

}  // namespace sls::test
