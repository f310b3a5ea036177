-- storyville for Neovim 0.7+ (vim.lsp.start_client): one client per session, attached to
-- every Python buffer. Options go to the server as initialization options.
local storyville = { client_id = nil }

vim.api.nvim_create_autocmd("FileType", {
  pattern = "python",
  callback = function(args)
    local client = storyville.client_id and vim.lsp.get_client_by_id(storyville.client_id)
    if not client or client.is_stopped() then
      storyville.client_id = vim.lsp.start_client({
        name = "storyville",
        cmd = { vim.g.storyville_python or "python3", "-m", "storyville", "lsp" },
        root_dir = vim.fn.getcwd(),
        init_options = vim.g.storyville_options or {},
        handlers = {
          -- Neovim 0.7 cannot open documents for a server: show the preview's address.
          ["storyville/preview"] = function(_, result)
            vim.notify("storyville preview: " .. result.url)
          end,
        },
      })
    end
    vim.lsp.buf_attach_client(args.buf, storyville.client_id)
  end,
})
