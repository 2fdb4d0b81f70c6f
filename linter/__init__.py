"""gwlint's rule engine and document model."""
from .document import Document
from .engine import Linter
from .model import (Applicability, Diagnostic, Edit, Example, FileResult, Fix, Related,
                    RuleDocs, RuleMeta, Severity, Span)

__all__ = ["Applicability", "Diagnostic", "Document", "Edit", "Example", "FileResult", "Fix",
           "Linter", "Related", "RuleDocs", "RuleMeta", "Severity", "Span", "__version__"]

__version__ = "0.1.0"
