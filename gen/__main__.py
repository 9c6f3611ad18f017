"""``python -m gen`` and the ``gen`` command (see :mod:`gen.run.cli`).

A rerun whose stamp is still valid is answered by :mod:`gen.run.quick` before
the command line and its imports load."""

import sys


def main() -> int:
    from gen.run import quick

    try:
        code = quick.replay(sys.argv[1:])
    except Exception:  # replay guards itself; this is the last line of defence
        code = None
    if code is not None:
        return code
    from gen.run.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
