"""gwlint's language server (pygls 2.x): a thin adapter over gwlint.linter."""
