#pragma once
// A planned function for tests that need one without scanning a project:
// owns the FunctionSource its PlannedFunction points at.

#include <memory>
#include <string>

#include "bundler/project/plan.hpp"

namespace sls::testing {

class PlannedFixture {
public:
  PlannedFixture(const std::string& name, const std::string& route, Target target = Target::Native)
      : m_source(std::make_unique<FunctionSource>()) {
    m_source->name = name;
    m_source->route = route;
    m_source->entry = name + ".cpp";
    m_source->sources = {m_source->entry};
    planned.source = m_source.get();
    planned.target = target;
  }

  PlannedFunction planned;

private:
  std::unique_ptr<FunctionSource> m_source;  // stays put when the fixture moves
};

}  // namespace sls::testing
