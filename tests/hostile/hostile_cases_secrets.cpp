// Secrets: matched case-insensitively against the documented list, never
// shipped unless an include glob names them, and warned about even then.
#include "tests/hostile/hostile_project.hpp"

namespace sls::hostile {
namespace {

// A secret in public/: not copied to static/, with a warning.
HostileCase public_secret(const std::string& name, const std::string& path) {
  return {name, [path](HostileProject& p) { p.write("public/" + path, "SECRET\n"); }, 0, "not shipped: this looks like a secret",
          Outcome::GoodStillBuilt, {}, {}, false,
          [path](HostileProject& p, const e2e::SlsRun&) {
            EXPECT_FALSE(fs::exists(p.root() / ".sls/output/static" / path)) << path << " was shipped";
          }};
}

// A secret that a broad include glob reaches: skipped with a warning naming it.
HostileCase globbed_secret(const std::string& name, const std::string& path) {
  return {name,
          [path](HostileProject& p) {
            p.write("data/" + path, "SECRET\n");
            p.write("data/ok.txt", "fine\n");
            p.write("sls.toml", "[functions.\"api/good\"]\ninclude = [\"data/**\"]\n");
          },
          0, "look like secrets or VCS data", Outcome::GoodStillBuilt, {}, {}, false,
          [path](HostileProject& p, const e2e::SlsRun&) {
            for (const auto& [file, bytes] : p.output_contents())
              EXPECT_EQ(file.find(path), std::string::npos) << file << " was shipped";
          }};
}

}  // namespace

std::vector<HostileCase> secret_cases() {
  std::vector<HostileCase> cases = {
      public_secret("secret_upper_case_key", "server.KEY"),
      public_secret("secret_upper_case_pem", "CERT.PEM"),
      public_secret("secret_git_file", ".git"),
      public_secret("secret_git_folder", ".git/config"),
      public_secret("secret_env_file", ".env.production"),
      public_secret("secret_netrc", ".netrc"),
      public_secret("secret_npmrc", ".npmrc"),
      public_secret("secret_htpasswd", ".htpasswd"),
      public_secret("secret_keystore_p12", "keystore.p12"),
      public_secret("secret_pfx", "site.PFX"),
      public_secret("secret_jks", "trust.jks"),
      public_secret("secret_git_credentials", ".git-credentials"),
      globbed_secret("secret_ssh_dsa_key", ".ssh/id_dsa"),
      globbed_secret("secret_ed25519_key", "id_ed25519"),
      globbed_secret("secret_aws_credentials", ".aws/credentials"),
      globbed_secret("secret_pypirc", ".pypirc"),
      globbed_secret("secret_pgpass", ".pgpass"),
  };
  cases.push_back({"secret_named_explicitly_ships_with_a_warning",
                   [](HostileProject& p) {
                     p.write("data/tls.key", "KEY\n");
                     p.write("sls.toml", "[functions.\"api/good\"]\ninclude = [\"data/tls.key\"]\n");
                   },
                   0, "looks like a secret and is shipped because an include glob names it", Outcome::GoodStillBuilt, {},
                   {}, false,
                   [](HostileProject& p, const e2e::SlsRun&) {
                     bool shipped = false;
                     for (const auto& [file, bytes] : p.output_contents()) shipped |= file.find("data/tls.key") != std::string::npos;
                     EXPECT_TRUE(shipped);
                   }});
  return cases;
}

}  // namespace sls::hostile
