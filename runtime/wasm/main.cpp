// The wasm32-wasi entry point: one WAGI request per module instance.
#include "../common/cgi_io.hpp"

int main(int argc, char** argv) {
  // WAGI passes the URL path as argv[0] (and the query items after it; QUERY_STRING has them too).
  return sls::runtime::run_cgi_process(argc > 0 && argv[0] != nullptr ? argv[0] : "");
}
