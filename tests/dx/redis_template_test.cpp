// The stateful-redis template against a real redis-server: concurrent
// writers never fork the state, a stale ETag gets 412, and a warm instance
// survives a Redis restart between invocations.

#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundler/inspect/inspect.hpp"
#include "bundler/inspect/zip_reader.hpp"
#include "lambda_runtime_server.hpp"
#include "tests/dx/dx_support.hpp"
#include "tests/dx/redis_server.hpp"

namespace sls::dx {
namespace {

using namespace std::chrono_literals;

struct HttpReply {
  int status = 0;
  std::string etag;
  std::string body;
};

// The template project, built once for every test here.
const fs::path& project() {
  static TempDir temp("sls-dx-redis");
  static const fs::path dir = [] {
    fs::path project = temp.path() / "state";
    init_project(project, "stateful-redis");
    SlsRun build = run_sls({"build", project.string(), "-j", "2"});
    EXPECT_EQ(build.exit_code, 0) << build.err;
    return project;
  }();
  return dir;
}

// `sls invoke api/state` against the server on `port`; parses "HTTP/1.1 N", the ETag and the body.
HttpReply invoke(std::uint16_t port, const std::string& method, const std::string& if_match = {},
                 const std::string& body = {}) {
  std::vector<std::string> args = {"invoke", "api/state", "-X", method};
  if (!if_match.empty()) args.insert(args.end(), {"-H", "If-Match: " + if_match});
  if (method == "PUT") args.insert(args.end(), {"-d", body});
  SlsRun run = run_sls(args, project(), {{"REDIS_PORT", std::to_string(port)}});
  HttpReply reply;
  std::istringstream lines(run.out.substr(0, run.out.find("\n\n")));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("HTTP/1.1 ", 0) == 0) reply.status = std::stoi(line.substr(9));
    if (line.rfind("ETag: ", 0) == 0) reply.etag = line.substr(6);
  }
  if (auto blank = run.out.find("\n\n"); blank != std::string::npos) reply.body = run.out.substr(blank + 2);
  EXPECT_NE(reply.status, 0) << run.out << run.err;
  return reply;
}

class RedisTemplateTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(project().empty());
    ASSERT_TRUE(m_redis.start()) << "redis-server did not start: run scripts/install-deps.sh";
  }
  TempDir m_scratch{"sls-dx-redis-server"};
  RedisServer m_redis{m_scratch.path()};
};

TEST_F(RedisTemplateTest, LatestEtagAdvancesStaleEtagGets412) {
  // Given version 0, a write naming "0" should make version 1; a second write naming "0" should get 412.
  HttpReply first = invoke(m_redis.port(), "GET");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.etag, "\"0\"");
  HttpReply written = invoke(m_redis.port(), "PUT", "\"0\"", "one");
  EXPECT_EQ(written.status, 200);
  EXPECT_EQ(written.etag, "\"1\"");
  HttpReply stale = invoke(m_redis.port(), "PUT", "\"0\"", "forked");
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.etag, "\"1\"");
  EXPECT_EQ(stale.body, "one");
  EXPECT_EQ(invoke(m_redis.port(), "PUT", "", "no precondition").status, 428);
  HttpReply now = invoke(m_redis.port(), "GET");
  EXPECT_EQ(now.etag, "\"1\"");
  EXPECT_EQ(now.body, "one");
}

// Reads, appends "|<id>" and writes with If-Match, retrying a few times on 412/503.
// Returns the version its write created, or 0 if every attempt lost.
std::uint64_t append_as(std::uint16_t port, const std::string& id) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    HttpReply read = invoke(port, "GET");
    HttpReply write = invoke(port, "PUT", read.etag, read.body + "|" + id);
    if (write.status == 200) return std::stoull(write.etag.substr(1));
  }
  return 0;
}

