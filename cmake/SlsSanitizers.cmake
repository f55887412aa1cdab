# Sanitizer and fuzzing builds (docs/reliability.md). Both are off in a normal build.
#   -DSLS_SANITIZE=ON  every sls target with AddressSanitizer + UndefinedBehaviorSanitizer
#   -DSLS_FUZZ=ON      the same, plus libFuzzer coverage and the targets of tests/fuzz
option(SLS_SANITIZE "Build sls with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SLS_FUZZ "Build the libFuzzer targets (implies SLS_SANITIZE; needs clang)" OFF)
# The lint engine is Clang's libTooling plus our rules; instrumenting it costs most of a sanitizer
# build's time, so by default the sanitized sls loads the normal build's engine ($SLS_LINT_ENGINE)
# and only sls's own code is instrumented.
option(SLS_SANITIZE_LINT_ENGINE "Build the lint engine in a sanitizer build too" OFF)

if(SLS_FUZZ)
  set(SLS_SANITIZE ON)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SLS_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-19")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(SLS_SANITIZE)
  # Undefined behaviour stops the program like a memory error does, so a test sees it as a failure.
  set(SLS_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${SLS_SANITIZER_FLAGS})
  add_link_options(${SLS_SANITIZER_FLAGS})
endif()
