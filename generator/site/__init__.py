"""Site pages generated from the model, handed to MkDocs as generated files.

``generate(project, date)`` is a pure function of the model, the build date,
the git history and the rendered board files: testable without MkDocs.
"""

from .history import read_history
from .outputs import Download, Page, Revision, SiteOutput
from .pages import RESERVED, SiteError, board_assets, generate

__all__ = ["generate", "read_history", "board_assets", "Page", "Download", "Revision",
           "SiteOutput", "SiteError", "RESERVED"]
