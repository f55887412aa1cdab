#pragma once
// Lazy initialisation: code that sits in handler context but runs once per
// instance, the first time a request needs it, and is then reused warm
// (docs/design.md §7, "init"). The rules treat it as initialisation.

namespace clang {
class Stmt;
}  // namespace clang

namespace sls::analyzers {

class TuModel;

// True when `stmt` runs at most once per instance: in the branch of an `if`
// that runs only while a static variable is still unset (`if (!g_conn)`,
// `if (fd < 0)`, `if (cache.empty())`, `if (!worker.joinable())`), after an
// early return taken once it is set (`if (g_conn) return g_conn;`), inside
// the callable of std::call_once / pthread_once, or in a function whose every
// call is itself lazy. A test that also checks something else about the
// variable (`if (!conn || PQstatus(conn) != CONNECTION_OK)`) is a liveness
// check, not a one-time guard: the code under it runs again.
bool is_lazy_init(const clang::Stmt& stmt, const TuModel& model);

}  // namespace sls::analyzers
