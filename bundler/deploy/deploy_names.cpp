#include "bundler/deploy/deploy_names.hpp"

#include <cctype>
#include <map>
#include <regex>
#include <vector>

namespace sls {
namespace {

std::vector<std::string> segments_of(const std::string& route) {
  std::vector<std::string> segments;
  for (std::size_t at = 1; at <= route.size();) {
    std::size_t end = route.find('/', at);
    if (end == std::string::npos) end = route.size();
    segments.push_back(route.substr(at, end - at));
    at = end + 1;
  }
  return segments;
}

bool is_parameter(const std::string& segment) { return !segment.empty() && segment[0] == ':'; }

// Regex metacharacters in a static segment are matched literally.
std::string regex_literal(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace

std::string brace_route(const std::string& route) {
  std::string out;
  for (const std::string& segment : segments_of(route))
    out += "/" + (is_parameter(segment) ? "{" + segment.substr(1) + "}" : segment);
  return out.empty() ? "/" : out;
}

std::string vercel_route_source(const std::string& route) {
  std::string out = "^";
  for (const std::string& segment : segments_of(route))
    out += "/" + (is_parameter(segment) ? std::string("([^/]+)") : regex_literal(segment));
  return out + "$";
}

std::string vercel_route_query(const std::string& route) {
  std::string query;
  int group = 0;
  for (const std::string& segment : segments_of(route)) {
    if (!is_parameter(segment)) continue;
    query += (query.empty() ? "?" : "&") + segment.substr(1) + "=$" + std::to_string(++group);
  }
  return query;
}

std::string logical_id_for(const std::string& function_name) {
  std::string id;
  bool word_start = true;
  for (unsigned char c : function_name) {
    if (!std::isalnum(c)) {
      word_start = true;
      continue;
    }
    id += word_start ? static_cast<char>(std::toupper(c)) : static_cast<char>(c);
    word_start = false;
  }
  return id.empty() || std::isdigit(static_cast<unsigned char>(id[0])) ? "F" + id : id;
}

namespace {

// Vercel's regions and the AWS regions they run in (Vercel's region list).
const std::map<std::string, std::string> k_vercel_regions = {
      {"arn1", "eu-north-1"},     {"bom1", "ap-south-1"},     {"cdg1", "eu-west-3"},
      {"cle1", "us-east-2"},      {"cpt1", "af-south-1"},     {"dub1", "eu-west-1"},
      {"fra1", "eu-central-1"},   {"gru1", "sa-east-1"},      {"hkg1", "ap-east-1"},
      {"hnd1", "ap-northeast-1"}, {"iad1", "us-east-1"},      {"icn1", "ap-northeast-2"},
      {"kix1", "ap-northeast-3"}, {"lhr1", "eu-west-2"},      {"pdx1", "us-west-2"},
      {"sfo1", "us-west-1"},      {"sin1", "ap-southeast-1"}, {"syd1", "ap-southeast-2"},
};

}  // namespace

bool is_vercel_region(const std::string& region) { return k_vercel_regions.count(region) != 0; }

std::optional<std::string> aws_region_for(const std::string& region) {
  if (auto found = k_vercel_regions.find(region); found != k_vercel_regions.end()) return found->second;
  static const std::regex k_aws_region("[a-z]{2}(-gov)?-[a-z]+-[0-9]");
  if (std::regex_match(region, k_aws_region)) return region;
  return std::nullopt;
}

}  // namespace sls
