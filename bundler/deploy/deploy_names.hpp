#pragma once
// The translations every deploy format needs: sls routes into each tool's
// route syntax, function names into identifiers, sls regions into AWS regions
// (docs/deploy.md).

#include <optional>
#include <string>

namespace sls {

// "/api/users/:id" -> "/api/users/{id}" (API Gateway, Serverless Framework, SAM).
std::string brace_route(const std::string& route);

// "/api/users/:id" -> "^/api/users/([^/]+)$" (Vercel's config.json `src`).
std::string vercel_route_source(const std::string& route);

// "/api/users/:id" -> "?id=$1": what Vercel appends to the destination so the
// function still sees its parameters after the rewrite.
std::string vercel_route_query(const std::string& route);

// "api/users/[id]" -> "ApiUsersId": a CloudFormation logical ID (alphanumeric).
std::string logical_id_for(const std::string& function_name);

// "iad1" -> "us-east-1" (the AWS region each Vercel region runs in); an AWS
// region name is returned as is; anything else has no AWS region.
std::optional<std::string> aws_region_for(const std::string& region);

// True for Vercel's own region IDs ("iad1"), the only ones Vercel accepts.
bool is_vercel_region(const std::string& region);

}  // namespace sls
