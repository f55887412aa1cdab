#pragma once
// Which static-storage variable an expression designates, following the ways
// handler code reaches one without naming it: local references, pointers and
// iterators bound to it (`Session& s = sessions[id];`, `auto [it, fresh] =
// table.try_emplace(key);`), functions that hand it out (`store().put(…)`,
// `PQexec(db(), …)`), `this` in a member function that runs on a static
// object, and pointer arithmetic into a static buffer (`buffer + used`).

namespace clang {
class Expr;
class VarDecl;
}  // namespace clang

namespace sls::analyzers {

class TuModel;

const clang::VarDecl* static_root(const clang::Expr* expr, const TuModel& model);

}  // namespace sls::analyzers
