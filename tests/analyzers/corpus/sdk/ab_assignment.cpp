// Assigns visitors without a cookie to an experiment arm, weighted by the
// experiment's configured split.
#include <sls/function.hpp>

#include <random>
#include <string>

namespace {

struct Arm {
  const char* name;
  double weight;
};

constexpr Arm kArms[] = {{"control", 0.5}, {"variant-a", 0.25}, {"variant-b", 0.25}};

std::mt19937 engine{std::random_device{}()};

const char* pick_arm() {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  double x = u(engine);
  for (const auto& arm : kArms) {
    if (x < arm.weight) return arm.name;
    x -= arm.weight;
  }
  return kArms[0].name;
}

std::string cookie(const std::string& header, const std::string& name) {
  auto at = header.find(name + "=");
  if (at == std::string::npos) return {};
  auto end = header.find(';', at);
  return header.substr(at + name.size() + 1, end == std::string::npos ? std::string::npos : end - at - name.size() - 1);
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  std::string arm = cookie(req.header("cookie"), "exp_checkout");
  const bool fresh = arm.empty();
  if (fresh) arm = pick_arm();
  sls::Response res = sls::Response::json(200, "{\"arm\":\"" + arm + "\"}");
  if (fresh) res.set_header("set-cookie", "exp_checkout=" + arm + "; Path=/; Max-Age=2592000");
  return res;
}

SLS_HANDLER(handle)
