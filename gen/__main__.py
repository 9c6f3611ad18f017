"""``python -m gen``: see :mod:`gen.cli`."""

import sys

from gen.cli import main

sys.exit(main())
