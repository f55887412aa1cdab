// arc4random for the statically linked C++ runtime.
//
// Debian 12's GCC 12 libstdc++.a (linked into every bootstrap by
// -static-libstdc++) implements std::random_device with glibc's arc4random,
// which exists only since glibc 2.36. A bootstrap that draws a random id
// would import arc4random@GLIBC_2.36 and fail to start on provided.al2023
// (glibc 2.34); sls's glibc check would refuse it (docs/tree-shaking.md).
// Defining the three functions here resolves those references inside the
// executable. They read the kernel's generator with getrandom(2)
// (GLIBC_2.25), which is what glibc's own arc4random does.
#include <sys/random.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" {

void arc4random_buf(void* buffer, std::size_t size) noexcept {
  auto* bytes = static_cast<unsigned char*>(buffer);
  while (size > 0) {
    ssize_t got = ::getrandom(bytes, size, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      std::abort();  // as glibc does: there is no way to report failure
    }
    bytes += got;
    size -= static_cast<std::size_t>(got);
  }
}

std::uint32_t arc4random() noexcept {
  std::uint32_t value;
  arc4random_buf(&value, sizeof value);
  return value;
}

// A uniform value below `upper_bound`, without modulo bias.
std::uint32_t arc4random_uniform(std::uint32_t upper_bound) noexcept {
  if (upper_bound < 2) return 0;
  std::uint32_t minimum = (0u - upper_bound) % upper_bound;
  for (;;) {
    std::uint32_t value = arc4random();
    if (value >= minimum) return value % upper_bound;
  }
}

}  // extern "C"
