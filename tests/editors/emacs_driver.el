;;; Drives Emacs (batch) through storyville's language server with eglot, for
;;; tests/editors/test_emacs.py: wait for the server, break the visited stories.py, save,
;;; read the flymake diagnostic, fix, save, see it cleared. Writes JSON to $STORYVILLE_OUT.
(require 'json)
;; -Q skips Debian's startup, which puts its packaged ELPA libraries (eglot 1.9) on the path.
(let ((default-directory "/usr/share/emacs/site-lisp/elpa/"))
  (when (file-directory-p default-directory)
    (normal-top-level-add-subdirs-to-load-path)))
(require 'eglot)
(defvar storyville-python (getenv "STORYVILLE_PYTHON"))
(defvar storyville-options `(:package ,(getenv "STORYVILLE_PACKAGE") :showDocument :json-false))
(load (getenv "STORYVILLE_SNIPPET") nil t)

(defun storyville-test-wait (predicate seconds)
  "Process events until PREDICATE holds or SECONDS pass; return whether it held."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun storyville-test-finish (result)
  (with-temp-file (getenv "STORYVILLE_OUT") (insert (json-encode result)))
  (kill-emacs (if (alist-get 'ok result) 0 1)))

(defvar storyville-test-builds 0)
(cl-defmethod eglot-handle-notification (_server (_method (eql storyville/buildFinished)) &rest _)
  (setq storyville-test-builds (1+ storyville-test-builds)))

(find-file (getenv "STORYVILLE_FILE"))
(python-mode)  ; runs the hook: eglot-ensure, which connects after the current command
(run-hooks 'post-command-hook)  ; batch mode has no command loop: finish "the command"
(unless (storyville-test-wait (lambda () (> storyville-test-builds 0)) 60)
  (storyville-test-finish '((ok . nil) (error . "no build finished"))))
(let* ((line (string-to-number (getenv "STORYVILLE_BREAK_LINE")))
       (original nil) (broken-at nil) (cleared nil) (message nil))
  (goto-char (point-min))
  (forward-line line)
  (setq original (buffer-substring (line-beginning-position) (line-end-position)))
  (delete-region (line-beginning-position) (line-end-position))
  (insert "def this_subject( -> Subject:")
  (save-buffer)
  (when (storyville-test-wait (lambda () (flymake-diagnostics)) 30)
    (let ((diagnostic (car (flymake-diagnostics))))
      (setq broken-at (1- (line-number-at-pos (flymake-diagnostic-beg diagnostic)))
            message (flymake-diagnostic-text diagnostic))))
  (goto-char (point-min))
  (forward-line line)
  (delete-region (line-beginning-position) (line-end-position))
  (insert original)
  (save-buffer)
  (setq cleared (storyville-test-wait (lambda () (null (flymake-diagnostics))) 30))
  (eglot-shutdown (eglot-current-server))
  (storyville-test-finish `((ok . ,(and broken-at cleared t)) (line . ,broken-at)
                            (message . ,message) (cleared . ,cleared))))
