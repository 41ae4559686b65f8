"""Board layouts: print-ready PDFs of the boards in ``boards/``, proofs, tiles and booklets.

``build_boards(project, out_dir, ...)`` is the entry point (``gongkai boards``,
``gongkai build``). Stages: :mod:`.edition` picks what an edition prints,
:mod:`.forms` turns items into print forms, :mod:`.document` lays them out as
HTML + CSS Paged Media (templates in ``theme/boards/``), :mod:`.pdf` renders
PDF/X-4 with WeasyPrint, :mod:`.build` caches and runs renders in parallel.
The names below load :mod:`.build` (and so WeasyPrint and its native libraries)
only when first used, so the site can use :mod:`.edition`, :mod:`.forms` and
:mod:`.fingerprint` where WeasyPrint cannot load (Windows without its libraries).
"""

__all__ = ["BoardEdition", "PrintSetupError", "board_file_names", "booklet_file_name", "build_boards"]


def __getattr__(name: str):
    if name in __all__:
        from . import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
