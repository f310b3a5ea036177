-- Drives headless Neovim 0.7 through storyville's language server for tests/editors/test_neovim.py,
-- in one session: wait for the first build; see the preview's URL in the server's message and
-- open it with :StoryvillePreview; read the outline, a completion of a prop and the code
-- lenses; break the open stories.py, :write, read the diagnostic, fix it, :write, see it
-- cleared. Writes what happened as JSON to $STORYVILLE_OUT.
vim.g.loaded_python3_provider = 0
vim.o.swapfile = false
vim.o.shadafile = "NONE"
vim.g.storyville_python = os.getenv("STORYVILLE_PYTHON")
-- showDocument stays on (the default): Neovim 0.7 cannot open documents, so the server says
-- the URL instead, which is what this test checks.
vim.g.storyville_options = { package = os.getenv("STORYVILLE_PACKAGE") }
-- Stubbed: the system opener. A test must not start a browser; this script records the URL
-- :StoryvillePreview hands it, through the same jobstart an xdg-open would get.
vim.g.storyville_open = os.getenv("STORYVILLE_OPENER")

local builds = {}
vim.lsp.handlers["storyville/buildFinished"] = function(_, result)
  table.insert(builds, result)
end
-- Recorded, then shown as Neovim shows them (the handler and vim.notify stay the real ones).
local messages, notified = {}, {}
local show_message = vim.lsp.handlers["window/showMessage"]
vim.lsp.handlers["window/showMessage"] = function(err, result, ctx, config)
  table.insert(messages, result.message)
  return show_message(err, result, ctx, config)
end
local notify = vim.notify
vim.notify = function(message, ...)
  table.insert(notified, message)
  return notify(message, ...)
end

dofile(os.getenv("STORYVILLE_SNIPPET"))

