"""A header's implicit include prefix: the leading directives many headers
share, whose preprocessed state gen.c.precompiled can keep for later runs.

Every COM header widl or MIDL writes starts with the same lines (``#ifdef
_WIN32`` ... ``#include <rpc.h>`` ... ``#include <windows.h>`` ...
``#endif``), and most C library headers start with their ``#include``
lines. The prefix is read from the normalised text (gen.c.source: comments
blanked, lines spliced, line numbers kept):

- only the leading lines count: those that are blank or a directive, up to
  the first line of other text;
- among them, the prefix ends after the last *top-level group* holding an
  ``#include`` (``#include_next``, ``#import``): a group is a directive
  outside any conditional, or a whole conditional from its ``#if`` to its
  ``#endif``. What follows (``#define``s of the header's own, its include
  guard, which is still open when the text begins) is the header's own;
- a header whose first line opens its include guard (gen.c.preprocessor
  recognises ``#ifndef NAME`` there as one) has no prefix, nor one whose
  leading lines hold no ``#include``.

The prefix ends at the end of a directive line, so every block of text
after it starts after it: the preprocessor can start the file there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A directive line: its name (empty for the null directive ``#``).
_DIRECTIVE_RE = re.compile(r"[ \t\f\v]*#[ \t]*([A-Za-z_]\w*)?")
_BLANK_RE = re.compile(r"[ \t\f\v]*\Z")
_OPENS = frozenset(("if", "ifdef", "ifndef"))
_INCLUDES = frozenset(("include", "include_next", "import"))
_GUARD_RE = re.compile(r"\A\s*#[ \t]*(?:ifndef[ \t]+\w+|if[ \t]+!\s*defined\s*\(?\s*\w+\s*\)?)[ \t]*\n")


@dataclass(frozen=True)
class ImplicitPrefix:
    #: The first line after the prefix (1-based).
    end: int
    #: The prefix's normalised text: lines 1 to ``end - 1``, each with its
    #: "\n", blank ones empty (the key of the state after it).
    text: str


def implicit_prefix(text: str) -> ImplicitPrefix | None:
    """The implicit include prefix of a normalised file text, if any."""
    if _GUARD_RE.match(text):
        return None
    depth = 0
    included = False  # an #include in the current top-level group
    end = 0
    lines = text.split("\n")
    for number, line in enumerate(lines[:-1], 1):
        m = _DIRECTIVE_RE.match(line)
        if m is None:
            if _BLANK_RE.match(line):
                continue
            break
        name = m.group(1) or ""
        if name in _OPENS:
            depth += 1
        elif name == "endif":
            if depth == 0:
                break  # unbalanced: the preprocessor reports it
            depth -= 1
        included = included or name in _INCLUDES
        if depth == 0:
            if included:
                end = number + 1
            included = False
    if not end:
        return None
    # Blank lines as empty ones: what a blanked comment leaves there (the
    # name of the .idl in widl's first line) neither adds nor moves a token.
    return ImplicitPrefix(end, "".join(f"{'' if _BLANK_RE.match(line) else line}\n" for line in lines[: end - 1]))
