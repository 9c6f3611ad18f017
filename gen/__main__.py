"""``python -m gen`` and the ``gen`` command (see :mod:`gen.cli`).

A rerun whose stamp is still valid is answered by :mod:`gen.quick` before
the command line and its imports load."""

import sys


def main() -> int:
    from gen import quick

    code = quick.replay(sys.argv[1:])
    if code is not None:
        return code
    from gen.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
