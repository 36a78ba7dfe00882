"""A PDF file from its numbered objects: what the tests' hand-made PDFs share.

Object 1 must be the catalog. With `encrypt`, a standard security handler dictionary is
added (no real encryption: enough for a reader to see the file as encrypted).
"""

from __future__ import annotations


def assemble_pdf(objects: list[bytes], *, encrypt: bool = False) -> bytes:
    """`objects` (bodies, numbered from 1) with a header, cross-reference table and trailer."""
    objects = list(objects)
    trailer = ""
    if encrypt:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> "
            b"/P -44 >>"
        )
        trailer = (
            f" /Encrypt {len(objects)} 0 R /ID [<0123456789abcdef0123456789abcdef> "
            "<0123456789abcdef0123456789abcdef>]"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    size = f"/Size {len(objects) + 1} /Root 1 0 R{trailer}"
    out += f"trailer\n<< {size} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
