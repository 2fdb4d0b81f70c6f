;;; gwlint-eglot.el --- gwlint with eglot  -*- lexical-binding: t -*-
;; Load this file (or copy the form below into your init file). Set `gwlint-python' to the
;; Python that has gwlint installed. The headless test check_diagnostics.el loads this file.
(require 'eglot)

(defvar gwlint-python (or (getenv "GWLINT_PYTHON") "python3")
  "Python interpreter with gwlint installed.")

(add-to-list 'eglot-server-programs
             `((text-mode markdown-mode) . (,gwlint-python "-m" "gwlint.lsp")))

;; M-x eglot in a draft, or enable automatically:
;; (add-hook 'text-mode-hook #'eglot-ensure)
(provide 'gwlint-eglot)
