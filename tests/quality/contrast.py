"""WCAG 2.1 contrast of the colour pairs the stylesheets declare together (text colour and
background on one rule), with custom properties resolved from `:root`."""

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;]+)")
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^)]+))?\)")
_NAMED = {"white": "#ffffff", "black": "#000000", "#fff": "#ffffff", "#000": "#000000"}


@dataclass(frozen=True)
class Pair:
    sheet: str
    selector: str
    color: str
    background: str
    large: bool

    @property
    def ratio(self) -> float:
        return contrast(self.color, self.background)

    @property
    def needed(self) -> float:
        return 3.0 if self.large else 4.5


def _hex(value: str) -> str | None:
    value = _NAMED.get(value.strip().lower(), value.strip().lower())
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    if re.fullmatch(r"#[0-9a-f]{6}", value):
        return value
    rgb = re.fullmatch(r"rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)(?:\s*[,/]\s*(1|1\.0|100%))?\)", value)
    if rgb:
        return "#" + "".join(f"{int(c):02x}" for c in rgb.groups()[:3])
    return None  # transparent, currentColor, inherit, gradients, translucent colours: unknown


def luminance(color: str) -> float:
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rules(css: str):
    for selectors, body in _RULE.findall(_COMMENT.sub("", css)):
        yield " ".join(selectors.split()), dict(
            (name.lower(), value.strip()) for name, value in _DECLARATION.findall(body))


def _resolve(value: str, variables: dict[str, str]) -> str:
    for _ in range(5):
        value = _VAR.sub(lambda m: variables.get(m.group(1), m.group(2) or ""), value)
    return value


def _large(declarations: dict[str, str]) -> bool:
    """18pt (24px, 1.5rem) or 14pt (18.66px, ~1.17rem) bold; clamp() by its smallest size."""
    size = declarations.get("font-size", "")
    size = re.sub(r"clamp\(\s*([^,]+),.*", r"\1", size)
    match = re.fullmatch(r"([\d.]+)(rem|em|px)", size.strip())
    if not match:
        return False
    px = float(match.group(1)) * (1 if match.group(2) == "px" else 16)
    bold = declarations.get("font-weight", "") in {"bold", "600", "700", "800", "900"}
    return px >= 24 or (bold and px >= 18.66)


def declared_pairs(sheet: str, css: str, variables: dict[str, str]) -> list[Pair]:
    pairs = []
    for selector, declarations in _rules(css):
        color = declarations.get("color")
        background = declarations.get("background-color") or declarations.get("background")
        if not color or not background:
            continue
        fg, bg = _hex(_resolve(color, variables)), _hex(_resolve(background, variables))
        if fg and bg:
            pairs.append(Pair(sheet, selector, fg, bg, _large(declarations)))
    return pairs


def root_variables(css: str) -> dict[str, str]:
    found = {}
    for selector, declarations in _rules(css):
        if selector == ":root":
            found.update({k: v for k, v in declarations.items() if k.startswith("--")})
    return found


PAGE_BACKGROUND, PAGE_INK = "#ffffff", "#1b1b1b"


def lone_pairs(sheet: str, css: str, variables: dict[str, str]) -> list[Pair]:
    """A dark text colour declared alone meets the white page; a light background declared
    alone meets the inherited ink. (Light text and dark backgrounds are meant for each other
    and only checked where declared together.)"""
    pairs = []
    for selector, declarations in _rules(css):
        color = _hex(_resolve(declarations.get("color", ""), variables))
        background = _hex(_resolve(declarations.get("background-color")
                                   or declarations.get("background", ""), variables))
        if color and not background and luminance(color) < 0.4:
            pairs.append(Pair(sheet, selector, color, PAGE_BACKGROUND, _large(declarations)))
        if background and not color and luminance(background) > 0.6:
            pairs.append(Pair(sheet, selector, PAGE_INK, background, _large(declarations)))
    return pairs
