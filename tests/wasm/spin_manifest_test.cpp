// spin.toml (bundler/output/spin_manifest.hpp): valid TOML in Spin's version 2 shape,
// one WAGI trigger per wasm function.
#include "bundler/output/spin_manifest.hpp"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "tests/support/planned_function.hpp"

namespace sls::test {
namespace {

struct SpinInput {
  std::string name, route;
  std::vector<std::pair<std::string, std::string>> env;
};

// Renders spin.toml for planned wasm functions made from `inputs`.
std::string render(const std::string& application, const std::vector<SpinInput>& inputs) {
  std::vector<testing::PlannedFixture> fixtures;
  fixtures.reserve(inputs.size());
  std::vector<const PlannedFunction*> functions;
  for (const SpinInput& input : inputs) {
    fixtures.emplace_back(input.name, input.route, Target::Wasm).planned.env = input.env;
  }
  for (const auto& fixture : fixtures) functions.push_back(&fixture.planned);
  return render_spin_manifest(application, functions);
}

toml::table parse(const std::string& text) {
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& error) {
    ADD_FAILURE() << "spin.toml is not valid TOML: " << error.description() << "\n" << text;
    return {};
  }
}

TEST(SpinManifestTest, ComponentIdsAreKebabCase) {
  // Given function names with brackets, digits and capitals, we should make kebab-case ids whose words start with a
  // letter.
  EXPECT_EQ(spin_component_id("api/hello"), "api-hello");
  EXPECT_EQ(spin_component_id("api/users/[id]"), "api-users-id");
  EXPECT_EQ(spin_component_id("api/v2/2fa_Check"), "api-v2-n2fa-check");
}

TEST(SpinManifestTest, OneWagiTriggerPerFunction) {
  // Given two wasm functions, we should write version 2 with a WAGI trigger, its route and its component each.
  std::string text = render("demo", {{"api/hello", "/api/hello", {}}, {"api/users/[id]", "/api/users/:id", {}}});
  toml::table manifest = parse(text);
  EXPECT_EQ(manifest["spin_manifest_version"].value<int64_t>(), 2);
  EXPECT_EQ(manifest["application"]["name"].value<std::string>(), "demo");
  toml::array* triggers = manifest["trigger"]["http"].as_array();
  ASSERT_NE(triggers, nullptr) << text;
  ASSERT_EQ(triggers->size(), 2u);
  auto second = *triggers->get(1)->as_table();
  EXPECT_EQ(second["route"].value<std::string>(), "/api/users/:id");
  EXPECT_EQ(second["component"].value<std::string>(), "api-users-id");
  EXPECT_EQ(second["executor"]["type"].value<std::string>(), "wagi");
  auto component = manifest["component"]["api-users-id"];
  EXPECT_EQ(component["source"].value<std::string>(), "functions/api/users/[id]/function.wasm");
  EXPECT_EQ(component["files"][0]["source"].value<std::string>(), "functions/api/users/[id]");
  EXPECT_EQ(component["files"][0]["destination"].value<std::string>(), "/");
}

TEST(SpinManifestTest, EnvironmentIsEscaped) {
  // Given env values with quotes and a newline, we should write them as valid TOML strings that read back the same.
  toml::table manifest = parse(render("a \"b\"", {{"api/x", "/api/x", {{"GREETING", "say \"hi\"\n"}}}}));
  EXPECT_EQ(manifest["application"]["name"].value<std::string>(), "a \"b\"");
  EXPECT_EQ(manifest["component"]["api-x"]["environment"]["GREETING"].value<std::string>(), "say \"hi\"\n");
}

TEST(SpinManifestTest, CollidingIdsGetSuffixes) {
  // Given api/users/[id] and api/users/id, we should keep both components under distinct ids.
  toml::table manifest =
      parse(render("demo", {{"api/users/[id]", "/api/users/:id", {}}, {"api/users/id", "/api/users/id", {}}}));
  EXPECT_TRUE(manifest["component"]["api-users-id"].is_table());
  EXPECT_EQ(manifest["component"]["api-users-id-2"]["source"].value<std::string>(),
            "functions/api/users/id/function.wasm");
}

}  // namespace
}  // namespace sls::test
