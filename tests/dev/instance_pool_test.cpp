// choose_slot and InstancePool (dev/instance_pool.hpp) with fake instances: which instance a
// request goes to, when one is started, and when one is let go.
#include "dev/instance_pool.hpp"

#include <atomic>
#include <future>
#include <thread>

#include <gtest/gtest.h>

namespace sls::dev {
namespace {
using namespace std::chrono_literals;

TEST(ChooseSlotTest, StartsUntilTheMaximumThenGoesRoundRobin) {
  // Given room for two instances, we should start one while fewer than two exist, then alternate.
  std::size_t cursor = 0;
  EXPECT_EQ(choose_slot({}, 2, 1, cursor).kind, SlotChoice::Kind::Start);
  EXPECT_EQ(choose_slot({0}, 2, 1, cursor).kind, SlotChoice::Kind::Start);
  SlotChoice first = choose_slot({0, 0}, 2, 1, cursor), second = choose_slot({0, 0}, 2, 1, cursor);
  EXPECT_EQ(first.kind, SlotChoice::Kind::Use);
  EXPECT_EQ(first.index, 0u);
  EXPECT_EQ(second.index, 1u);
  EXPECT_EQ(choose_slot({0, 0}, 2, 1, cursor).index, 0u);
}

TEST(ChooseSlotTest, SkipsFullInstancesAndWaitsWhenAllAreFull) {
  // Given concurrency 2, we should pass over an instance serving two and wait when both are.
  std::size_t cursor = 0;
  EXPECT_EQ(choose_slot({2, 1}, 2, 2, cursor).index, 1u);
  EXPECT_EQ(choose_slot({2, 2}, 2, 2, cursor).kind, SlotChoice::Kind::Wait);
  EXPECT_EQ(choose_slot({1}, 1, 4, cursor).kind, SlotChoice::Kind::Use);  // one instance, up to four at once
}

// Counts its own invocations, like a function keeping a global; can be told to "time out".
class FakeInstance final : public Instance {
public:
  explicit FakeInstance(std::atomic<int>& alive_count) : m_alive_count(alive_count) { ++m_alive_count; }
  ~FakeInstance() override { --m_alive_count; }
  InvocationOutcome invoke(const std::string& event, std::chrono::milliseconds) override {
    if (event == "slow") std::this_thread::sleep_for(200ms);
    if (event == "hang") return {InvocationOutcome::Kind::TimedOut, "", ""};
    return {InvocationOutcome::Kind::Response, std::to_string(++m_served), ""};
  }
  bool alive() const override { return true; }

private:
  std::atomic<int>& m_alive_count;
  std::atomic<int> m_served{0};
};

class InstancePoolTest : public ::testing::Test {
protected:
  InstanceFactory factory() {
    return [this](int) -> Expected<std::unique_ptr<Instance>> {
      return std::unique_ptr<Instance>(std::make_unique<FakeInstance>(m_alive));
    };
  }
  std::atomic<int> m_alive{0};
};

TEST_F(InstancePoolTest, TwoInstancesKeepTheirOwnCounts) {
  // Given --instances 2, we should see four requests served cold, cold, warm, warm by #1, #2, #1, #2,
  // each instance counting only its own.
  InstancePool pool("api/visits", {2, 1, 1s, 60s}, factory());
  std::vector<ServedInvocation> served;
  for (int i = 0; i < 4; ++i) served.push_back(pool.invoke("event"));
  EXPECT_EQ(served[0].instance_number, 1);
  EXPECT_EQ(served[1].instance_number, 2);
  EXPECT_EQ(served[2].instance_number, 1);
  EXPECT_EQ(served[3].instance_number, 2);
  EXPECT_TRUE(served[0].cold && served[1].cold);
  EXPECT_FALSE(served[2].cold || served[3].cold);
  EXPECT_EQ(served[2].outcome.body, "2");
  EXPECT_EQ(served[3].outcome.body, "2");
}

TEST_F(InstancePoolTest, ConcurrencyServesSeveralRequestsFromOneInstance) {
  // Given one instance of concurrency 4 and four slow requests at once, we should start one instance only.
  InstancePool pool("api/slow", {1, 4, 1s, 60s}, factory());
  std::vector<std::future<ServedInvocation>> calls;
  for (int i = 0; i < 4; ++i) calls.push_back(std::async(std::launch::async, [&] { return pool.invoke("slow"); }));
  for (auto& call : calls) EXPECT_EQ(call.get().instance_number, 1);
  EXPECT_EQ(m_alive, 1);
}

TEST_F(InstancePoolTest, ATimedOutInstanceIsDiscarded) {
  // Given an invocation that timed out, we should stop its instance and start a new one for the next request.
  InstancePool pool("api/stuck", {1, 1, 1s, 60s}, factory());
  EXPECT_EQ(pool.invoke("hang").outcome.kind, InvocationOutcome::Kind::TimedOut);
  EXPECT_EQ(m_alive, 0);
  ServedInvocation next = pool.invoke("event");
  EXPECT_EQ(next.instance_number, 2);
  EXPECT_TRUE(next.cold);
}

TEST_F(InstancePoolTest, IdleInstancesAreEvictedAndReplacedOnesRetire) {
  // Given an idle instance, we should evict it after the idle time; after replace(), new requests
  // should go to a fresh instance.
  InstancePool pool("api/x", {1, 1, 1s, 10s}, factory());
  pool.invoke("event");
  EXPECT_TRUE(pool.evict_idle(std::chrono::steady_clock::now()).empty());
  EXPECT_EQ(pool.evict_idle(std::chrono::steady_clock::now() + 11s), std::vector<int>{1});
  EXPECT_EQ(m_alive, 0);
  pool.invoke("event");
  pool.replace({1, 1, 1s, 10s}, factory());
  EXPECT_EQ(m_alive, 0);  // it was idle: stopped at once
  ServedInvocation fresh = pool.invoke("event");
  EXPECT_TRUE(fresh.cold);
  EXPECT_EQ(fresh.outcome.body, "1");
}

TEST_F(InstancePoolTest, AFailedStartIsAnInitError) {
  // Given a factory that cannot start an instance, we should answer with an init error naming why.
  InstancePool pool("api/x", {1, 1, 1s, 10s},
                    [](int) -> Expected<std::unique_ptr<Instance>> { return make_error("no bootstrap"); });
  ServedInvocation served = pool.invoke("event");
  EXPECT_EQ(served.outcome.kind, InvocationOutcome::Kind::InitError);
  EXPECT_EQ(served.outcome.error_type, "no bootstrap");
  EXPECT_EQ(pool.live_instances(), 0u);
}

}  // namespace
}  // namespace sls::dev
