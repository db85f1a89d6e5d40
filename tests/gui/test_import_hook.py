"""PySide6's per-import question (does this module use PySide6?) answered from the module's
file: the same answer as PySide6's own, for every module loaded."""

import sys
import types

from desk.gui import import_hook


def test_the_answer_is_pyside6s_own_for_every_loaded_module():
    import inspect

    def pyside_answer(module) -> bool:  # what shibokensupport.feature._mod_uses_pyside does
        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError, SyntaxError):
            return False

    import desk.gui.main_window  # noqa: F401 (a module that uses PySide6)
    import desk.model  # noqa: F401 (one that does not)

    modules = list(sys.modules.values())
    assert len(modules) > 100
    differ = [m.__name__ for m in modules if import_hook.uses_pyside(m) != pyside_answer(m)]
    assert differ == []
    assert import_hook.uses_pyside(sys.modules["desk.gui.main_window"])
    assert not import_hook.uses_pyside(sys.modules["desk.model"])


def test_modules_without_a_source_file_do_not_use_it(tmp_path):
    assert not import_hook.uses_pyside(sys)  # built in
    assert not import_hook.uses_pyside(types.ModuleType("made_up"))
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # its file removed since
    assert not import_hook.uses_pyside(gone)


def test_install_puts_it_in_the_hooks_place(monkeypatch, tmp_path):
    from shibokensupport import feature

    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)
    assert import_hook.install()
    assert feature._mod_uses_pyside is import_hook.uses_pyside
    (tmp_path / "desk_hook_with_qt.py").write_text("import PySide6.QtCore\n")
    (tmp_path / "desk_hook_without.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import desk_hook_with_qt  # noqa: F401 (imports after it: answered from the file)
    import desk_hook_without  # noqa: F401

    assert feature.pyside_feature_dict["desk_hook_with_qt"] == 0  # uses PySide6: no feature
    assert feature.pyside_feature_dict["desk_hook_without"] == -1  # ignored by the switching
