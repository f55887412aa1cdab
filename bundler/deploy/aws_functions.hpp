#pragma once
// What the two CloudFormation-based formats (Serverless Framework, SAM) share:
// native functions grouped by AWS region, the bundle zips copied beside the
// per-region folders, and the warnings for what Lambda cannot run.

#include <map>
#include <string>
#include <vector>

#include "bundler/deploy/deploy_export.hpp"

namespace sls {

// AWS region -> the native functions deployed there (sorted by name).
using FunctionsByRegion = std::map<std::string, std::vector<const DeployFunction*>>;

// Groups native functions by the AWS region of each of their regions; wasm
// functions are left out with a warning naming `format`.
Expected<FunctionsByRegion> group_by_aws_region(const DeployProject& project, const std::string& format,
                                                std::vector<std::string>& warnings);

// Where a function's zip is copied in the export: "bundles/ApiHello.zip".
// Flat and unique, because the Serverless Framework names the S3 object after
// the artifact's file name alone (two "[id].zip" would overwrite each other).
std::string exported_bundle_path(const DeployFunction& function);

// Each bundle copied into the export once, whatever the number of regions.
void add_bundle_copies(const FunctionsByRegion& regions, ExportResult& result);

// A CloudFormation/Serverless service name: letters, digits and '-', starting with a letter.
std::string service_name_for(const std::string& project);

void sort_files(ExportResult& result);

}  // namespace sls
