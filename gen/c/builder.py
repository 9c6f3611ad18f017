"""Stage 4, model: evaluate declarations in order and build the model.

Enumerator values follow clang's rules for C (Sema::CheckEnumConstant and
ActOnEnumBody): an explicit value keeps type int when it fits, else the type
of its expression; an implicit value is the previous one plus one in the
previous type, moving to the next wider type of the same signedness on
overflow; once the enum is complete, every value that does not fit int is
converted to the enum's underlying type, the smallest of unsigned int, int,
long, unsigned long, long long and unsigned long long that holds them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from pycparser import c_ast

from gen.c.cexpr import EvalError, Evaluator, Value, integer_type_from_words
from gen.c.ctype import CType, OpaqueType, PointerType, RecordType, builtin_type
from gen.c.declarations import Declaration, EnumDecl, RecordDecl, TypedefDecl
from gen.c.includes import SHIM_PREFIX
from gen.c.inttypes import IntTypes
from gen.c.records import Layouts
from gen.diagnostics import Diagnostic, Level, Location, Reporter
from gen.model import Enum, IntType, Member


@dataclass
class SymbolTable:
    """What the translation unit has declared so far."""

    constants: dict[str, Value] = field(default_factory=dict)
    typedefs: dict[str, CType] = field(default_factory=dict)
    enum_tags: dict[str, IntType] = field(default_factory=dict)
    #: struct and union definitions by ``kind tag`` (the last one wins).
    records: dict[str, RecordDecl] = field(default_factory=dict)
    #: Where each file-scope enumerator, enum tag and typedef name was
    #: defined, and whether in the main file (for redefinition errors).
    enumerator_sites: dict[str, tuple[Location, bool]] = field(default_factory=dict)
    tag_sites: dict[str, tuple[Location, bool]] = field(default_factory=dict)
    typedef_sites: dict[str, tuple[Location, bool]] = field(default_factory=dict)


class ModelBuilder:
    """``record_bodies`` false: the scanner skimmed struct and union bodies,
    and any layout raises :class:`gen.c.records.RecordBodiesSkimmed`."""

    def __init__(self, types: IntTypes, reporter: Reporter, record_bodies: bool = True) -> None:
        self.types = types
        self.reporter = reporter
        self.symbols = SymbolTable()
        self._main: list[Enum] = []
        # typedef names given to a tag before or after its body (``typedef enum X Y;``)
        self._tag_typedefs: dict[str, list[str]] = {}
        #: ``typedef <integer type> NAME;`` statements of the main file, for macro groups.
        self.integer_typedef_marks: list[tuple[str, Location]] = []
        #: In a tree pass (several mains: gen.c.frontend), the files whose
        #: being the main file each problem of a main file's own is due to;
        #: None: one main file, whose problems are all reported.
        self.owners: dict[Diagnostic, frozenset[str]] | None = None
        # The compiler's own type behind <stdarg.h>'s va_list.
        model = types.model
        self.symbols.typedefs["__builtin_va_list"] = OpaqueType(
            "__builtin_va_list", model.va_list_bytes, model.va_list_align
        )
        self.evaluator = Evaluator(
            types,
            self.symbols.constants.get,
            self.symbols.typedefs,
            self.symbols.enum_tags.get,
        )
        self.layouts = Layouts(self.evaluator, self.symbols.records, self.symbols.typedefs, self.symbols.enum_tags.get)
        self.layouts.bodies = record_bodies
        self.evaluator.size_align = self.layouts.size_align

    def fork(self, reporter: Reporter) -> ModelBuilder:
        """A builder that continues from this one's state on its own (the
        state after the forced includes, shared by several headers)."""
        new = ModelBuilder(self.types, reporter, self.layouts.bodies)
        # Updated in place: the evaluator holds these very dicts.
        new.symbols.constants.update(self.symbols.constants)
        new.symbols.typedefs.update(self.symbols.typedefs)
        new.symbols.enum_tags.update(self.symbols.enum_tags)
        new.symbols.records.update(self.symbols.records)
        new.symbols.enumerator_sites.update(self.symbols.enumerator_sites)
        new.symbols.tag_sites.update(self.symbols.tag_sites)
        new.symbols.typedef_sites.update(self.symbols.typedef_sites)
        new._main = list(self._main)
        new._tag_typedefs = {tag: list(names) for tag, names in self._tag_typedefs.items()}
        new.integer_typedef_marks = list(self.integer_typedef_marks)
        new.owners = None if self.owners is None else dict(self.owners)
        return new

    def keep_main(self, file: str) -> None:
        """After a tree pass: keep the enums and integer typedefs of the
        main file ``file`` alone (the other mains' are not this header's)."""
        self._main = [e for e in self._main if e.location.file == file]
        self.integer_typedef_marks = [m for m in self.integer_typedef_marks if m[1].file == file]

    def _report_main(self, diagnostic: Diagnostic, *owners: Location | None) -> None:
        """Report a problem that is one only because the definitions at
        ``owners`` (those not None) are the main file's."""
        self.reporter.add(diagnostic)
        if self.owners is not None:
            files = frozenset(loc.file for loc in owners if loc is not None)
            self.owners[diagnostic] = self.owners.get(diagnostic, frozenset()) | files

    # -- feeding -----------------------------------------------------------------
    def add_all(self, decls: Iterable[Declaration]) -> None:
        for decl in decls:
            if isinstance(decl, EnumDecl):
                self.add_enum(decl)
            elif isinstance(decl, RecordDecl):
                self.symbols.records[f"{decl.kind} {decl.tag}"] = decl
            else:
                self.add_typedef(decl)

    def add_typedef(self, decl: TypedefDecl) -> None:
        base = self._base_type(decl.base)
        if decl.in_main and isinstance(base, IntType):
            for name, kind in decl.names:
                if kind == "plain":
                    self.integer_typedef_marks.append((name, decl.location))
        for name, _kind in decl.names:
            if name in self.symbols.enumerator_sites:
                message = f"redefinition of '{name}' as a different kind of symbol"
                previous = self.symbols.enumerator_sites[name]
                self._redefined(message, decl.location, decl.in_main, previous, "an enumerator")
            if not decl.location.file.startswith(SHIM_PREFIX):
                self.symbols.typedef_sites.setdefault(name, (decl.location, decl.in_main))
        arrays = dict(decl.arrays)
        for name, kind in decl.names:
            if kind == "pointer":
                self.symbols.typedefs[name] = PointerType(self.types.model.pointer_bits)
            elif kind == "plain" and base is not None:
                changed = self.layouts.typedef_type(name, base, decl.attributes) if decl.attributes else base
                self.symbols.typedefs[name] = changed or OpaqueType(name)
            else:
                array = self.layouts.declared_type(list(arrays[name]), base) if name in arrays and base else None
                self.symbols.typedefs[name] = array or OpaqueType(name)
            if kind == "plain" and decl.base[0] == "enum" and len(decl.base) > 1 and decl.base[1]:
                self._tag_typedefs.setdefault(decl.base[1], []).append(name)

    def _base_type(self, base: tuple[str, ...]) -> CType | None:
        if base[0] == "enum":
            tag = base[1] if len(base) > 1 else ""
            return self.symbols.enum_tags.get(tag, self.types.int)
        if base[0] in ("struct", "union"):
            return RecordType(base[0], base[1]) if len(base) > 1 and base[1] else OpaqueType(base[0])
        t = integer_type_from_words(list(base), self.types)
        if t is not None:
            return t
        builtin = builtin_type(" ".join(base), self.evaluator.abi)
        if builtin is not None:
            return builtin
        if len(base) == 1:
            return self.symbols.typedefs.get(base[0], OpaqueType(base[0]))
        return None

    def _check_redefinitions(self, decl: EnumDecl) -> None:
        """Enumerators and tags are defined once per file scope (clang's
        "redefinition of enumerator" and "redefinition of 'E'")."""
        sites = self.symbols
        if decl.tag:
            previous = sites.tag_sites.get(decl.tag)
            if previous is not None:
                self._redefined(f"redefinition of 'enum {decl.tag}'", decl.location, decl.in_main, previous)
            else:
                sites.tag_sites[decl.tag] = (decl.location, decl.in_main)
        for e in decl.enumerators:
            previous = sites.enumerator_sites.get(e.name)
            if previous is not None:
                self._redefined(f"redefinition of enumerator '{e.name}'", e.location, decl.in_main, previous)
                continue
            typedef = sites.typedef_sites.get(e.name)
            if typedef is not None:
                message = f"redefinition of '{e.name}' as a different kind of symbol"
                self._redefined(message, e.location, decl.in_main, typedef, "a typedef name")
            sites.enumerator_sites[e.name] = (e.location, decl.in_main)
        for name in (*decl.typedefs, *decl.other_typedefs):
            enumerator = sites.enumerator_sites.get(name)
            if enumerator is not None:
                message = f"redefinition of '{name}' as a different kind of symbol"
                self._redefined(message, decl.location, decl.in_main, enumerator, "an enumerator")
            sites.typedef_sites.setdefault(name, (decl.location, decl.in_main))

    def _redefined(
        self, message: str, where: Location, in_main: bool, previous: tuple[Location, bool], kind: str = ""
    ) -> None:
        # Reported when either definition is the user's header's own.
        if in_main or previous[1]:
            was = f", as {kind}," if kind else ""
            text = f"{message} (previous definition{was} at {previous[0]})"
            owners = (where if in_main else None, previous[0] if previous[1] else None)
            self._report_main(Diagnostic(Level.ERROR, text, where), *owners)

    def add_enum(self, decl: EnumDecl) -> None:
        if decl.block_scope:
            # Local to a function body: neither the header's API nor visible
            # to the declarations after that body.
            return
        self._check_redefinitions(decl)
        types = self.types
        fixed: IntType | None = None
        if decl.fixed_type is not None:
            fixed_t = integer_type_from_words(list(decl.fixed_type), types)
            if fixed_t is None and len(decl.fixed_type) == 1:
                found = self.symbols.typedefs.get(decl.fixed_type[0])
                fixed_t = found if isinstance(found, IntType) else None
            if fixed_t is None:
                self._error(decl, f"unknown underlying type '{' '.join(decl.fixed_type)}'", decl.location)
                return
            fixed = fixed_t
        values: list[tuple[str, Value | None]] = []
        prev: Value | None = None
        prev_name: str | None = None
        for e in decl.enumerators:
            value = self._enumerator_value(decl, e.name, e.value, prev, prev_name, fixed, e.location)
            values.append((e.name, value))
            if value is not None:
                self.symbols.constants[e.name] = value
            prev, prev_name = value, e.name
            if value is None:
                prev_name = e.name
        underlying = fixed or self._best_type([v for _, v in values if v is not None])
        final: dict[str, Value] = {}
        for name, value in values:
            if value is None:
                continue
            v = value[0]
            if fixed is None and types.int.holds(v):
                final[name] = (v, types.int)
            else:
                final[name] = (underlying.wrap(v), underlying)
            self.symbols.constants[name] = final[name]
        if decl.tag:
            self.symbols.enum_tags[decl.tag] = fixed or (underlying if underlying != types.uint else types.uint)
        for name in decl.typedefs:
            self.symbols.typedefs[name] = fixed or underlying
        for name in decl.other_typedefs:
            self.symbols.typedefs[name] = PointerType(types.model.pointer_bits)
        if not decl.in_main:
            return
        members = tuple(
            Member(e.name, final[e.name][0], e.expr, e.location) for e in decl.enumerators if e.name in final
        )
        typedefs = list(decl.typedefs)
        self._main.append(
            Enum(
                tag=decl.tag,
                typedefs=tuple(typedefs),
                members=members,
                location=decl.location,
                underlying=underlying,
                fixed_type=" ".join(decl.fixed_type) if decl.fixed_type else None,
            )
        )

    def _enumerator_value(
        self,
        decl: EnumDecl,
        name: str,
        node: c_ast.Node | None,
        prev: Value | None,
        prev_name: str | None,
        fixed: IntType | None,
        location: Location,
    ) -> Value | None:
        types = self.types
        if node is not None:
            try:
                v, t = self.evaluator.evaluate(node)
            except EvalError as exc:
                where = self._node_location(exc.node) or location
                self._error(decl, f"cannot compute the value of enumerator '{name}': {exc}", where)
                return None
            if fixed is not None:
                if not fixed.holds(v):
                    self._error(
                        decl,
                        f"enumerator '{name}' value {v} is not representable in the underlying type '{fixed}'",
                        location,
                    )
                    return None
                return v, fixed
            if types.int.holds(v):
                return v, types.int
            return v, t
        if prev_name is None:
            return 0, fixed or types.int
        if prev is None:
            self._error(
                decl,
                f"cannot compute the value of enumerator '{name}': it follows '{prev_name}', whose value is unknown",
                location,
            )
            return None
        pv, pt = prev
        v = pv + 1
        if not pt.holds(v):
            wider = types.next_larger(pt)
            if fixed is not None or wider is None:
                if fixed is not None:
                    self._error(
                        decl,
                        f"enumerator '{name}' value {v} is not representable in the underlying type '{fixed}'",
                        location,
                    )
                    return None
                return pt.wrap(v), pt
            return v, wider
        return v, pt

    def _best_type(self, values: list[Value]) -> IntType:
        """clang's choice of the enum's integer type for C (no fixed type)."""
        types = self.types
        if not values:
            return types.uint
        negative_bits = 0
        positive_bits = 0
        for v, _ in values:
            if v < 0:
                negative_bits = max(negative_bits, (~v).bit_length() + 1)
            else:
                positive_bits = max(positive_bits, v.bit_length())
        if negative_bits:
            for t in (types.int, types.long, types.llong):
                if negative_bits <= t.bits and positive_bits < t.bits:
                    return t
            return types.llong
        for t in (types.uint, types.ulong, types.ullong):
            if positive_bits <= t.bits:
                return t
        return types.ullong

    @staticmethod
    def _node_location(node: c_ast.Node | None) -> Location | None:
        coord = getattr(node, "coord", None)
        if coord is None:
            return None
        return Location(coord.file, coord.line, coord.column or 0)

    def _error(self, decl: EnumDecl, message: str, location: Location) -> None:
        # Enums of included headers only matter through their constants;
        # their problems are not the user's.
        if decl.in_main:
            self._report_main(Diagnostic(Level.ERROR, message, location), decl.location)

    # -- result --------------------------------------------------------------------
    def enums(self) -> tuple[Enum, ...]:
        out = []
        for enum in self._main:
            extra = [n for n in self._tag_typedefs.get(enum.tag or "", []) if n not in enum.typedefs]
            out.append(replace(enum, typedefs=enum.typedefs + tuple(extra)) if extra else enum)
        return tuple(out)
