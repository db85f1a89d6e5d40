"""LICENSE, CHANGELOG.md and CONTRIBUTING.md: the licence pyproject declares, carried by the
wheel and the sdist; the changelog's version; the make targets CONTRIBUTING tells you to run."""

import re
import shutil
import subprocess
import sys
import tarfile

import pytest

from desk import __version__
from tests.packaging.files import ROOT

MIT_CLAUSES = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy",
    "The above copyright notice and this permission notice shall be included in all",
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR',
)


def test_license_is_the_mit_text_pyproject_declares():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 The desk developers\n")
    for clause in MIT_CLAUSES:
        assert clause in text
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^license = "MIT"$', pyproject, re.M)
    assert re.search(r'^license-files = \["LICENSE"\]', pyproject, re.M)


@pytest.mark.subprocess
def test_the_wheel_metadata_and_the_sdist_carry_the_license(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "__pycache__", "build",
                                                             "dist", ".pytest_cache", ".hypothesis", "tests"))
    out = tmp_path / "out"
    out.mkdir()
    built = []
    for hook in ("prepare_metadata_for_build_wheel", "build_sdist"):  # one process each: setuptools keeps state
        code = f"import sys, setuptools.build_meta as b; print('BUILT', b.{hook}(sys.argv[1]))"
        r = subprocess.run([sys.executable, "-c", code, str(out)], cwd=src, capture_output=True, text=True,
                           timeout=600)
        assert r.returncode == 0, r.stderr[-2000:]
        built += [line.split()[1] for line in r.stdout.splitlines() if line.startswith("BUILT ")]
    dist_info, sdist = built
    metadata = (out / dist_info / "METADATA").read_text(encoding="utf-8")
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert (out / dist_info / "licenses" / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    with tarfile.open(out / sdist) as tar:
        assert f"desk-{__version__}/LICENSE" in tar.getnames()


def test_changelog_has_the_current_version_in_keep_a_changelog_form():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    versions = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert versions and versions[0] == __version__
    assert "### Added" in text


def test_every_make_target_contributing_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w.-]*):", makefile, re.M))
    named = set(re.findall(r"`make ([a-z][\w-]*)", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")))
    assert {"test", "lint", "typecheck", "bench", "man"} <= named
    assert named <= targets, named - targets
