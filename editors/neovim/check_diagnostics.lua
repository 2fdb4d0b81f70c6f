-- Headless check that Neovim receives gwlint's diagnostics:
--   GWLINT_PYTHON=.venv/bin/python nvim --headless --clean -c "luafile editors/neovim/check_diagnostics.lua" DRAFT
-- Prints "DIAG line:col-line:col CODE message [covered text]" (0-based, byte columns) and
-- exits 0 when the codes listed in GWLINT_EXPECT (comma-separated, default PH001) all arrived.
local function out(s) io.stdout:write(s .. "\n") end
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
package.path = here .. "/?.lua;" .. package.path
local gwlint = require("gwlint")
local timeout_ms = tonumber(os.getenv("GWLINT_TIMEOUT_MS") or "20000")
local expect = {}
for code in string.gmatch(os.getenv("GWLINT_EXPECT") or "PH001", "[^,]+") do expect[code] = true end

local bufnr = vim.api.nvim_get_current_buf()
local client_id = gwlint.attach(bufnr, { root_dir = vim.fn.expand("%:p:h") })
local function have_all()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do seen[tostring(d.code)] = true end
  for code, _ in pairs(expect) do if not seen[code] then return false end end
  return true
end
local ok = vim.wait(timeout_ms, have_all, 50)
local diags = vim.diagnostic.get(bufnr)
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(diags) do
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ""
  out(("DIAG %d:%d-%d:%d %s %s [%s]"):format(d.lnum, d.col, d.end_lnum, d.end_col, tostring(d.code),
    d.message, line:sub(d.col + 1, d.end_col)))
end
if vim.lsp.stop_client then vim.lsp.stop_client(client_id) end
if ok then out("OK") vim.cmd("qall!") else out("FAIL") vim.cmd("cquit 1") end
