"""novelWriter, the peer of the GUI stall benchmark (tests/bench/bench_gui_stalls.py).

novelWriter is a PyQt6 program, so it cannot share desk's PySide6 process: the bench keeps
it in its own venv (/tmp/nw-venv, made with ``pip install novelwriter`` the first time; if
that fails the bench says "novelWriter: not installed" and goes on) and runs this file there:

    /tmp/nw-venv/bin/python tests/bench/stall_peers.py TEXTS --sizes 1000,10000 --keys 200 --open-words 10000

(TEXTS: a folder with article-N.txt for every size, written by desk's side from
bench_gui_checks.article_text, so both read the very same text.)

It starts novelWriter's full main window (GuiMain) offscreen as its main() does, minus the
splash screen, on a blank project holding one document per size with the same article text,
turns its spell checking on (en_US through pyenchant, when libenchant is on the machine),
and measures with the same probe and typist (tests/bench/stall_probe.py):
- ``typing``: keys typed at the end of each document, in its editor (GuiDocEditor);
- ``open``: ``openDocument`` until the spell-check pass over the whole document is done
  (``time_ms``), and until the visible part is checked and painted (``visible_ms``).
It prints the rows as JSON on its last line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
NW_VENV = Path(tempfile.gettempdir()) / "nw-venv"


# -- desk's side: the venv and the subprocess --------------------------------------------
def novelwriter_python(venv: Path = NW_VENV) -> Path | None:
    """The venv's python with novelWriter importable, installing it the first time."""
    python = venv / "bin" / "python"
    check = [str(python), "-c", "import novelwriter, PyQt6.QtWidgets"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    try:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True,
                       capture_output=True, timeout=300)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "novelwriter"], check=True,
                       capture_output=True, timeout=900)
    except (OSError, subprocess.SubprocessError):
        return None
    return python if subprocess.run(check, capture_output=True).returncode == 0 else None


