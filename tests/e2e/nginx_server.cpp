#include "tests/e2e/nginx_server.hpp"

#include "core/file_system.hpp"
#include "tests/support/loopback.hpp"

namespace sls::e2e {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

// The configuration docs/configuration.md gives, with every path inside the test's folder.
fs::path NginxServer::write_config() const {
  std::string root = m_dir.root().string();
  std::string conf = "master_process off;\n"
                     "worker_processes 1;\n"
                     "pid " + root + "/nginx.pid;\n"
                     "error_log " + root + "/error.log;\n"
                     "events { worker_connections 128; }\n"
                     "http {\n"
                     "  access_log " + root + "/access.log;\n"
                     "  client_body_temp_path " + root + "/client_body;\n"
                     "  proxy_temp_path " + root + "/proxy;\n"
                     "  fastcgi_temp_path " + root + "/fastcgi;\n"
                     "  uwsgi_temp_path " + root + "/uwsgi;\n"
                     "  scgi_temp_path " + root + "/scgi;\n"
                     "  server {\n"
                     "    listen 127.0.0.1:" + std::to_string(m_port) + ";\n"
                     "    location / {\n"
                     "      root " + data_dir().string() + ";\n"
                     "      dav_methods PUT;\n"
                     "      create_full_put_path on;\n"
                     "      client_max_body_size 0;\n"
                     "    }\n"
                     "  }\n"
                     "}\n";
  fs::path path = m_dir.root() / "nginx.conf";
  m_dir.write("nginx.conf", conf);
  return path;
}

NginxServer::NginxServer() {
  fs::create_directories(data_dir());
  // A port can be taken between choosing and listening: a few tries.
  for (int attempt = 0; attempt < 3 && !running(); ++attempt) {
    m_port = testing::free_loopback_port();
    fs::path conf = write_config();
    m_process.reset(new ServerProcess({"nginx", "-p", m_dir.root().string(), "-c", conf.string(), "-e",
                                       (m_dir.root() / "error.log").string(), "-g", "daemon off;"},
                                      m_dir.root() / "nginx.out"));
    if (!m_process->wait_for_port(m_port, 5s)) m_process.reset();
  }
}

std::size_t NginxServer::count(const std::string& method, const std::string& prefix) const {
  auto log = read_file(m_dir.root() / "access.log");
  std::string needle = "\"" + method + " " + prefix;
  std::size_t found = 0;
  for (std::size_t at = log ? log->find(needle) : std::string::npos; at != std::string::npos;
       at = log->find(needle, at + 1))
    ++found;
  return found;
}

std::string NginxServer::error_log() const {
  auto out = read_file(m_dir.root() / "nginx.out");
  auto log = read_file(m_dir.root() / "error.log");
  return (out ? *out : "") + (log ? *log : "");
}

}  // namespace sls::e2e
