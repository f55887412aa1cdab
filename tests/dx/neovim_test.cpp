// Debian's real Neovim (0.7 on Debian 12), headless, with the init.lua of
// docs/editors.md: open a function of examples/quickstart, type a hazard
// without saving, and read what vim.diagnostic.get() holds after a pause.
// The snippet is read from the page, so the documented setup is what runs.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_system.hpp"
#include "tests/dx/dx_support.hpp"

namespace sls::dx {
namespace {

using nlohmann::json;

// The first ```lua block under "## Neovim" in docs/editors.md.
std::string documented_init_lua() {
  std::string page = read_file(e2e::source_dir() / "docs/editors.md").value();
  std::size_t section = page.find("## Neovim");
  std::size_t begin = page.find("```lua\n", section);
  std::size_t end = page.find("```", begin + 7);
  if (section == std::string::npos || begin == std::string::npos || end == std::string::npos) return "";
  return page.substr(begin + 7, end - begin - 7);
}

// Opens the file, types an include and two lines (insert mode, not saved), waits up to 60 s for an sls-detached-thread
// diagnostic, and writes every diagnostic of the buffer as JSON to `out` before quitting.
std::string driver_lua(const fs::path& file, const fs::path& out) {
  return "vim.cmd('filetype on')\n"
         "vim.cmd('edit ' .. vim.fn.fnameescape('" + file.string() + "'))\n"
         "local buf = vim.api.nvim_get_current_buf()\n"
         "local function clients() return vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf })\n"
         "  or vim.lsp.buf_get_clients(buf) end\n"
         "vim.wait(30000, function() return next(clients()) ~= nil end, 50)\n"
         "vim.wait(500)  -- the client sends didOpen once initialized; edits before it would be resent anyway\n"
         "vim.api.nvim_win_set_cursor(0, { 2, 0 })\n"
         "vim.cmd('normal! o#include <thread>')\n"
         "vim.api.nvim_win_set_cursor(0, { 6, 0 })\n"
         "vim.cmd('normal! o  std::thread worker([] {});')\n"
         "vim.cmd('normal! o  worker.detach();')\n"
         "local function found()\n"
         "  for _, d in ipairs(vim.diagnostic.get(buf)) do\n"
         "    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)\n"
         "    if code == 'sls-detached-thread' then return true end\n"
         "  end\n"
         "  return false\n"
         "end\n"
         "vim.wait(60000, found, 50)\n"
         "local out = {}\n"
         "for _, d in ipairs(vim.diagnostic.get(buf)) do\n"
         "  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)\n"
         "  table.insert(out, { lnum = d.lnum, col = d.col, source = d.source, code = code, message = d.message,\n"
         "                      modified = vim.bo[buf].modified })\n"
         "end\n"
         "vim.fn.writefile({ vim.fn.json_encode(out) }, '" + out.string() + "')\n"
         "vim.cmd('qa!')\n";
}

TEST(NeovimTest, DocumentedSetupShowsAHazardTypedWithoutSaving) {
  // Given Neovim with the documented init.lua and a quickstart function, typing a detached thread without
  // saving should give an sls-detached-thread diagnostic on the typed line, and the file on disk unchanged.
  ProcessResult version = run({"nvim", "--version"});
  ASSERT_EQ(version.exit_code, 0) << "Neovim is needed (scripts/install-deps.sh installs it): "
                                  << version.stderr_data;
  std::string init = documented_init_lua();
  ASSERT_NE(init.find("sls"), std::string::npos) << "no lua block under ## Neovim in docs/editors.md";

  TempDir temp("sls-dx-nvim");
  fs::path project = temp.path() / "quickstart";
  e2e::copy_project(e2e::source_dir() / "examples/quickstart", project);
  fs::path file = fs::canonical(project) / "api/hello.cpp";
  std::string on_disk = read_file(file).value();
  fs::path out = temp.path() / "diagnostics.json";
  ASSERT_TRUE(write_file_atomically(temp.path() / "init.lua", init, fs::perms(0644)));
  ASSERT_TRUE(write_file_atomically(temp.path() / "driver.lua", driver_lua(file, out), fs::perms(0644)));

  auto env = current_environment();
  env["PATH"] = e2e::sls_binary().parent_path().string() + ":" + env["PATH"];
  env["SLS_CACHE_DIR"] = (temp.path() / "cache").string();
  for (const char* xdg : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})
    env[xdg] = (temp.path() / "xdg").string();
  SystemProcessRunner runner;
  ProcessSpec spec{{"nvim", "--headless", "-i", "NONE", "-u", (temp.path() / "init.lua").string(), "-c",
                    "luafile " + (temp.path() / "driver.lua").string()},
                   env, "", project, std::chrono::milliseconds(180000)};
  auto result = runner.run(spec);
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->timed_out);
  EXPECT_EQ(result->exit_code, 0) << result->stderr_data;
  auto written = read_file(out);
  ASSERT_TRUE(written) << "Neovim wrote no diagnostics: " << result->stdout_data << result->stderr_data;
  json diagnostics = json::parse(*written);
  bool found = false;
  for (const json& diagnostic : diagnostics) {
    if (diagnostic.value("code", "") != "sls-detached-thread") continue;
    found = true;
    EXPECT_EQ(diagnostic["lnum"], 7);  // 0-based: the detach typed below the handler's first line
    EXPECT_EQ(diagnostic["source"], "sls");
    EXPECT_EQ(diagnostic["modified"], true);  // never saved
  }
  EXPECT_TRUE(found) << diagnostics.dump(2);
  EXPECT_EQ(read_file(file).value(), on_disk);
}

}  // namespace
}  // namespace sls::dx
