#include "dev/lambda_environment.hpp"

namespace sls::dev {

std::string aws_region_for(const std::string& sls_region) {
  static const std::map<std::string, std::string> k_regions = {
      {"iad1", "us-east-1"},      {"cle1", "us-east-2"},      {"sfo1", "us-west-1"},      {"pdx1", "us-west-2"},
      {"fra1", "eu-central-1"},   {"dub1", "eu-west-1"},      {"lhr1", "eu-west-2"},      {"cdg1", "eu-west-3"},
      {"arn1", "eu-north-1"},     {"hnd1", "ap-northeast-1"}, {"icn1", "ap-northeast-2"}, {"kix1", "ap-northeast-3"},
      {"sin1", "ap-southeast-1"}, {"syd1", "ap-southeast-2"}, {"bom1", "ap-south-1"},     {"hkg1", "ap-east-1"},
      {"gru1", "sa-east-1"},      {"cpt1", "af-south-1"},
  };
  auto found = k_regions.find(sls_region);
  return found == k_regions.end() ? sls_region : found->second;
}

std::map<std::string, std::string> lambda_environment(const InspectedBundle& bundle, const std::string& runtime_api,
                                                      const std::filesystem::path& task_root) {
  std::string region = aws_region_for(bundle.regions.empty() ? "iad1" : bundle.regions.front());
  std::string root = task_root.string();
  std::map<std::string, std::string> env = {
      {"AWS_LAMBDA_RUNTIME_API", runtime_api},
      {"_HANDLER", bundle.handler},
      {"LAMBDA_TASK_ROOT", root},
      {"LAMBDA_RUNTIME_DIR", root},
      {"AWS_EXECUTION_ENV", "AWS_Lambda_" + bundle.runtime},
      {"AWS_LAMBDA_FUNCTION_NAME", bundle.function},
      {"AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"},
      {"AWS_LAMBDA_FUNCTION_MEMORY_SIZE", std::to_string(bundle.memory_mb)},
      {"AWS_REGION", region},
      {"AWS_DEFAULT_REGION", region},
      {"LD_LIBRARY_PATH", root + "/lib"},
      {"PATH", "/usr/local/bin:/usr/bin:/bin"},
      {"LANG", "C.UTF-8"},
      {"TZ", ":UTC"},
  };
  if (bundle.concurrency > 1) env["AWS_LAMBDA_MAX_CONCURRENCY"] = std::to_string(bundle.concurrency);
  for (const auto& [name, value] : bundle.env) env[name] = value;
  return env;
}

}  // namespace sls::dev
