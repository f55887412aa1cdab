#pragma once
// `sls dev`: the project served locally the way the platform runs it. One build with the normal
// pipeline, then one HTTP server for the whole site: static files of public/ and every route of
// the manifest to its function (function_host.hpp). A watcher rebuilds on saves; a function
// whose bundle changed gets fresh instances for new requests, one that failed to build keeps
// serving its last good bundle. An idle sweep evicts instances. One access-log line per request.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "bundler/pipeline.hpp"
#include "core/diagnostics.hpp"
#include "dev/function_host.hpp"
#include "dev/http_server.hpp"
#include "dev/router.hpp"
#include "dev/site.hpp"
#include "dev/watcher.hpp"

namespace sls::dev {

struct DevOptions {
  std::filesystem::path project_dir = ".";
  std::string host = "127.0.0.1";
  std::uint16_t port = 3000;  // 0: any free port
  int instances = 1;          // per function
  std::chrono::milliseconds idle_timeout{300'000};
  unsigned jobs = 1;
  bool lint = true;
  bool watch = true;
  std::optional<Target> target_override;
  std::optional<std::string> arch_override;  // --arch
  std::chrono::milliseconds debounce{200};
};

// Called after every build with what `sls build` would print.
using BuildReporter = std::function<void(const BuildSummary&, const Diagnostics&, double seconds)>;

class DevServer {
public:
  DevServer(DevOptions options, BuildReporter reporter);
  ~DevServer();
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  // Builds, then listens, watches and sweeps. An error when the project cannot be loaded (a
  // broken sls.toml) or the address cannot be listened on.
  Status start();
  std::uint16_t port() const;

  // Stops watching, closes the listener and stops every instance. Idempotent.
  void stop();

private:
  // The routes and files of one build, swapped whole after each build.
  struct Site {
    Router router;
    std::map<std::string, StaticFile> static_files;
    std::map<std::string, std::shared_ptr<FunctionHost>> functions;
    std::map<std::string, std::string> cache_control;  // by function name, when configured
  };

  bool build();
  void apply(const SiteManifest& manifest);
  void update_function(const SiteFunction& function, std::map<std::string, std::shared_ptr<FunctionHost>>& hosts);
  HttpResponse handle(const HttpRequest& request);
  HttpResponse route(const HttpRequest& request, std::string& served_by, bool& cold, std::string& problem);
  std::shared_ptr<const Site> site() const;
  void watch_loop();
  void sweep_loop();

  DevOptions m_options;
  BuildReporter m_reporter;
  std::filesystem::path m_output_dir;
  mutable std::mutex m_site_mutex;
  std::shared_ptr<const Site> m_site;
  std::map<std::string, std::string> m_served_sha;  // function -> sha256 of the bundle its host runs
  std::map<std::string, std::string> m_served_target;
  std::unique_ptr<HttpServer> m_server;
  std::unique_ptr<Watcher> m_watcher;
  std::thread m_watch_thread;
  std::thread m_sweep_thread;
  std::mutex m_sweep_mutex;
  std::condition_variable m_sweep_wake;
  bool m_stopping = false;
};

// "GET /api/visits 200 api/visits#2 warm 1.3 ms": the access-log line of one request.
std::string access_log_line(const HttpRequest& request, int status, const std::string& served_by, bool cold,
                            bool function, std::chrono::nanoseconds duration);

}  // namespace sls::dev
