// Renders an invoice PDF for an order and keeps a copy in the archive folder.
#include <sls/function.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>

namespace {

void on_error(HPDF_STATUS, HPDF_STATUS, void*) {}

std::string invoice_number() {
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count();
  return "INV-" + std::to_string(secs) + "-" + std::to_string(getpid());
}

bool render(const std::string& number, const std::string& customer, const std::string& amount) {
  HPDF_Doc pdf = HPDF_New(on_error, nullptr);
  if (!pdf) return false;
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", nullptr);
  HPDF_Page_SetFontAndSize(page, font, 14);
  HPDF_Page_BeginText(page);
  const HPDF_REAL top = HPDF_Page_GetHeight(page) - 60;
  HPDF_Page_TextOut(page, 50, top, ("Invoice " + number).c_str());
  HPDF_Page_TextOut(page, 50, top - 24, ("Customer: " + customer).c_str());
  HPDF_Page_TextOut(page, 50, top - 48, ("Amount due: " + amount).c_str());
  HPDF_Page_EndText(page);
  mkdir("/var/task/archive", 0755);
  HPDF_STATUS saved = HPDF_SaveToFile(pdf, "/var/task/archive/last-invoice.pdf");
  HPDF_Free(pdf);
  return saved == HPDF_OK;
}

std::string read_back() {
  std::ifstream in("/var/task/archive/last-invoice.pdf", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string customer = req.query("customer");
  const std::string amount = req.query("amount");
  if (customer.empty() || amount.empty()) return sls::Response::text(400, "customer and amount required");
  const std::string number = invoice_number();
  if (!render(number, customer, amount)) return sls::Response::text(500, "rendering failed");
  sls::Response res;
  res.body = read_back();
  res.set_header("content-type", "application/pdf");
  res.set_header("content-disposition", "attachment; filename=\"" + number + ".pdf\"");
  return res;
}

SLS_HANDLER(handle)
