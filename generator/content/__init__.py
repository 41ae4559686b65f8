"""Content stage: load files, validate them against format v1, build the model."""

from .loader import load_project

__all__ = ["load_project"]
