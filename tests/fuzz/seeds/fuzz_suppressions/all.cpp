static int hits = 0;  // NOLINT(sls-global-mutable-state)
// NOLINTNEXTLINE(sls-posix-timer, sls-periodic-*)
static int t = 0;
// NOLINTBEGIN(sls-connection-lifecycle)
int a;
// NOLINTEND(sls-connection-lifecycle)
// NOLINTBEGIN
// NOLINTEND(
int b; // NOLINT()
int c; // NOLINT(*)
// NOLINTEND
