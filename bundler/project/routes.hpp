#pragma once
// File paths to function names and routes (docs/design.md §2):
//   api/hello.cpp          -> api/hello,       /api/hello
//   api/users/[id].cpp     -> api/users/[id],  /api/users/:id
//   api/emulator/index.cpp -> api/emulator,    /api/emulator

#include <string>

#include "core/expected.hpp"

namespace sls {

// `name` is a function name as above; returns its route or why it is invalid
// (unbalanced brackets, a parameter that is not an identifier, a repeated one).
Expected<std::string> route_for_function(const std::string& name);

// True when the route has a ":param" segment; such routes match after static ones.
bool is_dynamic_route(const std::string& route);

// What a route matches, with parameter names blanked: "/api/u/:id" and
// "/api/u/:name" have the same shape "/api/u/:" and cannot both exist.
std::string route_shape(const std::string& route);

}  // namespace sls
