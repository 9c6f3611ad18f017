"""Member names without their enum's common prefix (``strip-prefix``).

``POP3_MARK_FOR_TOP``, ``POP3_MARK_FOR_RETR`` ... share ``POP3_MARK_FOR_``;
with ``--strip-prefix`` the Python and TypeScript members are ``TOP``,
``RETR``, ... (``POP3MARKTYPE.TOP``). The JSON always keeps the C names.

The rules, in order:

1. Enums with fewer than two members keep their names (one name has no
   *common* prefix worth the name).
2. The prefix ends at an ``_``: the longest run of leading characters all
   member names share, cut back to just after its last ``_``.
3. Every stripped name must start with a letter (never a digit, never an
   ``_``, never empty): otherwise the prefix is cut back to the previous
   ``_`` boundary, and so on; it may end up empty.
4. If any stripped name would need escaping in Python or TypeScript (a
   keyword such as ``None``, a name :mod:`enum` reserves such as ``name``),
   the enum keeps its full names: nothing is stripped. Since escaped names
   could also collide with each other, this rule rules collisions out too.

Anonymous enums are never stripped: their members are module-level
constants, where the prefix is the only thing keeping names apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gen.output import filters

_PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


def _shared_start(names: Sequence[str]) -> str:
    """The longest string every name starts with."""
    first, last = min(names), max(names)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def _cut_to_underscore(text: str) -> str:
    """``text`` up to and including its last ``_`` ("" if none)."""
    return text[: text.rfind("_") + 1]


def _well_formed(rest: str) -> bool:
    return bool(_PLAIN_NAME.match(rest))


def _escapes_unchanged(rest: str) -> bool:
    return filters.py_member_name(rest) == rest and filters.ts_key(rest) == rest


def common_prefix(names: Sequence[str]) -> str:
    """The prefix to strip from ``names`` (see the module docstring); ""
    when nothing may be stripped."""
    if len(names) < 2:
        return ""
    prefix = _cut_to_underscore(_shared_start(names))
    while prefix and not all(_well_formed(n[len(prefix) :]) for n in names):
        prefix = _cut_to_underscore(prefix[:-1])
    if not prefix:
        return ""
    rests = [n[len(prefix) :] for n in names]
    if not all(_escapes_unchanged(r) for r in rests) or len(set(rests)) != len(rests):
        return ""
    return prefix


def strip_names(names: Sequence[str]) -> list[str]:
    """``names`` without their :func:`common_prefix`."""
    prefix = common_prefix(names)
    return [n[len(prefix) :] for n in names]
