// Arcade leaderboard for the office game night: post a score, get the top 10.
#include <sls/function.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace game {

struct State {
  std::map<std::string, long> best;
  char champion[64] = "nobody";
  long champion_score = 0;
};

State state;

void post_score(const std::string& player, long score) {
  long& best = state.best[player];
  best = std::max(best, score);
  if (score > state.champion_score) {
    state.champion_score = score;
    std::strncpy(state.champion, player.c_str(), sizeof state.champion - 1);
  }
}

std::string top10() {
  std::vector<std::pair<long, std::string>> rows;
  for (const auto& [name, score] : state.best) rows.emplace_back(score, name);
  std::sort(rows.rbegin(), rows.rend());
  std::string out = "[";
  for (size_t i = 0; i < rows.size() && i < 10; ++i) {
    out += (i ? ",{" : "{") + std::string("\"name\":\"") + rows[i].second + "\",\"score\":" + std::to_string(rows[i].first) + "}";
  }
  return out + "]";
}

}  // namespace game

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (req.method() == "POST") {
    const std::string player = req.query("player");
    const long score = std::atol(req.query("score").c_str());
    if (player.empty() || player.size() > 32) return sls::Response::text(400, "bad player name");
    game::post_score(player, score);
  }
  return sls::Response::json(200, "{\"champion\":\"" + std::string(game::state.champion) + "\",\"top\":" + game::top10() + "}");
}

SLS_HANDLER(handle)
