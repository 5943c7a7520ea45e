#!/usr/bin/env python3
"""Writes a PDF letter whose LAST page carries a QR code drawn as vector squares, the way e-Aadhaar prints it.

Usage: qr_pdf.py QR_ASCII_FILE OUT.pdf
QR_ASCII_FILE is `qrencode -t ASCII` output: '#' pairs are dark modules. Page 1 is text only, so the reader
must look at every page.
"""
import sys, zlib

rows = [line.rstrip("\n") for line in open(sys.argv[1], encoding="ascii")]
modules = [[r[i:i + 2] == "##" for i in range(0, len(r), 2)] for r in rows]
unit = 1.6  # points per module: 6.7 pixels at 300 DPI
x0, top = 120.0, 700.0
ops = ["0 g"]
for y, row in enumerate(modules):
    for x, dark in enumerate(row):
        if dark:
            ops.append(f"{x0 + x * unit:.2f} {top - (y + 1) * unit:.2f} {unit:.2f} {unit:.2f} re f")
qr_page = "\n".join(ops) + "\nBT /F1 12 Tf 120 740 Td (Aadhaar letter, page 2: scan the QR) Tj ET\n"
text_page = "BT /F1 14 Tf 72 760 Td (Unique Identification Authority of India - TEST letter) Tj ET\n"

objects = []
def add(body):
    objects.append(body)
    return len(objects)

font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
contents = []
for stream in (text_page, qr_page):
    data = zlib.compress(stream.encode("latin-1"))
    contents.append(add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"))
pages_id = len(objects) + 3
page_ids = [add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (pages_id, font, c)) for c in contents]
assert add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in page_ids) + b"] /Count 2 >>") == pages_id
catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)

out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for o in offsets:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
open(sys.argv[2], "wb").write(out)
