"""A throwaway PostgreSQL cluster for the test suite (tests/conftest.py's ``pg_server``).

``initdb`` into a temporary folder and ``pg_ctl`` start it, listening on a Unix socket in
that folder and on 127.0.0.1 at a free port; ``stop`` stops it and removes the folder.
PostgreSQL refuses to run as root: as root (CI on a fresh machine) both run as the
``postgres`` user through ``runuser``, as anyone else directly. The binaries come from
$DESK_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin (Debian's ``postgresql``, which
``sh packaging/syslibs.sh --test`` installs), else the PATH.

Local (socket) connections are trusted; TCP ones need the password (scram-sha-256), so a
test can try a wrong one.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "desk_admin"
PASSWORD = "desk-test-secret"


def bindir() -> Path:
    explicit = os.environ.get("DESK_PG_BINDIR")
    if explicit:
        return Path(explicit)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise RuntimeError("PostgreSQL's initdb was not found: install Debian's postgresql package "
                       "(sh packaging/syslibs.sh --test) or set DESK_PG_BINDIR")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    bindir: Path
    run_as: str | None  # the user the server runs as, when we are root

    @property
    def socket_dir(self) -> Path:
        return self.folder

    def url(self, dbname: str = "postgres") -> str:
        """Over the Unix socket, as the superuser (trusted: no password)."""
        return f"postgresql://{SUPERUSER}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, dbname: str = "postgres", password: str = PASSWORD) -> str:
        return f"postgresql://{SUPERUSER}:{password}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> None:
        data = self.folder / "data"
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self.run_as:
            user = pwd.getpwnam(self.run_as)
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            os.chown(pwfile, user.pw_uid, user.pw_gid)
        done = self._run("initdb", "-D", str(data), "-U", SUPERUSER, f"--pwfile={pwfile}",
                         "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                         "--locale=C.UTF-8", "--no-sync")
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
        self.start_again()

    def start_again(self) -> None:
        """Start the server of this folder (first, or after ``pause``) at the same port."""
        # Speed over durability: the cluster lives for one test run.
        options = (f"-k {self.socket_dir} -h 127.0.0.1 -p {self.port} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        data = self.folder / "data"
        done = self._run("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"),
                         "-o", options, "-w", "-t", "60", "start")
        if done.returncode:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} {tail}")

    def restart(self) -> None:
        """Restart the server (its options are kept): every open connection is cut."""
        # -l as at start: the new server must not write to (and hold open) our pipes
        done = self._run("pg_ctl", "-D", str(self.folder / "data"), "-l",
                         str(self.folder / "server.log"), "-m", "fast", "-w", "-t", "60",
                         "restart")
        if done.returncode:
            raise RuntimeError(f"pg_ctl restart failed: {done.stderr.strip()}")

    def pause(self) -> None:
        """Stop the server but keep its data (``start_again`` brings it back): every open
        connection is cut and new ones are refused meanwhile."""
        done = self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "-t",
                         "60", "stop")
        if done.returncode:
            raise RuntimeError(f"pg_ctl stop failed: {done.stderr.strip()}")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            if (self.folder / "data" / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                          "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """A running cluster; the caller stops it (``Cluster.stop``), even on failure."""
    run_as = None
    if os.geteuid() == 0:
        run_as = os.environ.get("DESK_PG_USER", "postgres")
        try:
            pwd.getpwnam(run_as)
        except KeyError:
            raise RuntimeError(f"running as root, the test cluster needs the user {run_as!r} "
                               "(Debian's postgresql package creates it)") from None
    folder = Path(tempfile.mkdtemp(prefix="desk-pg-"))
    cluster = Cluster(folder, free_port(), bindir(), run_as)
    atexit.register(cluster.stop)  # a run that ends without its fixture's teardown, too
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster
