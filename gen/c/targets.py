"""Target triples gen knows, and the data model (integer sizes) of each."""

TARGETS = {
    "x86_64-w64-mingw32": "llp64",
    "i686-w64-mingw32": "ilp32",
    "x86_64-linux-gnu": "lp64",
}
DEFAULT_TARGET = "x86_64-w64-mingw32"
