"""The brand colour: a hex code checked once, and the text colour that stays readable on it.

The theme paints buttons (Apply) in the brand colour with text on top; the text is white or
black, whichever contrasts more. One of the two always reaches WCAG's 4.5:1 for normal text
(at worst about 4.6:1), so any brand colour gives a readable button.
"""

from __future__ import annotations

import re

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z")
LIGHT_TEXT = "#ffffff"
DARK_TEXT = "#000000"  # with white, the pair that guarantees 4.5:1 on any colour


def problem(value: object) -> str | None:
    """None for a colour the theme can use, else what is wrong and what to write instead."""
    if isinstance(value, str) and HEX.match(value.strip()):
        return None
    shown = f'"{value}"' if isinstance(value, str) else repr(value)
    return (
        f"{shown} is not a colour code: write it as # and six digits or letters a-f, as "
        'design tools show it, for example "#0b6e4f"'
    )


def normal(value: str) -> str:
    """#ABC and #aabbcc alike -> #aabbcc."""
    digits = value.strip().lstrip("#").lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return f"#{digits}"


def _luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""
    digits = normal(colour)[1:]
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(colour: str) -> str:
    """White or black: whichever reads better on the colour."""
    light, dark = contrast(colour, LIGHT_TEXT), contrast(colour, DARK_TEXT)
    return LIGHT_TEXT if light >= dark else DARK_TEXT


def stylesheet(colour: str) -> str:
    """The theme's accent properties set to the brand colour (the theme's site.css reads them)."""
    brand = normal(colour)
    return f":root {{ --accent: {brand}; --accent-fg: {text_on(brand)}; }}\n"
