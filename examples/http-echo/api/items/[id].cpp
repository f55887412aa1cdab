// GET /api/items/:id -> one item as JSON, 404 for an unknown id, 500 when the
// stored record is damaged.
//
// The 500 path uses no exceptions: wasm32-wasi builds have none, so failures
// travel as values (std::optional, an error string) up to the handler, which
// turns them into a response. The same code then behaves the same on both
// targets.
#include <sls/function.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace {

struct Item {
  std::string name;
  int stock = 0;
};

// The "database": id -> "name:stock". Record 3 is damaged on purpose.
std::optional<std::string_view> stored_record(std::string_view id) {
  if (id == "1") return "apple:12";
  if (id == "2") return "pear:0";
  if (id == "3") return "plum";
  return std::nullopt;
}

// An Item, or why the record cannot be read.
struct Parsed {
  std::optional<Item> item;
  std::string error;
};

Parsed parse_record(std::string_view record) {
  auto colon = record.find(':');
  if (colon == std::string_view::npos) return {std::nullopt, "record has no stock field"};
  int stock = 0;
  for (char c : record.substr(colon + 1)) {
    if (c < '0' || c > '9') return {std::nullopt, "stock is not a number"};
    stock = stock * 10 + (c - '0');
  }
  return {Item{std::string(record.substr(0, colon)), stock}, {}};
}

}  // namespace

sls::Response get_item(const sls::Request& req, sls::Context&) {
  if (req.method() != "GET") return sls::Response::json(405, R"({"error":"use GET"})");
  std::string id = req.param("id");
  std::optional<std::string_view> record = stored_record(id);
  if (!record) return sls::Response::json(404, R"({"error":"no item )" + id + R"("})");
  Parsed parsed = parse_record(*record);
  if (!parsed.item) return sls::Response::json(500, R"({"error":")" + parsed.error + R"("})");
  return sls::Response::json(200, R"({"id":)" + id + R"(,"name":")" + parsed.item->name + R"(","stock":)" +
                                      std::to_string(parsed.item->stock) + "}");
}
SLS_HANDLER(get_item)
