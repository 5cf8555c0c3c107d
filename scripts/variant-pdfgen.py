#!/usr/bin/python3
"""Lays out a report variant as a report generator writes it (ReportLab here; iText-based web
systems write the same kind of file): every string drawn at an absolute position by the
program's own layout, in a CJK font that is named but not embedded (STSong-Light, encoding
UniGB-UCS2-H), so that a reader gets the text only through the Adobe CMaps. Table rules are
drawn as separate lines.

Called by scripts/make-variants.ts:  variant-pdfgen.py MODEL.json OUT.pdf
MODEL: { size, borders, numAlign, glyphs: "string" | "char", title: [lines],
         blocks: [ {h: text} | {p: text} | {table: {widths: [%], rows: [[cell]]}} ] }
cell:  { text, role: caption|head|label|num, colspan?, rowspan? }
Development tool only (system python3 with python3-reportlab); CI never runs it.
"""
import json
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = 'STSong-Light'
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 51.0, 51.0, 57.0, 57.0
CONTENT_W = PAGE_W - LEFT - RIGHT
PAD = 3.0

model = json.load(open(sys.argv[1], encoding='utf-8'))
SIZE = float(model['size'])
LEAD = SIZE * 1.45
c = canvas.Canvas(sys.argv[2], pagesize=A4, pageCompression=1)
c.setTitle(''.join(model['title']))
c.setProducer('ReportLab PDF Library')
y = PAGE_H - TOP


def width(text, size=SIZE):
    return pdfmetrics.stringWidth(text, FONT, size)


def draw(x, baseline, text, size=SIZE):
    """One string, or one glyph at a time when the model says so (some generators and
    printer drivers place every character on its own)."""
    c.setFont(FONT, size)
    if model['glyphs'] == 'string':
        c.drawString(x, baseline, text)
        return
    for ch in text:
        c.drawString(x, baseline, ch)
        x += width(ch, size)


def wrap(text, avail, size=SIZE):
    """Lines of at most `avail` points, broken between any two characters (CJK text); a
    number is never broken."""
    lines, line = [], ''
    for token in tokenize(text):
        if line and width(line + token, size) > avail:
            lines.append(line)
            line = token.lstrip()
        else:
            line += token
    if line or not lines:
        lines.append(line)
    return lines


def tokenize(text):
    out, run = [], ''
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in ',.-%'):
            run += ch
            continue
        if run:
            out.append(run)
            run = ''
        out.append(ch)
    if run:
        out.append(run)
    return out


def new_page():
    global y
    c.showPage()
    y = PAGE_H - TOP


def need(height):
    if y - height < BOTTOM:
        new_page()


def paragraph(text, indent, size=SIZE, align='left'):
    global y
    first = True
    # Every line is wrapped to the first line's width (after its indent): simpler, and the
    # prose is only the setting of the tables.
    for line in wrap(text, CONTENT_W - indent, size):
        need(size * 1.45)
        y -= size * 1.45
        if align == 'center':
            x = LEFT + (CONTENT_W - width(line, size)) / 2
        elif align == 'right':
            x = LEFT + CONTENT_W - width(line, size)
        else:
            x = LEFT + (indent if first else 0)
        draw(x, y + size * 0.3, line, size)
        first = False


def grid_of(rows, ncols):
    """Each cell at its top-left grid position, with the rows and columns it covers."""
    taken = [[False] * ncols for _ in rows]
    placed = []
    for r, row in enumerate(rows):
        col = 0
        for cell in row:
            while taken[r][col]:
                col += 1
            rs, cs = cell.get('rowspan', 1), cell.get('colspan', 1)
            for i in range(rs):
                for j in range(cs):
                    taken[r + i][col + j] = True
            placed.append((r, col, rs, cs, cell))
            col += cs
    return placed


def table(spec):
    global y
    rows, widths = spec['rows'], spec['widths']
    ncols = len(widths)
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + CONTENT_W * w / 100.0)
    placed = grid_of(rows, ncols)
    lines_of = {}
    heights = [0.0] * len(rows)
    for (r, col, rs, cs, cell) in placed:
        avail = xs[col + cs] - xs[col] - 2 * PAD
        lines_of[(r, col)] = wrap(cell['text'], avail) if cell['text'] else []
        if rs == 1:
            heights[r] = max(heights[r], len(lines_of[(r, col)]) * LEAD + 2 * PAD, LEAD + 2 * PAD)
    for (r, col, rs, cs, cell) in placed:
        if rs > 1:
            needed = len(lines_of[(r, col)]) * LEAD + 2 * PAD
            have = sum(heights[r:r + rs])
            if needed > have:
                heights[r + rs - 1] += needed - have
    # Rows tied together by a cell spanning them are kept on one page.
    end_of = list(range(len(rows)))
    for (r, col, rs, cs, cell) in placed:
        for i in range(r, r + rs):
            end_of[i] = max(end_of[i], r + rs - 1)
    units, start = [], 0
    while start < len(rows):
        end = end_of[start]
        i = start
        while i <= end:
            end = max(end, end_of[i])
            i += 1
        units.append((start, end))
        start = end + 1
    tops = [0.0] * len(rows)
    pages = [0] * len(rows)
    page = 0
    room = PAGE_H - TOP - BOTTOM
    for (a, b) in units:
        h = sum(heights[a:b + 1])
        # A unit taller than a page is cut between rows, as Word cuts a merged cell.
        if y - h < BOTTOM and h <= room:
            page += 1
            y = PAGE_H - TOP
        for r in range(a, b + 1):
            if y - heights[r] < BOTTOM:
                page += 1
                y = PAGE_H - TOP
            tops[r] = y
            pages[r] = page
            y -= heights[r]
    # Drawn page by page; a cell crossing a page is drawn in parts, its text in the first.
    for p in range(page + 1):
        if p > 0:
            c.showPage()
        for (r, col, rs, cs, cell) in placed:
            on_page = [i for i in range(r, r + rs) if pages[i] == p]
            if not on_page:
                continue
            top = tops[on_page[0]]
            bottom = tops[on_page[-1]] - heights[on_page[-1]]
            x0, x1 = xs[col], xs[col + cs]
            if model['borders']:
                c.setLineWidth(0.6)
                c.line(x0, top, x1, top)
                c.line(x0, bottom, x1, bottom)
                c.line(x0, top, x0, bottom)
                c.line(x1, top, x1, bottom)
            if on_page[0] != r:
                continue
            lines = lines_of[(r, col)]
            block = len(lines) * LEAD
            line_top = top - ((top - bottom) - block) / 2
            for k, line in enumerate(lines):
                base = line_top - (k + 1) * LEAD + LEAD * 0.3
                role = cell['role']
                align = model['numAlign'] if role == 'num' else 'left' if role == 'label' else 'center'
                if align == 'center':
                    x = (x0 + x1 - width(line)) / 2
                elif align == 'right':
                    x = x1 - PAD - width(line)
                else:
                    x = x0 + PAD
                draw(x, base, line)
    y -= LEAD * 0.6


for line in model['title']:
    paragraph(line, 0, SIZE + 6, 'center')
y -= LEAD
for block in model['blocks']:
    if 'h' in block:
        need(LEAD * 3)
        y -= LEAD * 0.4
        paragraph(block['h'], 0, SIZE + 1)
    elif 'p' in block:
        paragraph(block['p'], 2 * SIZE)
    elif 'right' in block:
        paragraph(block['right'], 0, SIZE, 'right')
    else:
        table(block['table'])
c.showPage()
c.save()
