"""The reference: what gcc makes of one system header, alone, with no flags.

1. ``gcc -fsyntax-only -x c HEADER`` decides whether the header counts (gcc accepts it alone);
2. the header compiled alone with ``-g -fno-eliminate-unused-debug-types`` lists, in its DWARF, every
   enumerator of every enum declared at file scope in the header itself (read with pyelftools);
3. a program that includes the header and prints each name asked for (the enumerators, and the
   macros gen groups) gives gcc's values, as tests/test_properties.py does.

Steps 1 and 2 are cached per header (``~/.cache/gen-tests/sysheaders``, or
``$GEN_SYSHEADERS_CACHE``) with the size and modification time of every file gcc read (``-MD``):
an upgraded package invalidates the entries that read it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elftools.elf.elffile import ELFFile

GCC = "gcc"
#: Bump when what is cached changes.
ORACLE_VERSION = 1
TIMEOUT = 120


@dataclass
class GccHeader:
    """gcc's view of a header: whether it accepts it alone, and the enumerators it declares."""

    ok: bool
    errors: list[str] = field(default_factory=list)
    enumerators: list[str] = field(default_factory=list)
    #: gcc accepted the header but could not compile it to an object (no enumerator list).
    no_object: str | None = None


@dataclass
class Values:
    """gcc's values of the names asked for; names it could not evaluate, and why."""

    values: dict[str, int] = field(default_factory=dict)
    #: name -> reason (not an integer constant for gcc, or the program failed around it).
    refused: dict[str, str] = field(default_factory=dict)


def cache_dir() -> Path:
    return Path(os.environ.get("GEN_SYSHEADERS_CACHE") or "~/.cache/gen-tests/sysheaders").expanduser()


_VERSION: str | None = None


def gcc_version() -> str:
    global _VERSION
    if _VERSION is None:
        proc = subprocess.run([GCC, "--version"], capture_output=True, text=True, check=False)
        _VERSION = proc.stdout.splitlines()[0] if proc.returncode == 0 and proc.stdout else "unknown"
    return _VERSION


def _stamp(path: str) -> list[object]:
    try:
        st = os.stat(path)
    except OSError:
        return [path, None, None]
    return [path, st.st_mtime_ns, st.st_size]


def _deps(depfile: Path) -> list[str]:
    """The files a ``-MD`` depfile names (after the target)."""
    text = depfile.read_text(encoding="utf-8", errors="surrogateescape").replace("\\\n", " ")
    _, _, rest = text.partition(": ")
    return [p.replace("\\ ", " ") for p in re.split(r"(?<!\\)\s+", rest.strip()) if p]


def _cache_path(header: Path) -> Path:
    key = hashlib.sha1(f"{ORACLE_VERSION}\0{gcc_version()}\0{header}".encode()).hexdigest()
    return cache_dir() / f"{key}.json"


def _load(header: Path) -> GccHeader | None:
    try:
        data = json.loads(_cache_path(header).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or any(_stamp(stamp[0]) != stamp for stamp in data.get("deps", [])):
        return None
    return GccHeader(data["ok"], data["errors"], data["enumerators"], data["no_object"])


def _store(header: Path, result: GccHeader, deps: list[str]) -> None:
    data = {
        "ok": result.ok,
        "errors": result.errors,
        "enumerators": result.enumerators,
        "no_object": result.no_object,
        "deps": [_stamp(p) for p in dict.fromkeys([str(header), *deps])],
    }
    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir(), suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, _cache_path(header))
    except OSError:
        return


