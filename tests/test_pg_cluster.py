"""The throwaway PostgreSQL cluster the storage tests run on (tests/pg_cluster.py)."""

import os
import pwd

import psycopg
import pytest

from tests.pg_cluster import PASSWORD


def test_the_cluster_answers_on_its_socket_and_on_tcp(pg_server):
    with psycopg.connect(pg_server.url()) as conn:
        assert conn.execute("SELECT current_setting('port')").fetchone()[0] == str(pg_server.port)
    assert (pg_server.socket_dir / f".s.PGSQL.{pg_server.port}").exists()
    with psycopg.connect(pg_server.tcp_url(password=PASSWORD)) as conn:
        assert conn.execute("SELECT 1").fetchone()[0] == 1


def test_tcp_needs_the_password(pg_server):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_server.tcp_url(password="not-it"))


def test_the_server_never_runs_as_root(pg_server):
    pid = int((pg_server.folder / "data" / "postmaster.pid").read_text().split()[0])
    owner = pwd.getpwuid(os.stat(f"/proc/{pid}").st_uid).pw_name
    assert owner != "root"
    assert owner == (pg_server.run_as or pwd.getpwuid(os.geteuid()).pw_name)


def test_each_test_gets_an_empty_database_of_its_own(pg_url):
    with psycopg.connect(pg_url) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables "
                              "WHERE table_schema = 'public'").fetchone()[0]
        conn.execute("CREATE TABLE t (x int)")
    assert tables == 0
