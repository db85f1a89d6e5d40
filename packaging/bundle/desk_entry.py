"""The bundle's program: the `desk` command, as `python -m desk` runs it (see desk.spec)."""

import sys

if __name__ == "__main__":
    import multiprocessing

    # the window's check process (desk.gui.check_process) is this program started again
    # with multiprocessing's arguments: serve it instead of running desk
    multiprocessing.freeze_support()
    from desk.cli import main

    sys.exit(main())
