import gc
import sys

# No cycle collection while desk starts (the window's imports and build make some 60 of
# them); desk.cli.main turns it back on for any command but the window, which keeps it off
# until its first paint (desk.app.start_window, desk.gui.gui_gc).
gc.disable()

from desk.cli import main  # noqa: E402

sys.exit(main())
