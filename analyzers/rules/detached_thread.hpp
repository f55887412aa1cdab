#pragma once
#include <vector>

#include "analyzers/check.hpp"

namespace sls::analyzers {

// sls-detached-thread: std::thread::detach, pthread_detach, pthread_create
// whose thread is never joined, and std::thread objects in static storage
// that are never joined. A joined thread, or a std::jthread local (it joins
// in its destructor), ends with the invocation and is not reported.
class DetachedThreadCheck : public Check {
public:
  DetachedThreadCheck() : Check("sls-detached-thread") {}
  void register_matchers(clang::ast_matchers::MatchFinder& finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
  void on_end_of_translation_unit() override;

private:
  std::vector<const clang::CallExpr*> m_pthread_creates;
  std::vector<const clang::CallExpr*> m_pthread_joins;
  std::vector<const clang::VarDecl*> m_thread_globals;
};

}  // namespace sls::analyzers
