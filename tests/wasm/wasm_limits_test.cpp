// The one-line explanations sls adds under wasm32-wasi compile and link errors
// (bundler/wasm_limits.hpp).
#include "bundler/wasm/wasm_limits.hpp"

#include <gtest/gtest.h>

namespace sls::test {
namespace {

const SourceLocation k_fallback{"api/x.cpp", 0, 0};

TEST(WasmLimitsTest, ExceptionErrorGetsALocatedNote) {
  // Given clang's "cannot use 'throw'" error, we should add one note at the same file, line and column.
  auto notes = explain_wasm_limits(
      "api/x.cpp:7:5: error: cannot use 'throw' with exceptions disabled\n"
      "    7 |     throw 1;\n"
      "api/x.cpp:5:3: error: cannot use 'try' with exceptions disabled\n",
      k_fallback);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].severity, Severity::Note);
  EXPECT_EQ(notes[0].location.file, "api/x.cpp");
  EXPECT_EQ(notes[0].location.line, 7u);
  EXPECT_EQ(notes[0].location.column, 5u);
  EXPECT_NE(notes[0].message.find("[wasm-exceptions]"), std::string::npos) << notes[0].message;
}

TEST(WasmLimitsTest, EachLimitationIsRecognised) {
  // Given one typical error per limitation, we should name each limitation's rule.
  const std::pair<const char*, const char*> k_cases[] = {
      {"lib/t.cpp:2:17: error: no member named 'thread' in namespace 'std'", "[wasm-threads]"},
      {"lib/t.cpp:1:10: fatal error: 'pthread.h' file not found", "[wasm-threads]"},
      {"api/n.cpp:3:18: error: use of undeclared identifier 'socket'", "[wasm-sockets]"},
      {"api/n.cpp:1:10: fatal error: 'netdb.h' file not found", "[wasm-sockets]"},
      {"/sls/x/signal.h:2:2: error: \"wasm lacks signal support; to enable minimal signal emulation\"",
       "[wasm-signals]"},
      {"api/f.cpp:2:36: error: no member named 'exists' in namespace 'std::filesystem'", "[wasm-filesystem]"},
      {"api/p.cpp:3:46: error: use of undeclared identifier 'fork'", "[wasm-processes]"},
  };
  for (const auto& [line, rule] : k_cases) {
    auto notes = explain_wasm_limits(line, k_fallback);
    ASSERT_EQ(notes.size(), 1u) << line;
    EXPECT_NE(notes[0].message.find(rule), std::string::npos) << line << " -> " << notes[0].message;
  }
}

TEST(WasmLimitsTest, LinkerErrorUsesTheFallbackLocation) {
  // Given a wasm-ld error about __cxa_throw, we should explain it at the function's entry file.
  auto notes = explain_wasm_limits("wasm-ld: error: a.o: undefined symbol: __cxa_throw\n", k_fallback);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].location.file, "api/x.cpp");
  EXPECT_EQ(notes[0].location.line, 0u);
}

TEST(WasmLimitsTest, UnrelatedErrorsGetNoNote) {
  // Given an ordinary type error and a warning that mentions 'socket', we should add nothing.
  auto notes = explain_wasm_limits(
      "api/x.cpp:3:1: error: unknown type name 'strin'\n"
      "api/x.cpp:4:1: warning: use of undeclared identifier 'socket'\n",
      k_fallback);
  EXPECT_TRUE(notes.empty());
}

}  // namespace
}  // namespace sls::test
