// A bundle started where only the runtime's files exist: a folder holding
// glibc's libraries (what provided.al2023 provides, docs/tree-shaking.md) and
// the CA bundle where Amazon Linux 2023 keeps it, entered with chroot in a
// new mount and PID namespace (glibc resolves $ORIGIN through /proc). The
// function links Debian's libcurl, whose own dependencies (libnghttp2,
// libssh2, …) must come from the bundle's lib/, and fetches a page from an
// HTTPS server on 127.0.0.1 whose certificate only that CA bundle trusts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "bundler/shake/shared_libs.hpp"
#include "process.hpp"
#include "tests/tree_shaking/tree_shaking_e2e.hpp"

namespace sls::e2e {
namespace {

using namespace std::chrono_literals;

fs::path project_fixture(const std::string& name) { return fs::path(SLS_TREE_SHAKING_PROJECTS) / name; }

std::uint16_t free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

bool accepts(std::uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

void copy_into(const fs::path& file, const fs::path& root) {
  fs::path target = root / file.relative_path();
  fs::create_directories(target.parent_path());
  fs::copy_file(fs::canonical(file), target, fs::copy_options::overwrite_existing);
}

// A root holding only glibc's shared objects (the runtime's set), the CA
// bundle at Amazon Linux's path, and the extracted bundle in /var/task.
fs::path make_runtime_root(const fs::path& root, const fs::path& bundle, const fs::path& ca_file) {
  for (const std::string& soname : runtime_profile_al2023().provided)
    for (const char* dir : {"/lib/x86_64-linux-gnu", "/lib64"})
      if (fs::exists(fs::path(dir) / soname)) copy_into(fs::path(dir) / soname, root);
  fs::create_directories(root / "etc/pki/tls/certs");
  fs::copy_file(ca_file, root / "etc/pki/tls/certs/ca-bundle.crt");
  fs::create_directories(root / "proc");
  fs::create_directories(root / "var");
  fs::rename(bundle, root / "var/task");
  return root;
}

// An HTTPS server (openssl s_server) on 127.0.0.1 with a certificate for 127.0.0.1 signed by nobody else.
struct HttpsServer {
  HttpsServer(const fs::path& dir) : port(free_port()) {
    test::ProcessResult made = test::run_process(
        {{"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
          "subjectAltName=IP:127.0.0.1", "-keyout", (dir / "key.pem").string(), "-out", (dir / "cert.pem").string()},
         test::inherited_env(),
         {},
         dir},
        dir, 60s);
    EXPECT_EQ(made.exit_code, 0) << made.err;
    std::ofstream(dir / "index.html") << "served over TLS\n";
    child = std::make_unique<test::Child>(
        test::ProcessSpec{{"openssl", "s_server", "-accept", "127.0.0.1:" + std::to_string(port), "-cert",
                           (dir / "cert.pem").string(), "-key", (dir / "key.pem").string(), "-WWW", "-quiet"},
                          test::inherited_env(),
                          {},
                          dir},
        dir);
    for (auto deadline = std::chrono::steady_clock::now() + 10s;
         std::chrono::steady_clock::now() < deadline && !accepts(port);)
      std::this_thread::sleep_for(20ms);
  }
  std::uint16_t port;
  std::unique_ptr<test::Child> child;  // killed by its destructor
};

TEST(RuntimeRootTest, ALibcurlFunctionStartsAndFetchesOverHttpsWithOnlyTheRuntimesFiles) {
  // Given a libcurl function and a root holding only glibc and AL2023's CA bundle, the bootstrap should start
  // (libcurl's own dependencies found through the bundle's DT_RPATH) and fetch from the HTTPS server.
  BuiltProject built = build_copy(project_fixture("curl-client"));
  ASSERT_EQ(built.build.exit_code, 0) << built.build.err;
  std::vector<std::string> files = bundle_paths(built.bundle("api/fetch"));
  EXPECT_NE(std::find(files.begin(), files.end(), "lib/libcurl.so.4"), files.end());
  EXPECT_NE(std::find(files.begin(), files.end(), "lib/libnghttp2.so.14"), files.end());

  testing::TempDir scratch("sls-runtime-root");
  HttpsServer server(scratch.root());
  ASSERT_TRUE(accepts(server.port)) << "openssl s_server did not start";
  fs::path root =
      make_runtime_root(scratch.root() / "root", extract(built.bundle("api/fetch")), scratch.root() / "cert.pem");
  std::string url = "https://127.0.0.1:" + std::to_string(server.port) + "/index.html";
  test::ProcessResult result =
      test::run_process({{"unshare", "-m", "-p", "-f", "--mount-proc=" + (root / "proc").string(), "chroot",
                          root.string(), "/var/task/bootstrap"},
                         {{"REQUEST_METHOD", "GET"},
                          {"PATH_INFO", "/api/fetch"},
                          {"QUERY_STRING", "url=" + url},
                          {"GATEWAY_INTERFACE", "CGI/1.1"},
                          {"LAMBDA_TASK_ROOT", "/var/task"},
                          {"PATH", "/usr/sbin:/usr/bin:/sbin:/bin"}},
                         {},
                         scratch.root()},
                        scratch.root(), 60s);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("status: 200"), std::string::npos) << result.out << result.err;
  EXPECT_NE(result.out.find("served over TLS"), std::string::npos) << result.out << result.err;
}

}  // namespace
}  // namespace sls::e2e
