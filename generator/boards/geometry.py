"""Sheet geometry and type sizes of a board: trim, bleed, blank margin, legibility floors.

Sizes are set for A0 (841 × 1189 mm, read from 1–2 m) and scaled to other
sheets by the square root of the area ratio, so an A1 board keeps the
proportions of an A0 one and a 2400 × 1200 mm banner gets larger type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Board

A0_MM = (841.0, 1189.0)
OFFSET_BLEED_MM = 3.0  # the print shop's bleed
SLUG_MM = 15.0  # room beyond the trim for crop marks (offset only)
MARK_GAP_MM = 5.0  # crop marks start this far outside the trim, clear of the bleed

# Type at A0, in points. Body text may shrink to fit, never below TEXT_FLOOR.
TEXT_FLOOR_PT = 24.0
HEADING_FLOOR_PT = 48.0
TEXT_BASE_PT = 32.0  # the body size the heading sizes are given for
TEXT_CEILING_PT = 40.0  # a board with room to spare grows its type up to this
TEXT_STEP_PT = 1.0  # type sizes tried: the floor to the ceiling in these steps


@dataclass(frozen=True)
class Sheet:
    """One board sheet: trim size, print profile and the type sizes it implies."""

    width_mm: float
    height_mm: float
    profile: str  # offset | inkjet
    margin_mm: float  # inkjet: blank margin for grommets

    @classmethod
    def of(cls, board: Board) -> "Sheet":
        return cls(float(board.width_mm), float(board.height_mm), board.profile, float(board.margin_mm))

    @property
    def scale(self) -> float:
        """Linear type scale relative to A0."""
        return math.sqrt(self.width_mm * self.height_mm / (A0_MM[0] * A0_MM[1]))

    @property
    def bleed_mm(self) -> float:
        return OFFSET_BLEED_MM if self.profile == "offset" else 0.0

    @property
    def slug_mm(self) -> float:
        return SLUG_MM if self.profile == "offset" else 0.0

    @property
    def inset_mm(self) -> float:
        """Distance from the trim to the printed board: grommet margin, or a safe area."""
        return self.margin_mm if self.profile == "inkjet" else round(20 * self.scale, 2)

    @property
    def band_scale(self) -> float:
        """Header and footer shrink on landscape and wide sheets, whose height is scarce."""
        return min(1.0, math.sqrt(self.height_mm / self.width_mm / math.sqrt(2)))

    def pt(self, a0_points: float) -> float:
        """A size given for A0, scaled to this sheet (points, 2 decimals)."""
        return round(a0_points * self.scale, 2)

    def mm(self, a0_mm: float) -> float:
        return round(a0_mm * self.scale, 2)

    @property
    def text_floor_pt(self) -> float:
        return self.pt(TEXT_FLOOR_PT)

    @property
    def heading_floor_pt(self) -> float:
        return self.pt(HEADING_FLOOR_PT)

    def text_sizes_pt(self) -> list[float]:
        """The body sizes a board may be set in, from the floor up to the ceiling."""
        count = round((TEXT_CEILING_PT - TEXT_FLOOR_PT) / TEXT_STEP_PT)
        return [self.pt(TEXT_FLOOR_PT + i * TEXT_STEP_PT) for i in range(count + 1)]
