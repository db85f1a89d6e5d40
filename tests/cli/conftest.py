import pytest

from desk.cli import main


@pytest.fixture
def run(db_path, capsys):
    """Run `desk --db DB ARGV...` in-process; returns (exit code, stdout, stderr)."""
    def _run(*argv):
        code = main(["--db", str(db_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return _run
