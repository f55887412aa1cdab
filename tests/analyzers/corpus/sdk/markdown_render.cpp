// Renders Markdown to HTML with the bundled renderer plugin, loaded on the
// first request that needs it.
#include <sls/function.hpp>

#include <dlfcn.h>
#include <string>

namespace {

typedef int (*render_fn)(const char* markdown, size_t length, char* out, size_t capacity);

void* renderer_lib = nullptr;
render_fn render_markdown = nullptr;

bool load_renderer() {
  if (render_markdown) return true;
  renderer_lib = dlopen("libcmark-lite.so", RTLD_NOW | RTLD_LOCAL);
  if (!renderer_lib) return false;
  render_markdown = reinterpret_cast<render_fn>(dlsym(renderer_lib, "cmark_lite_render"));
  return render_markdown != nullptr;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (!load_renderer()) return sls::Response::text(500, std::string("renderer unavailable: ") + dlerror());
  const std::string& md = req.body();
  std::string html(md.size() * 2 + 256, '\0');
  int n = render_markdown(md.data(), md.size(), html.data(), html.size());
  if (n < 0) return sls::Response::text(422, "could not render");
  html.resize(static_cast<size_t>(n));
  return sls::Response::html(200, html);
}

SLS_HANDLER(handle)
