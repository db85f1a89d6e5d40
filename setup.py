"""Packages: desk and its subpackages, plus the top-level resources/ and db/ folders,
which ship inside the wheel as desk._resources and desk._db (metadata is in pyproject.toml)."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["desk", "desk.*"]) + ["desk._resources", "desk._db"],
    package_dir={"desk._resources": "resources", "desk._db": "db"},
)
