#pragma once
// A small deterministic YAML writer for the deploy formats (serverless.yml,
// template.yaml). It writes block style in the order the document was built
// (nlohmann::ordered_json), so the output is a function of the input alone.
// Strings that YAML could read as anything else (numbers, booleans, null,
// indicators, ':' or '#') are double-quoted with JSON escapes, which YAML
// reads back as the same string. No Debian library was needed for this much.

#include <string>

#include <nlohmann/json.hpp>

namespace sls {

std::string render_yaml(const nlohmann::ordered_json& document);

// A scalar as the writer prints it: plain when that reads back as the same
// string, else double-quoted.
std::string yaml_scalar(const nlohmann::ordered_json& value);

}  // namespace sls
