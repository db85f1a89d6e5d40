"""Reference cycles are collected on the GUI thread only: a worker that makes garbage never
runs the collector (which would free Qt objects off their thread); the GUI thread's timer
collects it."""

import gc
import threading
import weakref

from desk.gui import gui_gc
from desk.gui.gui_gc import GuiThreadCollector


class Node:
    pass


def test_a_worker_making_cycles_never_collects_and_the_gui_thread_does(qtbot, qapp):
    collector = gui_gc.install(qapp)
    assert isinstance(collector, GuiThreadCollector) and not gc.isenabled()
    threads = []

    def note(phase, _info):
        if phase == "start":
            threads.append(threading.current_thread() is threading.main_thread())

    refs = []

    def make_garbage():
        for _ in range(20_000):  # far past generation 0's threshold: CPython would collect here
            node = Node()
            node.me = node
            refs.append(weakref.ref(node))
            del node

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert threads == []  # the worker never collected
        assert any(r() is not None for r in refs)  # its cycles are still there
        before = collector.collections
        qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=10_000)
    finally:
        gc.callbacks.remove(note)
    assert threads and all(threads)  # collected, and only on the GUI thread
    assert collector.collections > before


def test_one_collector_per_application(qapp):
    assert gui_gc.install(qapp) is gui_gc.install(qapp)
    assert len(qapp.findChildren(GuiThreadCollector)) == 1


def test_stopping_hands_collecting_back(qapp):
    was = gc.isenabled()
    gc.enable()
    try:
        c = GuiThreadCollector()
        assert not gc.isenabled()
        c.stop()
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


def test_the_window_application_collects_on_its_gui_thread(qapp):
    from desk.app import _application

    app = _application()
    assert app is qapp and app.findChild(GuiThreadCollector) is not None
    assert not gc.isenabled()


def test_a_full_collection_waits_until_a_quarter_more_objects_are_old(qapp, monkeypatch):
    monkeypatch.setattr(gui_gc, "_last_typed", -1e9)  # nobody typing (an earlier test did)
    c = GuiThreadCollector()
    c.stop()  # checked by hand here
    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)  # each counts towards the oldest generation's threshold
    assert gc.get_count()[2] > gc.get_threshold()[2]
    generations = []

    def note(phase, info):
        if phase == "start":
            generations.append(info["generation"])

    gc.callbacks.append(note)
    try:
        c._long_lived, c._pending = 1_000_000, 1_000
        c.check()
        assert 2 not in generations  # few objects became old since the last full one
        c._pending = 400_000
        c.check()
        assert generations[-1] == 2 and c._pending == 0
        assert c._long_lived == len(gc.get_objects(2))
    finally:
        gc.callbacks.remove(note)


def _older_generation_due() -> None:
    for _ in range(gc.get_threshold()[1] + 1):
        gc.collect(0)  # each young collection counts towards the next generation's threshold
    assert gc.get_count()[1] > gc.get_threshold()[1]


def test_while_typing_only_the_young_generation_is_collected_until_a_pause(qapp, monkeypatch):
    import time

    c = GuiThreadCollector()
    c.stop()  # checked by hand here
    _older_generation_due()
    gui_gc.typing()
    c.check()
    assert c.deferred == 1 and gc.get_count()[1] > gc.get_threshold()[1]  # still waiting
    monkeypatch.setattr(gui_gc, "_last_typed", time.monotonic() - gui_gc.QUIET_MS / 1000 - 0.1)
    c.check()  # a pause: its turn
    assert gc.get_count()[1] <= gc.get_threshold()[1]


def test_typing_without_a_pause_puts_the_older_generations_off_only_so_long(qapp):
    import time

    c = GuiThreadCollector()
    c.stop()
    _older_generation_due()
    gui_gc.typing()
    c.check()
    assert c.deferred == 1
    c._deferred_since = time.monotonic() - gui_gc.MAX_DEFER_MS / 1000 - 0.1  # typed that long
    gui_gc.typing()
    c.check()
    assert c.deferred == 1 and gc.get_count()[1] <= gc.get_threshold()[1]