local function finish(result)
  local f = assert(io.open(os.getenv("STORYVILLE_OUT"), "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(result.ok and "qall!" or "cquit! 1")
end

local function find(list, pattern)
  for _, item in ipairs(list) do
    local found = string.match(item, pattern)
    if found then return found end
  end
end

local function request(buf, method, params)
  local replies = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, reply in pairs(replies) do
    if reply.result then return reply.result end
  end
end

local function outline(symbols, prefix, into)
  for _, symbol in ipairs(symbols or {}) do
    local name = prefix .. symbol.name
    table.insert(into, name)
    outline(symbol.children, name .. " / ", into)
  end
  return into
end

local function opened()
  local f = io.open(os.getenv("STORYVILLE_OPENED"), "r")
  if not f then return nil end
  local text = f:read("*l")
  f:close()
  return text
end

local function session()
  local buf = vim.api.nvim_get_current_buf()
  local result = {}
  if not vim.wait(60000, function() return #builds > 0 end, 20) then
    return finish({ ok = false, error = "no build finished" })
  end

  result.omnifunc = vim.bo[buf].omnifunc
  result.root_dir = vim.lsp.get_client_by_id(vim.lsp.get_active_clients()[1].id).config.root_dir

  -- The preview: said once by the server, opened by :StoryvillePreview.
  vim.wait(10000, function() return find(messages, "the preview is at (http%S+)") end, 20)
  result.preview_messages = vim.tbl_filter(function(m)
    return string.find(m, "preview is at", 1, true) ~= nil
  end, messages)
  vim.cmd("StoryvillePreview")
  vim.wait(10000, function() return opened() ~= nil end, 20)
  result.opened = opened()
  result.preview_notified = find(notified, "storyville preview: (http%S+)")

  -- The outline, as :lua vim.lsp.buf.document_symbol() asks for it.
  local document = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  result.outline = outline(request(buf, "textDocument/documentSymbol", document), "", {})

  -- Completion of a prop, in unsaved text: `props={"` in the untitled-props story.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, text in ipairs(lines) do
    local at = string.find(text, 'Story(title="Default")', 1, true)
    if at then
      local edited = text:gsub('Story%(title="Default"%)', 'Story(title="Default", props={""})')
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { edited })
      local column = string.find(edited, '{"', 1, true) + 1 -- 0-based: after the quote
      local completion = request(buf, "textDocument/completion", {
        textDocument = document.textDocument,
        position = { line = i - 1, character = column },
      })
      local items = completion and (completion.items or completion) or {}
      result.completion = vim.tbl_map(function(item) return item.label end, items)
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { text })
      -- Hover on the story's `Story`, as K / vim.lsp.buf.hover() asks for it.
      local hover = request(buf, "textDocument/hover", {
        textDocument = document.textDocument,
        position = { line = i - 1, character = at },
      })
      result.hover = hover and hover.contents and (hover.contents.value or hover.contents)
      break
    end
  end

  -- Workspace symbols (vim.lsp.buf.workspace_symbol()) and go to definition from a props
  -- key (vim.lsp.buf.definition()).
  local symbols = request(buf, "workspace/symbol", { query = "greet named" }) or {}
  result.workspace_symbols = vim.tbl_map(function(symbol) return symbol.name end, symbols)
  for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = string.find(text, '{"name"', 1, true)
    if at then
      local found = request(buf, "textDocument/definition", {
        textDocument = document.textDocument,
        position = { line = i - 1, character = at + 2 }, -- 0-based: inside `name`
      })
      local location = found and (found[1] or found)
      result.definition = location and {
        file = vim.uri_to_fname(location.uri or location.targetUri),
        line = (location.range or location.targetSelectionRange).start.line,
      }
      break
    end
  end

  -- A static check while typing, and its quick fix through :lua vim.lsp.buf.code_action().
  -- Stubbed: vim.ui.select, the menu of actions, picks the first (the preferred) one.
  for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if string.find(text, '{"name"', 1, true) then
      local function unknown()
        return vim.tbl_filter(function(d) return d.code == "unknown-prop" end,
                              vim.diagnostic.get(buf))
      end
      local misspelt = text:gsub('{"name"', '{"nmae"')
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { misspelt })
      vim.wait(10000, function() return #unknown() > 0 end, 20)
      result.static_check = unknown()[1]
      local offered
      local select = vim.ui.select
      vim.ui.select = function(items, opts, on_choice)
        offered = vim.tbl_map(function(item) return opts.format_item(item) end, items)
        on_choice(items[1], 1)
      end
      local column = string.find(misspelt, "nmae", 1, true)
      vim.api.nvim_win_set_cursor(0, { i, column })
      vim.lsp.buf.code_action({ only = { "quickfix" } })
      vim.wait(10000, function()
        return vim.api.nvim_buf_get_lines(buf, i - 1, i, false)[1] == text
      end, 20)
      vim.ui.select = select
      result.quick_fixes = offered
      result.fixed_line = vim.api.nvim_buf_get_lines(buf, i - 1, i, false)[1]
      result.static_cleared = vim.wait(10000, function() return #unknown() == 0 end, 20)
      break
    end
  end

  -- Code lenses, through the snippet's autocmd (BufEnter).
  vim.cmd("doautocmd BufEnter")
  vim.wait(10000, function() return #vim.lsp.codelens.get(buf) > 0 end, 20)
  result.lenses = vim.tbl_map(function(lens)
    return { line = lens.range.start.line, title = lens.command and lens.command.title,
             command = lens.command and lens.command.command,
             arguments = lens.command and lens.command.arguments }
  end, vim.lsp.codelens.get(buf))

  -- Running a story's "Preview" lens (:lua vim.lsp.codelens.run() on its line): the server
  -- cannot open the page in Neovim 0.7 either, so it says its URL.
  local on_line = {}
  for _, lens in ipairs(result.lenses) do
    on_line[lens.line] = (on_line[lens.line] or 0) + 1
  end
  for _, lens in ipairs(result.lenses) do
    -- The first lens alone on its line: with several, run() would ask which one.
    local alone = on_line[lens.line] == 1
    if lens.command == "storyville.showStory" and alone and not result.story_message then
      local said = #messages
      vim.api.nvim_win_set_cursor(0, { lens.line + 1, 0 })
      vim.lsp.codelens.run()
      vim.wait(10000, function() return #messages > said end, 20)
      result.story_message = messages[said + 1]
      result.story_lens = lens
    end
  end

  -- The save -> diagnostic loop.
  local line = tonumber(os.getenv("STORYVILLE_BREAK_LINE"))
  local original = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { "def this_subject( -> Subject:" })
  vim.cmd("write")
  local broke = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = vim.diagnostic.get(buf)
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, original)
  vim.cmd("write")
  result.cleared = vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
  local client = vim.lsp.get_client_by_id(vim.lsp.get_active_clients()[1].id)
  client.stop()
  vim.wait(10000, function() return client.is_stopped() end, 20)
  result.builds = #builds
  result.errmsg = vim.v.errmsg -- the last error Neovim showed, e.g. from the snippet's autocmds
  result.ok = broke and result.cleared
  finish(result)
end

vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  nested = true, -- so that :write fires BufWritePost and the client sends didSave
  callback = function()
    -- An error must end the session (with what went wrong), not leave Neovim waiting.
    local ok, err = xpcall(session, debug.traceback)
    if not ok then finish({ ok = false, error = err }) end
  end,
})
