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
# The extended description Debian shows under the summary (lintian wants one;
# CPack writes the summary line itself).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "sls turns a project folder (public/ static files, api/ C and C++ functions,
sls.toml) into one deterministic zip per function, ready for AWS Lambda's
provided.al2023 runtime or as WASI modules, plus a manifest of routes,
regions and static files. It lints functions for state that breaks when
instances are frozen, thawed and reused, tree-shakes code, data files and
shared libraries into each bundle, serves the project locally (sls dev) and
writes the deploy formats of the Serverless Framework, AWS SAM and Vercel.")
set(CPACK_PACKAGE_CONTACT "sls maintainers <maintainers@sls.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # sls_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "amd64")
# libllvm19 and libclang-cpp19 are needed by the lint engine, not by bin/sls.
# scripts/check-deb-depends.sh (run by scripts/test-package.sh) compares these
# with the DT_NEEDED libraries of everything in the package.
set(sls_deb_libraries "libc6 (>= 2.34), libstdc++6, libgcc-s1, libllvm19, libclang-cpp19, libarchive13, libzstd1, zlib1g, libssl3, libelf1, libcurl4, libtomlplusplus3")
# ... and these with the packages owning the headers the runtime glue includes.
set(sls_deb_toolchain "clang-19, lld-19, llvm-19, libstdc++-12-dev, nlohmann-json3-dev, wasi-libc, libc++-19-dev-wasm32, libc++abi-19-dev-wasm32, libclang-rt-19-dev-wasm32")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${sls_deb_libraries}, ${sls_deb_toolchain}")
# wasm-opt shrinks modules; Node.js runs them for `sls invoke`; clangd reads compile_commands.json.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "binaryen, nodejs, clangd-19")
# arch = "arm64" needs Debian's cross sysroot, and sls invoke/dev run such functions under qemu-aarch64
# (docs/targets.md).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "wabt, libc6-dev-arm64-cross, libstdc++-12-dev-arm64-cross, libgcc-12-dev-arm64-cross, qemu-user")

# Debian's policy files: copyright, the changelog (gzip -9n: no name or time
# in the header, so the package is reproducible) and a manual page generated
# from --help by help2man after sls is linked.
find_program(SLS_GZIP gzip REQUIRED)
find_program(SLS_HELP2MAN help2man REQUIRED)
set(sls_debian_dir ${CMAKE_BINARY_DIR}/debian)
add_custom_command(
  OUTPUT ${sls_debian_dir}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${sls_debian_dir}
  COMMAND ${SLS_GZIP} -9n -c ${PROJECT_SOURCE_DIR}/cmake/debian/changelog > ${sls_debian_dir}/changelog.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/debian/changelog
  VERBATIM)
add_custom_command(
  OUTPUT ${sls_debian_dir}/sls.1.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${sls_debian_dir}
  # The page's date is the changelog's (help2man reads SOURCE_DATE_EPOCH), not the build's.
  COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1796169600 ${SLS_HELP2MAN} --no-info --no-discard-stderr --section=1
          "--name=${CPACK_PACKAGE_DESCRIPTION_SUMMARY}" --output=${sls_debian_dir}/sls.1 $<TARGET_FILE:sls>
  COMMAND ${SLS_GZIP} -9n -f ${sls_debian_dir}/sls.1
  DEPENDS sls
  VERBATIM)
add_custom_target(sls_debian_files ALL DEPENDS ${sls_debian_dir}/changelog.gz ${sls_debian_dir}/sls.1.gz)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian/copyright ${sls_debian_dir}/changelog.gz DESTINATION share/doc/sls)
install(FILES ${sls_debian_dir}/sls.1.gz DESTINATION share/man/man1)

# Only what a user installs: tests and static libraries have no install rules.
set(CPACK_GENERATOR "DEB")
include(CPack)
