"""Board layouts: print-ready PDFs of the boards in ``boards/``, proofs, tiles and booklets.

``build_boards(project, out_dir, ...)`` is the entry point (``gongkai boards``,
``gongkai build``). Stages: :mod:`.edition` picks what an edition prints,
:mod:`.forms` turns items into print forms, :mod:`.document` lays them out as
HTML + CSS Paged Media (templates in ``theme/boards/``), :mod:`.pdf` renders
PDF/X-4 with WeasyPrint, :mod:`.build` caches and runs renders in parallel.
"""

from .build import BoardEdition, PrintSetupError, board_file_names, booklet_file_name, build_boards

__all__ = ["BoardEdition", "PrintSetupError", "board_file_names", "booklet_file_name", "build_boards"]
