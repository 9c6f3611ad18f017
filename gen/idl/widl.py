"""How widl spells what it writes into a header: the prologue before the
.idl's declarations, the header's name and include guard, integer literals
and contract versions. :mod:`gen.idl.header` writes the header with these."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from gen.c.lexer import NUMBER, Token
from gen.c.source import SourceFile

#: What the header says before anything of the .idl (widl's prologue).
PROLOGUE = """\
#ifdef _WIN32
#ifndef __REQUIRED_RPCNDR_H_VERSION__
#define __REQUIRED_RPCNDR_H_VERSION__ 475
#endif
#include <rpc.h>
#include <rpcndr.h>
#endif
#ifndef COM_NO_WINDOWS_H
#include <windows.h>
#include <ole2.h>
#endif
"""
PROLOGUE_NAME = "<idl header>"


def header_name(file_name: str) -> str:
    """The name of the header made from ``file_name`` (an .idl, or a .h
    imported as it is): ``imnxport.h``."""
    base = re.split(r"[\\/]", file_name)[-1]
    if base.lower().endswith(".idl"):
        base = base[:-4]
    if not base.lower().endswith(".h"):
        base += ".h"
    return base


def header_guard(file_name: str) -> str:
    """The include guard widl gives that header: ``__imnxport_h__``,
    ``__windows_foundation_h__``."""
    return "__" + re.sub(r"[^0-9a-z]", "_", header_name(file_name).lower()) + "__"


_INTEGER_RE = re.compile(r"(0[xX][0-9a-fA-F]+|[0-9]+)([uUlL]*)")


def widl_number(tok: Token) -> Token:
    """An integer literal as widl writes it into the header: the value kept
    in 32 bits, hexadecimal as ``0x%x``, anything else in decimal, and no
    suffix (``~0u`` becomes ``~0``, whose value is -1)."""
    m = _INTEGER_RE.fullmatch(tok.text)
    if m is None:
        return tok
    digits = m.group(1)
    value = int(digits, 16) if digits[:2] in ("0x", "0X") else int(digits, 8 if digits.startswith("0") else 10)
    value &= 0xFFFFFFFF
    text = f"0x{value:x}" if digits[:2] in ("0x", "0X") else str(value)
    if text == tok.text:
        return tok
    new = Token(NUMBER, text, tok.file, tok.line, tok.col, tok.space)
    new.origin, new.origin_end = tok.origin, tok.origin_end
    return new


def contract_version(tokens: Sequence[Token]) -> int | None:
    """``4``, ``1.0``, ``10.2`` as widl encodes a contract version (major << 16 | minor)."""
    text = "".join(t.text for t in tokens)
    m = re.fullmatch(r"(0[xX][0-9a-fA-F]+|\d+)(?:\.(\d+))?", text)
    if m is None:
        return None
    return (int(m.group(1), 0) << 16) | int(m.group(2) or 0)


def prologue_source() -> SourceFile:
    """What widl's header includes before anything of the .idl."""
    return SourceFile(PROLOGUE_NAME, Path(PROLOGUE_NAME), PROLOGUE)


__all__ = ["PROLOGUE", "contract_version", "header_guard", "header_name", "prologue_source", "widl_number"]