def _gcc(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [GCC, *args], cwd=cwd, capture_output=True, text=True, errors="replace", timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess([GCC, *args], 124, "", f"gcc timed out after {TIMEOUT} s")


def _first_errors(stderr: str, limit: int = 3) -> list[str]:
    lines = [ln for ln in stderr.splitlines() if ": error: " in ln or ": fatal error: " in ln]
    return (lines or stderr.splitlines())[:limit]


def examine(header: Path, use_cache: bool = True) -> GccHeader:
    """Steps 1 and 2 for ``header`` (an absolute path)."""
    if use_cache:
        cached = _load(header)
        if cached is not None:
            return cached
    with tempfile.TemporaryDirectory(prefix="gen-sysheaders-") as tmp:
        folder = Path(tmp)
        check = _gcc(["-fsyntax-only", "-x", "c", str(header), "-MD", "-MF", "deps.d"], folder)
        deps = _deps(folder / "deps.d") if (folder / "deps.d").is_file() else []
        if check.returncode != 0:
            result = GccHeader(False, _first_errors(check.stderr))
        else:
            obj = folder / "header.o"
            build = _gcc(
                ["-c", "-g", "-fno-eliminate-unused-debug-types", "-x", "c", str(header), "-o", str(obj)], folder
            )
            if build.returncode != 0:
                result = GccHeader(True, no_object=" ".join(_first_errors(build.stderr, 1)))
            else:
                result = GccHeader(True, enumerators=dwarf_enumerators(obj, header))
    if use_cache:
        _store(header, result, deps)
    return result


def dwarf_enumerators(obj: Path, header: Path) -> list[str]:
    """The enumerators of the file-scope enums that ``obj``'s DWARF places in ``header``, in order."""
    wanted = os.path.realpath(header)
    names: list[str] = []
    with open(obj, "rb") as f:
        dwarf = ELFFile(f).get_dwarf_info()
        for cu in dwarf.iter_CUs():
            program = dwarf.line_program_for_CU(cu)
            if program is None:
                continue
            files = _FileNames(program.header, cu.get_top_DIE())
            for die in cu.get_top_DIE().iter_children():
                if die.tag != "DW_TAG_enumeration_type" or "DW_AT_decl_file" not in die.attributes:
                    continue
                if files.path(die.attributes["DW_AT_decl_file"].value) != wanted:
                    continue
                names += [
                    child.attributes["DW_AT_name"].value.decode()
                    for child in die.iter_children()
                    if child.tag == "DW_TAG_enumerator"
                ]
    return names


class _FileNames:
    """The real paths of a compilation unit's line-table files, by index."""

    def __init__(self, header: Any, top: Any) -> None:
        self.version = header.version
        self.files = header.file_entry
        self.dirs = header.include_directory
        self.comp_dir = top.attributes["DW_AT_comp_dir"].value.decode() if "DW_AT_comp_dir" in top.attributes else ""
        self.real: dict[int, str] = {}

    def path(self, index: int) -> str:
        if index not in self.real:
            # DWARF 5 counts files and folders from 0; earlier versions from 1 (folder 0: the CU's).
            v5 = self.version >= 5
            entry = self.files[index if v5 else index - 1]
            d = entry.dir_index if v5 else entry.dir_index - 1
            folder = self.dirs[d].decode() if d >= 0 else self.comp_dir
            self.real[index] = os.path.realpath(os.path.join(self.comp_dir, folder, entry.name.decode()))
        return self.real[index]


# -- values -------------------------------------------------------------------------------------

_PRINT = (
    '#define GEN_SYSHDR_P(X) __builtin_printf("%s %d %d %llu\\n", #X, __builtin_constant_p(X), (X) < 0, '
    "(X) < 0 ? 0ULL - (unsigned long long)(X) : (unsigned long long)(X))"
)


def program(header: Path, enumerators: list[str], macros: list[str]) -> tuple[str, dict[int, str]]:
    """A C program printing each name, and the line each name is used on. Macros come first, each
    also as an enumerator's initializer (so that gcc says whether it is an integer constant
    expression); then every enumerator name is #undef'd, so that a macro of the same name cannot
    hide it."""
    lines = [f'#include "{header}"', _PRINT]
    where: dict[int, str] = {}
    for i, name in enumerate(macros):
        lines.append(f"enum {{ gen_syshdr_ice_{i} = ({name}) }};")
        where[len(lines)] = name
    lines.append("static void gen_syshdr_macros(void) {")
    for name in macros:
        lines.append(f"  GEN_SYSHDR_P({name});")
        where[len(lines)] = name
    lines.append("}")
    lines += [f"#undef {name}" for name in enumerators]
    lines.append("static void gen_syshdr_enums(void) {")
    for name in enumerators:
        lines.append(f"  GEN_SYSHDR_P({name});")
        where[len(lines)] = name
    lines += ["}", "int main(void) { gen_syshdr_enums(); gen_syshdr_macros(); return 0; }", ""]
    return "\n".join(lines), where


def _line(diagnostic: str) -> int:
    m = re.match(r"values\.c:(\d+):", diagnostic)
    return int(m.group(1)) if m else 0


def values(header: Path, enumerators: list[str], macros: list[str]) -> Values:
    """gcc's value of each enumerator and macro. A macro gcc cannot compile (or that is no integer
    constant for gcc) is refused with the reason; so is everything when the program cannot run."""
    result = Values()
    macros = list(macros)
    with tempfile.TemporaryDirectory(prefix="gen-sysheaders-") as tmp:
        folder = Path(tmp)
        for _ in range(4):
            text, where = program(header, enumerators, macros)
            (folder / "values.c").write_text(text, encoding="utf-8")
            build = _gcc(["-w", "-o", "values", "values.c"], folder)
            if build.returncode == 0:
                break
            # Drop the macros gcc refuses (named by the lines of its errors) and try again.
            bad = {
                where[int(n)]
                for n in re.findall(r"^values\.c:(\d+):\d+: error:", build.stderr, re.M)
                if int(n) in where and where[int(n)] in macros
            }
            if not bad:
                if not macros:
                    result.refused.update(
                        dict.fromkeys(enumerators, "program: " + " ".join(_first_errors(build.stderr, 1)))
                    )
                    return result
                # Not located (a link error): check the enumerators alone.
                bad = set(macros)
            for name in bad:
                message = next(
                    (ln for ln in build.stderr.splitlines() if ": error: " in ln and where.get(_line(ln)) == name),
                    " ".join(_first_errors(build.stderr, 1)),
                )
                result.refused[name] = "gcc refuses it: " + message.split(": error: ", 1)[-1]
            macros = [m for m in macros if m not in bad]
        else:
            result.refused.update(dict.fromkeys([*enumerators, *macros], "program: gcc kept refusing"))
            return result
        try:
            run = subprocess.run([str(folder / "values")], capture_output=True, text=True, timeout=60, check=False)
        except subprocess.TimeoutExpired:
            result.refused.update(dict.fromkeys([*enumerators, *macros], "program: timed out"))
            return result
        if run.returncode != 0 and macros:
            # A macro evaluated at run time trapped: the enumerators alone.
            inner = values(header, enumerators, [])
            inner.refused.update(dict.fromkeys(macros, f"program exited {run.returncode}"))
            return inner
        for line in run.stdout.splitlines():
            name, constant, negative, magnitude = line.split()
            if constant != "1":
                result.refused[name] = "not an integer constant for gcc"
                continue
            result.values[name] = -int(magnitude) if negative == "1" else int(magnitude)
    return result
