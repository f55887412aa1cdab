#include "cli/version.hpp"

#include <archive.h>
#include <llvm/Config/llvm-config.h>

namespace sls::cli {

std::string version_text() {
  // archive_version_details() would list every codec; the one line is what bug reports need.
  return std::string("sls ") + k_sls_version + "\nLLVM " + LLVM_VERSION_STRING + "\n" + archive_version_string();
}

}  // namespace sls::cli