TEST_F(RedisTemplateTest, ConcurrentWritersNeverForkTheHistory) {
  // Given six processes appending at once, every successful write should be in the one final history,
  // at the position of the version it created, and no version should have been created twice.
  std::vector<std::uint64_t> versions(6, 0);
  std::vector<std::thread> writers;
  for (std::size_t i = 0; i < versions.size(); ++i)
    writers.emplace_back([&, i] { versions[i] = append_as(m_redis.port(), "w" + std::to_string(i)); });
  for (std::thread& writer : writers) writer.join();

  HttpReply final_state = invoke(m_redis.port(), "GET");
  std::vector<std::string> history;  // the body is "|w3|w0|…": one entry per version
  std::istringstream entries(final_state.body);
  for (std::string entry; std::getline(entries, entry, '|');)
    if (!entry.empty()) history.push_back(entry);
  std::set<std::uint64_t> created;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    if (versions[i] == 0) continue;
    EXPECT_TRUE(created.insert(versions[i]).second) << "version " << versions[i] << " was created twice";
    ASSERT_LE(versions[i], history.size()) << final_state.body;
    EXPECT_EQ(history[versions[i] - 1], "w" + std::to_string(i)) << final_state.body;
  }
  EXPECT_GE(created.size(), 2u) << "too few writes succeeded to exercise the lock";
  EXPECT_EQ(final_state.etag, "\"" + std::to_string(history.size()) + "\"");
  EXPECT_EQ(created.size(), history.size()) << "the history holds a write nobody was told succeeded";
}

nlohmann::json http_event(const std::string& method, const std::string& if_match = {}, const std::string& body = {}) {
  nlohmann::json headers = nlohmann::json::object();
  if (!if_match.empty()) headers["if-match"] = if_match;
  return {{"version", "2.0"},
          {"rawPath", "/api/state"},
          {"rawQueryString", ""},
          {"headers", headers},
          {"body", body},
          {"isBase64Encoded", false},
          {"requestContext", {{"http", {{"method", method}, {"path", "/api/state"}}}}}};
}

// One warm bootstrap (Lambda Runtime API mode) that keeps its Redis connection between invocations.
class WarmInstance {
public:
  WarmInstance(const fs::path& dir, std::uint16_t redis_port)
      : m_child({{(dir / "bootstrap").string()},
                 test::inherited_env({{"AWS_LAMBDA_RUNTIME_API", m_server.address()},
                                      {"LAMBDA_TASK_ROOT", dir.string()},
                                      {"REDIS_PORT", std::to_string(redis_port)}}),
                 {},
                 dir},
                dir) {}
  ~WarmInstance() {
    m_server.stop();
    m_child.kill();
  }

  // Status code and the response JSON of one invocation (waits at most 10 s).
  nlohmann::json invoke(const nlohmann::json& event) {
    std::string id = m_server.enqueue(event.dump());
    for (auto deadline = std::chrono::steady_clock::now() + 10s; std::chrono::steady_clock::now() < deadline;) {
      if (auto result = m_server.result_for(id)) return nlohmann::json::parse(result->body, nullptr, false);
      std::this_thread::sleep_for(5ms);
    }
    ADD_FAILURE() << "no response; bootstrap stderr: " << m_child.err();
    return {};
  }

private:
  test::LambdaRuntimeServer m_server;
  test::Child m_child;
};

TEST_F(RedisTemplateTest, WarmInstanceSurvivesARedisRestart) {
  // Given a warm instance whose Redis restarts between invocations, it should answer 503 while Redis is down
  // and reconnect afterwards, instead of failing on its stale connection.
  TempDir extracted("sls-dx-redis-bundle");
  auto bundle = inspect_bundle(project() / ".sls/output/functions/api/state.zip");
  ASSERT_TRUE(bundle);
  ASSERT_TRUE(extract_files(bundle->contents, extracted.path()));
  WarmInstance instance(extracted.path(), m_redis.port());

  EXPECT_EQ(instance.invoke(http_event("PUT", "\"0\"", "before"))["statusCode"], 200);
  m_redis.stop();
  nlohmann::json down = instance.invoke(http_event("GET"));
  EXPECT_EQ(down["statusCode"], 503) << down.dump();
  ASSERT_TRUE(m_redis.start());
  nlohmann::json after = instance.invoke(http_event("GET"));
  EXPECT_EQ(after["statusCode"], 200) << after.dump();
  EXPECT_EQ(after["body"], "") << "a restarted Redis without persistence starts empty";
  EXPECT_EQ(instance.invoke(http_event("PUT", "\"0\"", "after"))["statusCode"], 200);
}

}  // namespace
}  // namespace sls::dx
