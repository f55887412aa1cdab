// CGI/WAGI as plain data: environment + stdin in, "status:/headers/blank line/body" out.
// cgi_io.cpp binds it to the real process; tests call it directly.
#pragma once

#include <string>

#include <sls/function.hpp>

#include "invocation.hpp"

namespace sls::runtime {

struct CgiInput {
  Fields env;             // the whole environment, in any order
  std::string body;       // stdin
  std::string argv_path;  // WAGI passes the URL path as argv[0]; empty on native
};

// REQUEST_METHOD, the path (PATH_INFO, else X_RAW_PATH_INFO, else SCRIPT_NAME, else argv_path,
// else "/"), QUERY_STRING, CONTENT_TYPE/CONTENT_LENGTH and HTTP_* (as lower-case, '-' names,
// sorted by name so the environment's order does not leak into the request).
Request request_from_cgi(const CgiInput& input, const detail::FunctionInfo& info);

// "status: N\n", "name: value\n" per header, "\n", body. WAGI wants bare LF line endings.
std::string format_cgi_response(const Response& response);

// One whole CGI invocation. Never fails: a missing handler or (natively) an escaping exception
// becomes a 500 whose body names the problem.
std::string run_cgi(const CgiInput& input, const HandlerBinding& binding);

}  // namespace sls::runtime
