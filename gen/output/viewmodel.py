"""The view model: what every template receives.

Names are already escaped for each language and values already formatted,
so templates only lay text out. This structure is a public interface for
user templates; it is versioned together with the JSON schema
(:data:`VIEW_MODEL_VERSION`) and documented in docs/templates.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from gen.diagnostics import GenError, Location
from gen.model import Enum, Member, Module
from gen.output import filters, naming
from gen.output.flags import classify

#: Bumped with any incompatible change to the view model or the JSON schema.
#: 2: ``ts_value`` is a bigint literal for every member of an enum that needs
#: one (``EnumView.bigint``), not only for the members past 2**53.
VIEW_MODEL_VERSION = 2
#: The schema's $id: the project's address, then the schema's path in the
#: package (gen/schema/gen-enums.schema.json; ``gen --print-schema``).
SCHEMA_ID = "https://example.invalid/gen/gen/schema/gen-enums.schema.json"
#: Bit operations on JavaScript numbers work on 32 bits.
_JS_BITS = 2**32


@dataclass(frozen=True)
class MemberView:
    c_name: str
    py_name: str
    ts_key: str
    #: The TypeScript binding of a constant of an anonymous enum (``export const``).
    ts_name: str
    #: The value as a Python int, and formatted for each language.
    value: int
    py_value: str
    #: A number literal, or a bigint literal (``5n``) when the enum is bigint.
    ts_value: str
    #: Unsigned 32-bit hex spelling (``0x800CCC19``) for 32-bit values.
    hex: str
    expr: str | None
    line: int
    column: int
    #: The description: from a documentation page, else the header's comment.
    doc: str | None
    #: Escaped single-line forms of ``doc`` for each language's comments.
    py_doc: str | None
    ts_doc: str | None
    #: The text of the member's JSDoc comment: ``ts_doc``, then ``hex`` in
    #: parentheses for HRESULTs (``hex`` alone without a doc); None when neither.
    ts_comment: str | None


@dataclass(frozen=True)
class EnumView:
    #: The name users know the type by (first typedef, else the tag); None if anonymous.
    c_name: str | None
    tag: str | None
    typedefs: tuple[str, ...]
    py_name: str
    ts_name: str
    #: "IntFlag" or "IntEnum" (Python base class).
    py_base: str
    flags: bool
    flags_reason: str
    underlying: str
    fixed_type: str | None
    origin: str
    file: str
    line: int
    column: int
    members: tuple[MemberView, ...]
    doc: str | None
    #: Docstring / JSDoc summary lines, escaped for each language.
    py_doc_lines: tuple[str, ...]
    ts_doc_lines: tuple[str, ...]
    #: Whether the values are HRESULTs (negative 32-bit codes): outputs add the unsigned hex.
    hresult: bool
    #: Whether JavaScript needs BigInt for this enum (a value beyond 2**53 - 1,
    #: or a flags value beyond 32 bits): then every member is a bigint.
    bigint: bool
    #: "bigint" or "number": the TypeScript type of the values.
    ts_value_type: str
    #: The OR of every value, as a TypeScript literal (flags: which bits exist).
    ts_mask: str
    #: Names of the TypeScript lookup helpers (``isX``, ``nameOfX``,
    #: ``valuesOfX``), distinct across the module; "" when not generated.
    ts_is: str
    ts_name_of: str
    ts_values_of: str
    #: Local names inside ``nameOfX`` (the value parameter, the key of the
    #: search, the signed code), chosen so none shadows the enum's own name.
    ts_locals: tuple[str, str, str]


@dataclass(frozen=True)
class ModuleView:
    source: str
    #: Base name of the output files (a valid Python module name).
    stem: str
    generator: str
    version: int
    schema_id: str
    target: str
    #: Named enums (classes / const objects).
    enums: tuple[EnumView, ...]
    #: Anonymous enums: their members become module-level constants.
    anonymous: tuple[EnumView, ...]
    #: Named and anonymous enums together, in header order.
    all_enums: tuple[EnumView, ...]
    #: Every exported Python name, in the order ruff (RUF022) expects.
    py_all: tuple[str, ...]
    #: TypeScript form: "const-object", "enum" or "const-enum".
    ts_style: str
    #: Class and type names: "c" (as in C) or "pascal".
    class_names: str
    #: Whether the TypeScript output has the lookup helpers (const-object form).
    ts_lookup: bool
    #: Name of the TypeScript ``hasFlags(flags, bits)`` helper ("" when the
    #: module has no flags enum).
    ts_has_flags: str


def _summary(enum: Enum) -> str:
    where = f"declared at {enum.location.file}:{enum.location.line}."
    if enum.origin == "macros":
        if not enum.group:
            return f"#define constant {where}"
        if enum.typedefs:
            return f"#define constants of type {enum.typedefs[0]} {where}"
        if all(m.name.startswith(enum.group) for m in enum.members):
            star = "_*" if all(m.name.startswith(enum.group + "_") for m in enum.members) else "*"
            return f"#define constants {enum.group}{star} {where}"
        return f"#define constants {where}"
    if enum.tag and enum.typedefs:
        return f"C enum {enum.tag} (typedef {', '.join(enum.typedefs)}) {where}"
    if enum.tag:
        return f"C enum {enum.tag} {where}"
    if enum.typedefs:
        return f"C typedef {', '.join(enum.typedefs)} of an enum without a tag, {where}"
    return f"Anonymous C enum {where}"


def _is_hresult(enum: Enum) -> bool:
    """Error-code enums: every non-zero value is a negative 32-bit code with
    facility or code bits set (not a small negative such as -1)."""
    nonzero = [m.value for m in enum.members if m.value]
    return bool(nonzero) and all(-(2**31) <= v <= -(2**16) for v in nonzero)


def _description(doc: str | None, comment: str | None, header_comments: bool) -> str | None:
    """A documentation page's text wins over the header's own comment."""
    if doc is not None:
        return doc
    return comment if header_comments else None


def _needs_bigint(enum: Enum, flags: bool) -> bool:
    """JavaScript numbers hold integers exactly up to 2**53 - 1, and their
    bit operations work on 32 bits."""
    if any(abs(m.value) > filters.MAX_SAFE_INTEGER for m in enum.members):
        return True
    return flags and any(m.value >= _JS_BITS for m in enum.members)


def _member_view(m: Member, flags: bool, bigint: bool, hresult: bool, header_comments: bool) -> MemberView:
    py_value = filters.hex_value(m.value) if flags else str(m.value)
    doc = _description(m.doc, m.comment, header_comments)
    hex_ = filters.unsigned32(m.value) if -(2**31) <= m.value < 2**32 else filters.hex_value(m.value, 64)
    ts_doc = filters.comment_text(" ".join(doc.split())) if doc else None
    return MemberView(
        c_name=m.name,
        py_name=filters.py_member_name(m.name),
        ts_key=filters.ts_key(m.name),
        ts_name=filters.ts_name(m.name),
        value=m.value,
        py_value=py_value,
        ts_value=filters.ts_value(m.value, bigint),
        hex=hex_,
        expr=m.expr,
        line=m.location.line,
        column=m.location.column,
        doc=doc,
        py_doc=filters.py_docstring(" ".join(doc.split())) if doc else None,
        ts_doc=ts_doc,
        ts_comment=(f"{ts_doc} ({hex_})" if hresult else ts_doc) if ts_doc else (hex_ if hresult else None),
    )


def enum_view(enum: Enum, flags_override: bool | None = None, header_comments: bool = True) -> EnumView:
    decision = classify(enum)
    flags = decision.flags if flags_override is None else flags_override
    reason = decision.reason if flags_override is None else "set in the configuration"
    negative = next((m for m in enum.members if m.value < 0), None)
    if flags and negative is not None:  # enum.IntFlag cannot hold a negative member
        raise GenError(f"{enum.name} cannot be flags: {negative.name} = {negative.value} is negative", enum.location)
    hresult = _is_hresult(enum)
    bigint = _needs_bigint(enum, flags)
    name = enum.name
    summary = _summary(enum)
    doc = _description(enum.doc, enum.comment, header_comments)
    doc_lines = [summary]
    if doc:
        paragraphs = [p for p in doc.split("\n\n") if p.strip()]
        doc_lines = [*(line for p in paragraphs for line in (p, "")), summary]
    members = [_member_view(m, flags, bigint, hresult, header_comments) for m in enum.members]
    mask = 0
    for m in enum.members:
        mask |= m.value
    return EnumView(
        c_name=name,
        tag=enum.tag,
        typedefs=enum.typedefs,
        py_name=filters.py_name(name) if name else "",
        ts_name=filters.ts_name(name) if name else "",
        py_base="IntFlag" if flags else "IntEnum",
        flags=flags,
        flags_reason=reason,
        underlying=enum.underlying.name,
        fixed_type=enum.fixed_type,
        origin=enum.origin,
        file=enum.location.file,
        line=enum.location.line,
        column=enum.location.column,
        members=filters.unique_members(members),
        doc=doc,
        py_doc_lines=tuple(filters.py_docstring(" ".join(line.split())) for line in doc_lines),
        ts_doc_lines=tuple(filters.comment_text(" ".join(line.split())) for line in doc_lines),
        hresult=hresult,
        bigint=bigint,
        ts_value_type="bigint" if bigint else "number",
        ts_mask=filters.ts_value(mask, bigint),
        ts_is="",
        ts_name_of="",
        ts_values_of="",
        ts_locals=("v", "k", "code"),
    )


def strip_member_prefix(view: EnumView) -> EnumView:
    """``view`` with its members' Python and TypeScript names stripped of
    the common prefix (C names, and so the JSON, unchanged)."""
    if view.c_name is None:
        return view
    prefix = naming.common_prefix([m.c_name for m in view.members])
    if not prefix:
        return view
    members = tuple(
        dataclasses.replace(
            m,
            py_name=filters.py_member_name(m.c_name[len(prefix) :]),
            ts_key=filters.ts_key(m.c_name[len(prefix) :]),
        )
        for m in view.members
    )
    return dataclasses.replace(view, members=members)


def module_view(
    module: Module,
    stem: str,
    *,
    target: str,
    ts_style: str = "const-object",
    flags_overrides: Mapping[str, bool] | None = None,
    strip_prefix: bool = False,
    class_names: str = "c",
    ts_lookup: bool = True,
    header_comments: bool = True,
) -> ModuleView:
    overrides = flags_overrides or {}
    named: list[EnumView] = []
    anonymous: list[EnumView] = []
    every: list[EnumView] = []
    for enum in module.enums:
        override = overrides.get(enum.name) if enum.name else None
        view = enum_view(enum, override, header_comments)
        if strip_prefix:
            view = strip_member_prefix(view)
        every.append(view)
    if class_names == "pascal":
        every = _pascal_names(every)
    every = filters.unique_exports(every)  # distinct names across the module
    every = [_unmangled(v) for v in every]
    lookup = ts_lookup and ts_style == "const-object"
    every, has_flags = _ts_helpers(every, lookup)
    named = [v for v in every if v.c_name]
    anonymous = [v for v in every if not v.c_name]
    exported: list[str] = [e.py_name for e in named]
    exported += [m.py_name for e in anonymous for m in e.members]
    return ModuleView(
        source=module.source,
        stem=stem,
        generator="gen",
        version=VIEW_MODEL_VERSION,
        schema_id=SCHEMA_ID,
        target=target,
        enums=tuple(named),
        anonymous=tuple(anonymous),
        all_enums=tuple(every),
        py_all=tuple(filters.py_all_order(list(dict.fromkeys(exported)))),
        ts_style=ts_style,
        class_names=class_names,
        ts_lookup=lookup,
        ts_has_flags=has_flags,
    )


def _pascal_names(views: list[EnumView]) -> list[EnumView]:
    """Named enums get PascalCase class and type names. Two different C
    names that become one name are an error naming both (a suffix would hide
    which is which); so is a name an anonymous enum's constant already has."""
    out: list[EnumView] = []
    owners: dict[str, EnumView] = {m.c_name: v for v in views if not v.c_name for m in v.members}
    for v in views:
        if not v.c_name:
            out.append(v)
            continue
        pascal = filters.pascal_case(v.c_name)
        other = owners.get(pascal)
        if other is not None and other.c_name != v.c_name:
            first = other.c_name or f"a constant of the anonymous enum at {other.file}:{other.line}"
            raise GenError(
                f"class-names = pascal: {first} ({other.file}:{other.line}) and {v.c_name} "
                f"({v.file}:{v.line}) would both be named {pascal}",
                Location(v.file, v.line, v.column),
            )
        owners.setdefault(pascal, v)
        out.append(dataclasses.replace(v, py_name=filters.py_name(pascal), ts_name=filters.ts_name(pascal)))
    return out


