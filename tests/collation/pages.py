"""Reading the collation pages' HTML in tests: rows, cells, the SVGs."""

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def matrix_rows(content: str) -> list[str]:
    body = content[content.index("<tbody>") : content.index("</tbody>")]
    return re.findall(r'<tr id="row-\d+" class="matrix-row">(.*?)</tr>', body, re.S)


def row_cells(row: str) -> list[str]:
    return re.findall(r"<td class=\"cell[^\"]*\"[^>]*>(.*?)</td>", row, re.S)


def row_drift(row: str) -> float:
    return float(re.search(r"drift <b>([\d.]+)</b>", row).group(1))


def row_number(row: str) -> int:
    return int(re.search(r'class="row-number">#(\d+)<', row).group(1))


def svgs(content: str) -> list[ET.Element]:
    """Every inline SVG of the page, parsed as XML (a parse error fails the test)."""
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", content, re.S)]
