#include "dev/dev_server.hpp"

#include <cstdio>

#include "bundler/inspect/local_invoke.hpp"
#include "bundler/project/project.hpp"
#include "core/process.hpp"
#include "dev/console.hpp"

namespace sls::dev {
namespace fs = std::filesystem;

std::string access_log_line(const HttpRequest& request, int status, const std::string& served_by, bool cold,
                            bool function, std::chrono::nanoseconds duration) {
  char milliseconds[32];
  std::snprintf(milliseconds, sizeof milliseconds, "%.1f ms",
                std::chrono::duration<double, std::milli>(duration).count());
  std::string line = request.method + " " + request.target + " " + std::to_string(status) + " " + served_by;
  if (function) line += cold ? " cold" : " warm";
  return line + " " + milliseconds;
}

DevServer::DevServer(DevOptions options, BuildReporter reporter)
    : m_options(std::move(options)),
      m_reporter(std::move(reporter)),
      m_output_dir(output_dir_for(m_options.project_dir)),
      m_site(std::make_shared<Site>()) {}

DevServer::~DevServer() { stop(); }

std::uint16_t DevServer::port() const { return m_server ? m_server->port() : 0; }

Status DevServer::start() {
  if (!build()) return make_error("the project could not be loaded; fix the problems above and run sls dev again");
  auto server = HttpServer::listen(m_options.host, m_options.port,
                                   [this](const HttpRequest& request) { return handle(request); });
  if (!server) return server.error();
  m_server = std::move(*server);
  if (m_options.watch) {
    auto watcher = Watcher::open(m_options.project_dir);
    if (!watcher) return watcher.error();
    m_watcher = std::move(*watcher);
    m_watch_thread = std::thread([this] { watch_loop(); });
  }
  m_sweep_thread = std::thread([this] { sweep_loop(); });
  return Ok{};
}

void DevServer::stop() {
  {
    std::lock_guard lock(m_sweep_mutex);
    if (m_stopping) return;
    m_stopping = true;
    m_sweep_wake.notify_all();
  }
  if (m_watcher) m_watcher->stop();
  if (m_watch_thread.joinable()) m_watch_thread.join();  // a build in progress finishes first
  if (m_sweep_thread.joinable()) m_sweep_thread.join();
  if (m_server) m_server->stop();
  std::lock_guard lock(m_site_mutex);
  m_site = std::make_shared<Site>();  // the hosts, and so every instance, stop with the last reference
}

// The normal `sls build`, then the new output goes live. False only when nothing could be built.
bool DevServer::build() {
  BuildOptions options;
  options.project_dir = m_options.project_dir;
  options.target_override = m_options.target_override;
  options.arch_override = m_options.arch_override;
  options.jobs = m_options.jobs;
  options.lint = m_options.lint;
  options.progress = Progress::Style::Silent;
  SystemProcessRunner runner;
  Diagnostics diagnostics;
  auto begin = std::chrono::steady_clock::now();
  BuildSummary summary = build_project(options, runner, diagnostics);
  m_reporter(summary, diagnostics, std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count());
  if (!summary.config_ok) return false;
  auto manifest = read_site_manifest(m_output_dir);
  if (!manifest) {
    print_line("sls: cannot read the build's output: " + manifest.error().message);
    return false;
  }
  apply(*manifest);
  return true;
}

void DevServer::apply(const SiteManifest& manifest) {
  auto next = std::make_shared<Site>();
  next->router = Router(manifest.routes);
  next->static_files = manifest.static_files;
  for (const SiteFunction& function : manifest.functions)
    if (!function.cache_control.empty()) next->cache_control[function.name] = function.cache_control;
  next->functions = site()->functions;  // hosts carry over; update_function swaps what changed
  std::map<std::string, std::shared_ptr<FunctionHost>> hosts;
  for (const SiteFunction& function : manifest.functions) update_function(function, next->functions);
  for (const SiteFunction& function : manifest.functions)
    if (auto found = next->functions.find(function.name); found != next->functions.end()) hosts.insert(*found);
  next->functions = std::move(hosts);  // functions no longer in the project are dropped (and stopped)
  std::lock_guard lock(m_site_mutex);
  m_site = std::move(next);
}

void DevServer::update_function(const SiteFunction& function,
                                std::map<std::string, std::shared_ptr<FunctionHost>>& hosts) {
  bool known = hosts.count(function.name) > 0;
  if (!function.built)
    print_line("sls: " + function.name + " failed to build; " +
               (known ? "still serving its last good bundle" : "it has no bundle to serve yet"));
  if (!function.bundle || (known && m_served_sha[function.name] == function.bundle_sha256)) return;
  auto bundle = inspect_bundle(*function.bundle);
  if (!bundle) {
    print_line("sls: cannot read the bundle of " + function.name + ": " + bundle.error().message);
    return;
  }
  // The same check `sls invoke` makes: a bundle that does not match its sls.json is never run.
  if (Status runnable = check_runnable(*bundle); !runnable) {
    print_line("sls: " + function.name + " is not served: " + runnable.error().message);
    return;
  }
  auto shared = std::make_shared<const InspectedBundle>(std::move(*bundle));
  if (known && m_served_target[function.name] == shared->target) {
    hosts[function.name]->replace(shared);
    print_line("sls: " + function.name + " rebuilt; new requests go to fresh instances");
  } else {
    hosts[function.name] = make_function_host(shared, {m_options.instances, m_options.idle_timeout});
  }
  m_served_sha[function.name] = function.bundle_sha256;
  m_served_target[function.name] = shared->target;
}

std::shared_ptr<const DevServer::Site> DevServer::site() const {
  std::lock_guard lock(m_site_mutex);
  return m_site;
}

HttpResponse DevServer::handle(const HttpRequest& request) {
  auto begin = std::chrono::steady_clock::now();
  std::string served_by = "-", problem;
  bool cold = false;
  HttpResponse response = route(request, served_by, cold, problem);
  bool function = served_by != "-" && served_by != "static";
  std::string line =
      access_log_line(request, response.status, served_by, cold, function, std::chrono::steady_clock::now() - begin);
  print_line(problem.empty() ? line : line + " (" + problem + ")");
  return response;
}

HttpResponse DevServer::route(const HttpRequest& request, std::string& served_by, bool& cold, std::string& problem) {
  std::shared_ptr<const Site> current = site();
  auto match = current->router.match(request.path());
  if (!match) return HttpResponse::text(404, "not found: " + request.path() + "\n");
  if (match->route->kind == Route::Kind::Static) {
    auto file = current->static_files.find(match->route->target);
    if (file == current->static_files.end()) return HttpResponse::text(404, "not found: " + request.path() + "\n");
    served_by = "static";
    return serve_static(file->second, m_output_dir / "static", request);
  }
  auto host = current->functions.find(match->route->target);
  if (host == current->functions.end())
    return HttpResponse::text(503, match->route->target + " has not built yet; see the build errors sls dev printed\n");
  HostedResponse hosted = host->second->serve(request, *match);
  served_by = hosted.instance;
  cold = hosted.cold;
  problem = hosted.problem;
  if (auto configured = current->cache_control.find(match->route->target); configured != current->cache_control.end())
    add_default_cache_control(hosted.response, configured->second);
  return hosted.response;
}

void DevServer::watch_loop() {
  while (auto changed = m_watcher->wait_for_change(m_options.debounce)) {
    print_line("sls: " + *changed + " changed; rebuilding");
    build();
  }
}

void DevServer::sweep_loop() {
  std::unique_lock lock(m_sweep_mutex);
  auto period = std::min<std::chrono::milliseconds>(std::chrono::seconds(1),
                                                    m_options.idle_timeout / 4 + std::chrono::milliseconds(1));
  while (!m_sweep_wake.wait_for(lock, period, [&] { return m_stopping; })) {
    lock.unlock();
    auto now = std::chrono::steady_clock::now();
    for (const auto& [name, host] : site()->functions)
      for (const std::string& label : host->evict_idle(now))
        print_line("sls: " + label + " evicted after " +
                   std::to_string(std::chrono::duration_cast<std::chrono::seconds>(m_options.idle_timeout).count()) +
                   " s idle");
    lock.lock();
  }
}

}  // namespace sls::dev
