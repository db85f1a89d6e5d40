"""The bundle's program: the `desk` command, as `python -m desk` runs it (see desk.spec)."""

import sys

from desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
