"""resources/ and db/ must reach an installed wheel as well as the editable install.

The wheel is built and installed without a package index: its build requirements
(setuptools, wheel) come with the test extras, so `make test` runs offline."""

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from desk.paths import migrations_dir, resource_path

ROOT = Path(__file__).resolve().parents[1]


def test_editable_install_finds_resources_and_migrations():
    assert resource_path("welcome.md").is_file()
    assert (migrations_dir() / "0001_initial.sql").is_file()


@pytest.mark.subprocess
def test_wheel_carries_resources_and_migrations(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "--no-index", "-q", "-w", str(tmp_path), str(ROOT)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    (wheel,) = tmp_path.glob("desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "desk/_resources/welcome.md" in names
    assert "desk/_resources/style.qss" in names
    assert "desk/_db/0001_initial.sql" in names
    assert any(n.startswith("desk/_resources/words/") for n in names)
    assert any(n.startswith("desk/_resources/icons/") for n in names)
    assert "desk/cli/__init__.py" in names
    assert not any(n.startswith(("tests/", "resources/", "db/")) for n in names)

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    r = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    probe = ("from desk.paths import resource_path, migrations_dir\n"
             "print(resource_path('welcome.md').read_text(encoding='utf-8')[:3])\n"
             "print(sorted(p.name for p in migrations_dir().glob('*.sql'))[0])\n")
    r = subprocess.run([str(py), "-c", probe], capture_output=True, text=True, timeout=120,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["---", "0001_initial.sql"]
