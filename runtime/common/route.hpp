// Matching a request path against the function's route to extract route parameters.
#pragma once

#include <optional>
#include <string_view>

#include <sls/fields.hpp>

namespace sls::runtime {

// Route syntax (what sls derives from file names): literal segments, ":name" for one segment
// ("[id].cpp"), and a final "*name" for the rest of the path ("[...slug].cpp").
// "/api/users/:id" vs "/api/users/42" -> {{"id","42"}}; no match -> nullopt.
// Values are percent-decoded ('+' stays '+', as in paths). One trailing '/' is ignored.
std::optional<Fields> match_route(std::string_view route, std::string_view path);

}  // namespace sls::runtime
