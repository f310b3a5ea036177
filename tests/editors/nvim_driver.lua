-- Drives headless Neovim 0.7 through storyville's language server for tests/editors/test_neovim.py:
-- wait for the first build, break the open stories.py, :write, read the diagnostic, fix it,
-- :write, see it cleared. Writes what happened as JSON to $STORYVILLE_OUT.
vim.g.loaded_python3_provider = 0
vim.o.swapfile = false
vim.o.shadafile = "NONE"
vim.g.storyville_python = os.getenv("STORYVILLE_PYTHON")
vim.g.storyville_options = { package = os.getenv("STORYVILLE_PACKAGE"), showDocument = false }

local builds = {}
vim.lsp.handlers["storyville/buildFinished"] = function(_, result)
  table.insert(builds, result)
end

dofile(os.getenv("STORYVILLE_SNIPPET"))

local function finish(result)
  local f = assert(io.open(os.getenv("STORYVILLE_OUT"), "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(result.ok and "qall!" or "cquit! 1")
end

vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  nested = true, -- so that :write fires BufWritePost and the client sends didSave
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    if not vim.wait(60000, function() return #builds > 0 end, 20) then
      return finish({ ok = false, error = "no build finished" })
    end
    local line = tonumber(os.getenv("STORYVILLE_BREAK_LINE"))
    local original = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)
    vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { "def this_subject( -> Subject:" })
    vim.cmd("write")
    local broke = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
    local diagnostics = vim.diagnostic.get(buf)
    vim.api.nvim_buf_set_lines(buf, line, line + 1, false, original)
    vim.cmd("write")
    local cleared = vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
    local client = vim.lsp.get_client_by_id(vim.lsp.get_active_clients()[1].id)
    client.stop()
    vim.wait(10000, function() return client.is_stopped() end, 20)
    finish({ ok = broke and cleared, diagnostics = diagnostics, cleared = cleared,
             builds = #builds })
  end,
})
