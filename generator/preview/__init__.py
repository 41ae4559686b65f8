"""``gongkai serve``'s preview: the site as it will be built, the problems while it cannot be, the board proofs."""

from .server import serve

__all__ = ["serve"]
