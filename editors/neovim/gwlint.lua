-- gwlint for Neovim (0.7+): put this file on your runtimepath (e.g. ~/.config/nvim/lua/gwlint.lua)
-- and call require("gwlint").setup() from init.lua. The headless test in check_diagnostics.lua
-- uses exactly this function.
local M = {}

function M.config(opts)
  opts = opts or {}
  local python = opts.python or os.getenv("GWLINT_PYTHON") or "python3"
  return {
    name = "gwlint",
    cmd = opts.cmd or { python, "-m", "gwlint.lsp" },
    root_dir = opts.root_dir or vim.fn.getcwd(),
    init_options = { lint = { run = "onType", delay = 300 } },
  }
end

function M.attach(bufnr, opts)
  local config = M.config(opts)
  if vim.lsp.start then                      -- Neovim >= 0.8
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = vim.lsp.start_client(config)    -- Neovim 0.7 (Debian 12)
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  vim.api.nvim_create_autocmd("FileType", {
    pattern = { "text", "markdown" },
    callback = function(args) M.attach(args.buf, opts) end,
  })
end

return M
