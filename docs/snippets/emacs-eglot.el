;; storyville with eglot (Emacs 28 + eglot 1.9, or Emacs 29+ where eglot is built in).
;; eglot runs one server per major mode: this makes storyville the server of python-mode.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(python-mode . (,(or (bound-and-true-p storyville-python) "python3")
                                "-m" "storyville" "lsp"
                                :initializationOptions
                                ,(or (bound-and-true-p storyville-options)
                                     '(:showDocument t))))))
(add-hook 'python-mode-hook #'eglot-ensure)

(defun storyville-preview ()
  "Open storyville's preview with `browse-url' (eglot cannot open it for the server)."
  (interactive)
  (let* ((server (or (eglot-current-server) (user-error "No language server in this buffer")))
         (url (jsonrpc-request server :workspace/executeCommand
                               '(:command "storyville.previewUrl" :arguments []))))
    (if (not (stringp url))
        (message "storyville: no preview yet")
      (message "storyville preview: %s" url)
      (browse-url url))))
