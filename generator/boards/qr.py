"""QR codes as inline SVG in process black (CMYK), one path per code."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 2  # modules of white around the code (printed on a white plate)


def qr_svg(url: str, css_class: str = "qr") -> str:
    """An SVG QR code of ``url`` that scales to its box (size it with CSS)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    path = "".join(
        f"M{x} {y}h1v1h-1z"
        for y, row in enumerate(matrix)
        for x, dark in enumerate(row)
        if dark
    )
    return (
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">'
        f'<rect width="{size}" height="{size}" fill="device-cmyk(0 0 0 0)"/>'
        f'<path d="{path}" fill="device-cmyk(0 0 0 1)" shape-rendering="crispEdges"/></svg>'
    )
