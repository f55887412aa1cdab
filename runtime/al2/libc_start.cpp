// __libc_start_main for provided.al2 (Amazon Linux 2, glibc 2.26).
//
// The start file every executable begins with (Scrt1.o, from Debian 12's
// glibc 2.36) calls __libc_start_main@@GLIBC_2.34 and passes no init
// function, because since 2.34 libc runs the program's constructors itself.
// Amazon Linux 2's __libc_start_main (GLIBC_2.2.5) does not: it runs only the
// init function it is given. This definition, hidden, takes the start file's
// call and hands the old version an init function that runs what glibc 2.26's
// own start code ran (the preinit array, _init, the init array), so global
// constructors run on both. A newer glibc's old version calls the init
// function it is given instead of running the arrays itself, so nothing runs
// twice. See docs/targets.md (provided.al2).
#if defined(__x86_64__)

namespace {
using Main = int (*)(int, char**, char**);
using Initializer = void (*)(int, char**, char**);
}  // namespace

extern "C" {
int sls_old_libc_start_main(Main, int, char**, Initializer, void (*)(), void (*)(), void*);
__asm__(".symver sls_old_libc_start_main, __libc_start_main@GLIBC_2.2.5");

// Bounds the linker defines around the executable's init arrays, and the
// .init section's function from crti.o.
extern Initializer __preinit_array_start[] __attribute__((weak, visibility("hidden")));
extern Initializer __preinit_array_end[] __attribute__((weak, visibility("hidden")));
extern Initializer __init_array_start[] __attribute__((weak, visibility("hidden")));
extern Initializer __init_array_end[] __attribute__((weak, visibility("hidden")));
void _init();
}

namespace {
void run_initializers(int argc, char** argv, char** envp) {
  for (Initializer* each = __preinit_array_start; each < __preinit_array_end; ++each) (*each)(argc, argv, envp);
  _init();
  for (Initializer* each = __init_array_start; each < __init_array_end; ++each) (*each)(argc, argv, envp);
}
}  // namespace

extern "C" __attribute__((visibility("hidden"))) int __libc_start_main(Main main, int argc, char** argv,
                                                                       Initializer init, void (*fini)(),
                                                                       void (*rtld_fini)(), void* stack_end) {
  return sls_old_libc_start_main(main, argc, argv, init ? init : run_initializers, fini, rtld_fini, stack_end);
}

#endif  // __x86_64__
