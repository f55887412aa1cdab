// Renders transactional email templates ({{name}} placeholders) with the
// values from the request. Template files are cached after the first read.
#include <sls/function.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

std::string read_all(std::ifstream& in) {
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string load_footer() {
  const char* path = std::getenv("EMAIL_FOOTER_FILE");
  if (!path) return "";
  std::ifstream in(path);
  return read_all(in);
}

const std::string footer = load_footer();
std::map<std::string, std::string> templates;

const std::string& template_for(const std::string& name) {
  auto it = templates.find(name);
  if (it != templates.end()) return it->second;
  std::ifstream in("templates/" + name + ".html");
  return templates[name] = read_all(in);
}

std::string render(std::string text, const sls::Request& req) {
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at)) {
    const size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    const std::string value = req.query(text.substr(at + 2, end - at - 2));
    text.replace(at, end - at + 2, value);
    at += value.size();
  }
  return text;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string name = req.param("template");
  if (name.empty() || name.find('.') != std::string::npos) return sls::Response::text(400, "bad template name");
  const std::string& tpl = template_for(name);
  if (tpl.empty()) return sls::Response::text(404, "no such template");
  return sls::Response::html(200, render(tpl, req) + footer);
}

SLS_HANDLER(handle)
