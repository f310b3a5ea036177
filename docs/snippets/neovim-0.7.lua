-- storyville for Neovim 0.7+ (vim.lsp.start_client): one client per session, attached to
-- every Python buffer. Options go to the server as initialization options.
local storyville = { client_id = nil }

-- The workspace of a Python file: the nearest directory above it holding pyproject.toml or
-- .git, else the one holding the top package the file is in (a catalog with neither, as in
-- docs/getting-started.md), else the file's own directory.
local function root_of(file)
  local dir = vim.fn.fnamemodify(file, ":p:h")
  local probe, top, in_package = dir, nil, true
  repeat
    for _, marker in ipairs({ "pyproject.toml", ".git" }) do
      if vim.fn.getftype(probe .. "/" .. marker) ~= "" then
        return probe
      end
    end
    in_package = in_package and vim.fn.filereadable(probe .. "/__init__.py") == 1
    top = in_package and probe or top
    local parent = vim.fn.fnamemodify(probe, ":h")
    local last = parent == probe
    probe = parent
  until last
  return top and vim.fn.fnamemodify(top, ":h") or dir
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "python",
  callback = function(args)
    local client = storyville.client_id and vim.lsp.get_client_by_id(storyville.client_id)
    if not client or client.is_stopped() then
      storyville.client_id = vim.lsp.start_client({
        name = "storyville",
        cmd = { vim.g.storyville_python or "python3", "-m", "storyville", "lsp" },
        root_dir = root_of(vim.api.nvim_buf_get_name(args.buf)),
        init_options = vim.g.storyville_options or {},
      })
    end
    vim.lsp.buf_attach_client(args.buf, storyville.client_id)
    vim.schedule(function() -- completion with <C-x><C-o>; after the ftplugin, which sets its own
      if vim.api.nvim_buf_is_valid(args.buf) then
        vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
      end
    end)
    -- Neovim shows code lenses ("Preview", assertion results) only once asked for them.
    vim.api.nvim_create_autocmd({ "BufEnter", "CursorHold", "InsertLeave" }, {
      group = vim.api.nvim_create_augroup("storyville_lens_" .. args.buf, { clear = true }),
      buffer = args.buf,
      callback = function()
        local c = vim.lsp.get_client_by_id(storyville.client_id)
        if c and c.server_capabilities and c.server_capabilities.codeLensProvider then
          vim.lsp.codelens.refresh()
        end
      end,
    })
  end,
})

-- :StoryvillePreview opens the preview with the system's opener (vim.g.storyville_open,
-- else open on macOS, else xdg-open) and says its address.
vim.api.nvim_create_user_command("StoryvillePreview", function()
  local client = storyville.client_id and vim.lsp.get_client_by_id(storyville.client_id)
  if not client then
    return vim.notify("storyville is not running", vim.log.levels.WARN)
  end
  local params = { command = "storyville.previewUrl", arguments = {} }
  client.request("workspace/executeCommand", params, function(err, url)
    if err or type(url) ~= "string" then
      return vim.notify("storyville: no preview yet", vim.log.levels.WARN)
    end
    local opener = vim.g.storyville_open or (vim.fn.has("mac") == 1 and "open" or "xdg-open")
    if vim.fn.executable(opener) == 1 then
      vim.fn.jobstart({ opener, url }, { detach = true })
    end
    vim.notify("storyville preview: " .. url)
  end)
end, {})
