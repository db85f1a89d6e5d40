"""Packages: desk and its subpackages, plus the top-level resources/ and db/ folders,
which ship inside the wheel as desk._resources and desk._db (metadata is in pyproject.toml)."""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent


def data_packages(folder: str, package: str) -> dict[str, list[str]]:
    """Every folder under `folder` as a package of data files (no __init__ needed)."""
    found = {}
    for d in [HERE / folder, *sorted(p for p in (HERE / folder).rglob("*") if p.is_dir())]:
        if d.name == "__pycache__":
            continue
        rel = d.relative_to(HERE / folder)
        name = ".".join([package, *rel.parts])
        found[name] = [p.name for p in d.iterdir() if p.is_file() and p.suffix != ".pyc"]
    return found


DATA = {**data_packages("resources", "desk._resources"), **data_packages("db", "desk._db")}

setup(
    packages=find_packages(include=["desk", "desk.*"]) + sorted(DATA),
    package_dir={"desk._resources": "resources", "desk._db": "db"},
    package_data=DATA,
)
