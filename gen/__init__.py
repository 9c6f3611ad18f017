"""gen: C header enums and #define groups to Python, JSON and TypeScript."""

__version__ = "0.1.0"
