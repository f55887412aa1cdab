# `cpack -G DEB` in the build tree makes sls_<version>_amd64.deb: bin/sls,
# lib/sls/libsls-lint-engine.so (the Clang-based analyzers, which sls dlopen()s
# from ../lib/sls/ beside itself when linting runs) and share/sls (SDK headers,
# runtime glue sources, templates) under /usr.
#
# sls is a compiler driver: at run time it needs the clang/lld/llvm 19 tools
# and the wasm32 sysroot as much as its own shared libraries, so both kinds are
# declared by hand (dpkg-shlibdeps would only see the second kind, and is not
# installed on every CI machine).

set(CPACK_PACKAGE_NAME "sls")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Builds serverless C/C++ projects into deployable bundles")
set(CPACK_PACKAGE_CONTACT "sls maintainers <maintainers@sls.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # sls_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "amd64")
# libllvm19 and libclang-cpp19 are needed by the lint engine, not by bin/sls.
set(sls_deb_libraries "libc6 (>= 2.34), libstdc++6, libgcc-s1, libllvm19, libclang-cpp19, libarchive13, libzstd1, zlib1g, libssl3, libelf1, libcurl4")
set(sls_deb_toolchain "clang-19, lld-19, llvm-19, libstdc++-12-dev, wasi-libc, libc++-19-dev-wasm32, libc++abi-19-dev-wasm32, libclang-rt-19-dev-wasm32")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${sls_deb_libraries}, ${sls_deb_toolchain}")
# wasm-opt shrinks modules; Node.js runs them for `sls invoke`; clangd reads compile_commands.json.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "binaryen, nodejs, clangd-19")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "wabt")

# Only what a user installs: tests and static libraries have no install rules.
set(CPACK_GENERATOR "DEB")
include(CPack)
