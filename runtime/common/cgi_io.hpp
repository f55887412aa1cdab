// Binds the CGI adapter to the real process: environ, stdin, stdout.
#pragma once

#include <string>

namespace sls::runtime {

// Runs one CGI/WAGI invocation of the linked handler. `argv_path` is WAGI's argv[0] (empty on
// native). Always returns 0: CGI reports errors through "status:", and Spin treats a non-zero exit
// as a broken module.
int run_cgi_process(std::string argv_path);

}  // namespace sls::runtime
