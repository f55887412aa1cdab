#include "bundler/deploy/deploy_export.hpp"

namespace sls {

std::optional<ExportFormat> parse_export_format(const std::string& name) {
  if (name == "serverless") return ExportFormat::Serverless;
  if (name == "sam") return ExportFormat::Sam;
  if (name == "vercel") return ExportFormat::Vercel;
  return std::nullopt;
}

std::string to_string(ExportFormat format) {
  switch (format) {
    case ExportFormat::Serverless: return "serverless";
    case ExportFormat::Sam: return "sam";
    case ExportFormat::Vercel: return "vercel";
  }
  return "";
}

Expected<ExportResult> export_project(const DeployProject& project, ExportFormat format) {
  switch (format) {
    case ExportFormat::Serverless: return export_serverless(project);
    case ExportFormat::Sam: return export_sam(project);
    case ExportFormat::Vercel: return export_vercel(project);
  }
  return make_error("unknown export format");
}

}  // namespace sls