def _unmangled(view: EnumView) -> EnumView:
    """Members :mod:`enum` would take for private names of the class
    (``_E__x`` in class ``E`` is not a member) get an ``m`` prefix."""
    if not view.c_name:
        return view
    private = f"_{view.py_name}__"
    if not any(m.py_name.startswith(private) for m in view.members):
        return view
    pairs = [(m.py_name, "m" + m.py_name if m.py_name.startswith(private) else m.py_name) for m in view.members]
    names = filters.unique_names(pairs)
    members = tuple(dataclasses.replace(m, py_name=n) for m, n in zip(view.members, names, strict=True))
    return dataclasses.replace(view, members=members)


def _ts_helpers(views: list[EnumView], lookup: bool) -> tuple[list[EnumView], str]:
    """Names of the TypeScript helpers: ``isX``, ``nameOfX`` and
    ``valuesOfX`` per named enum (with ``lookup``), and ``hasFlags`` once
    when some enum is flags. A helper name that another binding of the
    module already has gets ``_2``, ``_3``, ... (bindings keep theirs)."""
    taken: set[str] = set()
    for v in views:
        taken.update([v.ts_name] if v.c_name else [m.ts_name for m in v.members])
    wanted: list[str] = []
    if any(v.flags for v in views):
        wanted.append("hasFlags")
    slots = [v for v in views if v.c_name] if lookup else []
    for v in slots:
        title = v.ts_name[:1].upper() + v.ts_name[1:]  # isFoo for an enum foo
        wanted += [f"is{title}", f"nameOf{title}", f"valuesOf{title}"]
    names = iter(filters.unique_derived(taken, wanted))
    has_flags = next(names) if any(v.flags for v in views) else ""
    out: list[EnumView] = []
    for v in views:
        if v.c_name and lookup:
            is_, name_of, values_of = next(names), next(names), next(names)
            arg, key, code = filters.unique_derived({v.ts_name}, ["v", "k", "code"])
            # One replace: each copies every field of the view.
            v = dataclasses.replace(
                v, ts_is=is_, ts_name_of=name_of, ts_values_of=values_of, ts_locals=(arg, key, code)
            )
        out.append(v)
    return out, has_flags
