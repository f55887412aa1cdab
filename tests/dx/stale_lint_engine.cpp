// A lint engine as another build of sls ships it: this interface and version,
// other analyzer sources (lint_engine_test.cpp). sls must refuse it and say which.

#include "analyzers/lint_engine.hpp"

extern "C" __attribute__((visibility("default"))) const sls::analyzers::LintEngine* sls_lint_engine_v1() {
  static const sls::analyzers::LintEngine engine = [] {
    auto described = sls::analyzers::expected_lint_engine(SLS_VERSION);
    described.fingerprint = "0ther50urce5-of-another-build";
    return described;
  }();
  return &engine;
}
