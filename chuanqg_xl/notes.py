"""Cell notes (Excel comments) written by the tool, and removing them again.

Our notes carry the author 'chuanqg-xl'; a later run removes exactly those
(and their VML shapes) before adding new ones, so running twice gives the
same file. A cell that already has someone's comment keeps it untouched and
gets no note from us (the finding is still in the 'Kiểm tra' sheet).
"""
from __future__ import annotations

import html
import re

from . import layout as L
from .cells import parse_a1
from .ooxml import (
    CT_COMMENTS, CT_VML, MAIN_NS, REL_COMMENTS, REL_NS, REL_VML, Package, Rel, Worksheet, esc,
)

AUTHOR = L.TOOL_AUTHOR
_COMMENT = re.compile(r"<((?:\w+:)?)comment\b([^>]*)>.*?</\1comment>", re.S)
_AUTHOR = re.compile(r"<((?:\w+:)?)author>(.*?)</\1author>", re.S)
_SHAPE = re.compile(r"<v:shape\b[^>]*>.*?</v:shape>", re.S)
_SHAPE_ID = re.compile(r'<v:shape\b[^>]*\bid="_x0000_s(\d+)"')
_IDMAP = re.compile(r'<o:idmap\b[^>]*\bdata="([\d,\s]+)"')

VML_HEAD = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit">'
    '<o:idmap v:ext="edit" data="{block}"/></o:shapelayout>'
)
NOTE_SHAPETYPE = (
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
)


def _part_rel(pkg: Package, sheet_part: str, rel_type: str) -> tuple[Rel | None, str | None]:
    for rel in pkg.rels(sheet_part):
        if rel.type == rel_type and rel.mode != "External":
            return rel, pkg.resolve(sheet_part, rel.target)
    return None, None


def _authors(text: str) -> list[str]:
    return [html.unescape(match.group(2)) for match in _AUTHOR.finditer(text)]


def existing_comment_refs(pkg: Package, sheet_part: str) -> set[str]:
    """Cells that already carry a comment by someone else."""
    _, part = _part_rel(pkg, sheet_part, REL_COMMENTS)
    if not part or not pkg.has(part):
        return set()
    text = pkg.text(part)
    authors = _authors(text)
    refs = set()
    for match in _COMMENT.finditer(text):
        values = dict(re.findall(r'(\w+)="([^"]*)"', match.group(2)))
        author_id = int(values.get("authorId", -1))
        if not (0 <= author_id < len(authors) and authors[author_id] == AUTHOR):
            refs.add(values.get("ref", ""))
    return refs


def strip_notes(pkg: Package, sheet_part: str, sheet: Worksheet) -> None:
    """Remove the notes a previous run wrote, and parts left empty by that."""
    comments_rel, comments_part = _part_rel(pkg, sheet_part, REL_COMMENTS)
    if comments_rel is None or not pkg.has(comments_part):
        return
    text = pkg.text(comments_part)
    authors = _authors(text)
    ours = {str(index) for index, name in enumerate(authors) if name == AUTHOR}
    removed: set[tuple[int, int]] = set()

    def drop(match: re.Match[str]) -> str:
        values = dict(re.findall(r'(\w+)="([^"]*)"', match.group(2)))
        if values.get("authorId") in ours:
            row, col = parse_a1(values.get("ref", "A1"))
            removed.add((row - 1, col - 1))
            return ""
        return match.group(0)

    text = _COMMENT.sub(drop, text)
    if not removed:
        return
    vml_rel, vml_part = _part_rel(pkg, sheet_part, REL_VML)
    vml_left = True
    if vml_rel is not None and pkg.has(vml_part):
        vml = pkg.text(vml_part)

        def drop_shape(match: re.Match[str]) -> str:
            shape = match.group(0)
            if 'ObjectType="Note"' not in shape:
                return shape
            row = re.search(r"<x:Row>(\d+)</x:Row>", shape)
            col = re.search(r"<x:Column>(\d+)</x:Column>", shape)
            if row and col and (int(row.group(1)), int(col.group(1))) in removed:
                return ""
            return shape

        vml = _SHAPE.sub(drop_shape, vml)
        vml_left = bool(_SHAPE.search(vml))
        if vml_left:
            pkg.write(vml_part, vml)
    if _COMMENT.search(text):
        pkg.write(comments_part, text)
        return
    # Nothing of anyone else's is left: remove the parts we created.
    rels = [rel for rel in pkg.rels(sheet_part) if rel.id != comments_rel.id]
    pkg.delete(comments_part)
    pkg.set_override(comments_part, None)
    if vml_rel is not None and not vml_left:
        rels = [rel for rel in rels if rel.id != vml_rel.id]
        pkg.delete(vml_part)
        sheet.remove_elements("legacyDrawing")
    pkg.write_rels(sheet_part, rels)


def _note_runs(text: str) -> str:
    head, _, body = text.partition("\n")
    font = '<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/><charset val="163"/>'
    runs = f'<r><rPr><b/>{font}</rPr><t xml:space="preserve">{esc(head)}</t></r>'
    if body:
        runs += f'<r><rPr>{font}</rPr><t xml:space="preserve">{esc(chr(10) + body)}</t></r>'
    return runs