def novelwriter_rows(sizes: list[int], keys: int, open_words: int, timeout_s: float = 240) -> list[dict]:
    python = novelwriter_python()
    if python is None:
        print("novelWriter: not installed", flush=True)
        return []
    from tests.bench.bench_gui_checks import article_text

    texts = Path(tempfile.mkdtemp(prefix="nw-texts-"))
    for words in set(sizes) | {open_words}:
        (texts / f"article-{words}.txt").write_text(article_text(words), encoding="utf-8")
    cmd = [str(python), str(Path(__file__).resolve()), str(texts), "--sizes", ",".join(map(str, sizes)),
           "--keys", str(keys), "--open-words", str(open_words)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        print("novelWriter: did not finish in time", flush=True)
        return []
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        print(f"novelWriter: the run failed ({proc.returncode}): {proc.stderr.strip()[-400:]}", flush=True)
        return []
    for line in lines[:-1]:
        print(f"  {line}", flush=True)
    return json.loads(lines[-1])


# -- novelWriter's side ------------------------------------------------------------------
def _start_novelwriter(home: Path):
    """GuiMain as novelwriter.main() makes it, without the splash; a blank project open."""
    from novelwriter import CONFIG, SHARED
    from novelwriter.core.coretools import ProjectBuilder
    from novelwriter.gui.theme import GuiTheme
    from novelwriter.guimain import GuiMain
    from PyQt6.QtWidgets import QApplication

    CONFIG.initConfig(home / "config", home / "data")
    app = QApplication([CONFIG.appName])
    app.setStyle("Fusion")
    CONFIG.loadConfig(None)
    CONFIG.spellLanguage = "en_US"  # the Debian hunspell dictionary's name; "en" finds none
    for modal in ("info", "warn", "error"):  # no modal box may wait for a click offscreen
        setattr(SHARED, modal, lambda *a, **k: print(f"novelWriter said: {a[:1]}", file=sys.stderr))
    SHARED.question = lambda *a, **k: True
    CONFIG.initLocalisation(app)
    SHARED.initTheme(GuiTheme())
    gui = GuiMain()
    gui.resize(1440, 900)
    gui.showNormal()
    CONFIG.finishStartup()
    app.processEvents()
    project = home / "project"
    if not ProjectBuilder().buildProject({"name": "Bench", "path": project, "blank": True}):
        raise SystemExit("novelWriter could not build a project")
    if not gui.openProject(project):
        raise SystemExit("novelWriter could not open its project")
    return app, gui


def _spell_pass_done(editor) -> bool:
    return (getattr(editor, "_checkJob", None) is None and getattr(editor, "_checkPassPos", None) is None
            and not getattr(editor, "_dirtyBlocks", None))


def _novelwriter_main(texts: Path, sizes: list[int], keys: int, open_words: int) -> list[dict]:
    from novelwriter import CONFIG, SHARED
    from novelwriter.enum import nwItemClass

    from tests.bench.stall_probe import LatencyProbe, idle, measure_typing, move_to_end, summary, wait_until

    home = Path(tempfile.mkdtemp(prefix="nw-bench-"))
    app, gui = _start_novelwriter(home)
    project = SHARED.project
    root = next(h for h, item in ((i.itemHandle, i) for i in project.tree) if item.isRootType()
                and item.itemClass == nwItemClass.NOVEL)
    handles = {}
    for words in sorted(set(sizes) | {open_words, 1}):
        handle = project.newFile(f"Article {words}", root)
        text = "Short." if words == 1 else (texts / f"article-{words}.txt").read_text(encoding="utf-8")
        project.storage.getDocument(handle).writeDocument(text)
        handles[words] = handle
    editor = gui.docEditor
    editor.toggleSpellCheck(True)
    spelling = bool(project.data.spellCheck) and CONFIG.hasEnchant
    note = (f"full window (GuiMain), spell check on ({SHARED.spelling.spellLanguage})" if spelling
            else "full window (GuiMain), spell check OFF (pyenchant or an en_US dictionary missing)")
    print(f"novelWriter: {note}", flush=True)
    rows = []

    def open_doc(words: int) -> None:
        gui.openDocument(handles[words])
        wait_until(lambda: _spell_pass_done(editor), 300)
        idle(50)

    open_doc(1)
    for words in sizes:
        open_doc(words)
        editor.setFocus()
        move_to_end(editor)
        figures = measure_typing(editor, keys)
        rows.append({"scenario": "typing", "who": "novelWriter", "words": words, **figures, "note": note})
        wait_until(lambda: _spell_pass_done(editor), 300)
        gui.saveDocument()
    times, visible, lateness = [], [], []
    for n in range(4):
        open_doc(1)
        probe = LatencyProbe()
        probe.start()
        t0 = time.perf_counter()
        gui.openDocument(handles[open_words])
        editor.viewport().repaint()
        app.processEvents()
        t1 = time.perf_counter()
        wait_until(lambda: _spell_pass_done(editor), 300)
        app.processEvents()
        t2 = time.perf_counter()
        samples = probe.stop()
        if n:
            visible.append(t1 - t0)
            times.append(t2 - t0)
            lateness += samples
    rows.append({"scenario": "open", "who": "novelWriter", "words": open_words, **summary(lateness, []),
                 "time_ms": statistics.median(times) * 1000, "visible_ms": statistics.median(visible) * 1000,
                 "note": note})
    gui.closeProject(isYes=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description="novelWriter under the stall probe (run in its venv)")
    ap.add_argument("texts", type=Path)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--open-words", type=int, default=10_000)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    rows = _novelwriter_main(args.texts, [int(s) for s in args.sizes.split(",")], args.keys, args.open_words)
    sys.stdout.flush()
    print(json.dumps(rows), flush=True)
    os._exit(0)  # novelWriter's thread pool and atexit hooks are not what is measured


if __name__ == "__main__":
    main()
