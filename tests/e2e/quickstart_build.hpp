#pragma once
// examples/quickstart copied to a temporary folder and built once per test
// program; every test of the program reads the same output.

#include <filesystem>
#include <string>

#include "tests/e2e/e2e_support.hpp"

namespace sls::e2e {

struct QuickstartBuild {
  fs::path project;  // the copy
  SlsRun build;      // what `sls build` printed
  fs::path output() const { return project / ".sls" / "output"; }
  fs::path bundle(const std::string& function) const { return output() / "functions" / (function + ".zip"); }
};

const QuickstartBuild& quickstart();

}  // namespace sls::e2e