def _shape(shape_id: int, row0: int, col0: int, text: str) -> str:
    lines = max(4, min(18, 2 + len(text) // 38 + text.count("\n")))
    anchor = f"{col0 + 1}, 15, {max(row0 - 1, 0)}, 10, {col0 + 5}, 15, {max(row0 - 1, 0) + lines}, 4"
    return (
        f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;'
        f'margin-top:1.5pt;width:240pt;height:{lines * 15}pt;z-index:{shape_id % 1024};visibility:hidden" '
        'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>'
        '<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
        '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
        f"<x:Anchor>{anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>"
        f"<x:Row>{row0}</x:Row><x:Column>{col0}</x:Column></x:ClientData></v:shape>"
    )


def _free_vml_block(pkg: Package) -> int:
    used = set()
    for name in pkg.order:
        if name.endswith(".vml"):
            for match in _IDMAP.finditer(pkg.text(name)):
                used.update(int(part) for part in re.findall(r"\d+", match.group(1)))
    block = 1
    while block in used:
        block += 1
    return block


def add_notes(pkg: Package, sheet_part: str, sheet: Worksheet, notes: dict[str, str]) -> int:
    """Attach notes {A1: text} to a sheet; returns how many were added."""
    taken = existing_comment_refs(pkg, sheet_part)
    notes = {ref: note for ref, note in notes.items() if ref not in taken}
    if not notes:
        return 0
    rels = pkg.rels(sheet_part)
    comments_rel, comments_part = _part_rel(pkg, sheet_part, REL_COMMENTS)
    if comments_rel is None:
        comments_part = pkg.free_part("xl/comments{}.xml")
        rel_id = pkg.free_rel_id(rels)
        rels.append(Rel(rel_id, REL_COMMENTS, pkg.relative(sheet_part, comments_part)))
        pkg.write(comments_part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 f'<comments xmlns="{MAIN_NS}"><authors></authors><commentList></commentList>'
                                 '</comments>')
        pkg.set_override(comments_part, CT_COMMENTS)
    text = pkg.text(comments_part)
    authors = _authors(text)
    prefix = re.match(r"<\?xml[^>]*\?>\s*<((?:\w+:)?)comments", text)
    p = prefix.group(1) if prefix else ""
    if AUTHOR in authors:
        author_id = authors.index(AUTHOR)
    else:
        author_id = len(authors)
        close = text.find(f"</{p}authors>")
        if close < 0:
            empty = text.find(f"<{p}authors/>")
            text = text[:empty] + f"<{p}authors><{p}author>{AUTHOR}</{p}author></{p}authors>" + \
                text[empty + len(f"<{p}authors/>"):]
        else:
            text = text[:close] + f"<{p}author>{AUTHOR}</{p}author>" + text[close:]
    ordered = sorted(notes.items(), key=lambda item: parse_a1(item[0]))
    body = "".join(f'<{p}comment ref="{ref}" authorId="{author_id}"><{p}text>{_note_runs(note)}</{p}text>'
                   f"</{p}comment>" for ref, note in ordered)
    close = text.find(f"</{p}commentList>")
    if close < 0:
        empty = text.find(f"<{p}commentList/>")
        text = text[:empty] + f"<{p}commentList>{body}</{p}commentList>" + text[empty + len(f"<{p}commentList/>"):]
    else:
        text = text[:close] + body + text[close:]
    pkg.write(comments_part, text)

    vml_rel, vml_part = _part_rel(pkg, sheet_part, REL_VML)
    if vml_rel is None:
        block = _free_vml_block(pkg)
        vml_part = pkg.free_part("xl/drawings/vmlDrawing{}.vml")
        rel_id = pkg.free_rel_id(rels)
        rels.append(Rel(rel_id, REL_VML, pkg.relative(sheet_part, vml_part)))
        pkg.write(vml_part, VML_HEAD.format(block=block) + NOTE_SHAPETYPE + "</xml>")
        pkg.ensure_default("vml", CT_VML)
        attribute = f'r:id="{rel_id}"' if sheet.declares_r() else f'xmlns:r="{REL_NS}" r:id="{rel_id}"'
        sheet.insert_element("legacyDrawing", f"<{sheet.prefix}legacyDrawing {attribute}/>")
    vml = pkg.text(vml_part)
    if "_x0000_t202" not in vml:
        vml = vml.replace("</o:shapelayout>", "</o:shapelayout>" + NOTE_SHAPETYPE, 1)
    ids = [int(match.group(1)) for match in _SHAPE_ID.finditer(vml)]
    idmap = _IDMAP.search(vml)
    block = int(re.findall(r"\d+", idmap.group(1))[0]) if idmap else 1
    next_id = max(ids, default=block * 1024) + 1
    shapes = []
    for offset, (ref, note) in enumerate(ordered):
        row, col = parse_a1(ref)
        shapes.append(_shape(next_id + offset, row - 1, col - 1, note))
    end = vml.rfind("</xml>")
    vml = vml[:end] + "".join(shapes) + vml[end:]
    pkg.write(vml_part, vml)
    pkg.write_rels(sheet_part, rels)
    return len(ordered)
