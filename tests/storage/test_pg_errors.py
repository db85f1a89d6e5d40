"""PostgreSQL's errors in desk's words (desk.storage.pg_errors), without a server."""

import psycopg
from psycopg import errors as pg_errors

from desk.storage.errors import ConnectionLost, LibraryLocked, LibraryReadOnly, QueryInterrupted
from desk.storage.pg_errors import connect_error, lost, redacted, translate


def test_redacted_hides_the_password_and_keeps_the_rest():
    assert redacted("postgresql://ana:s3cret@db.example.org:5433/newsroom") == \
        "postgresql://ana:***@db.example.org:5433/newsroom"
    assert redacted("postgresql://ana@db.example.org/newsroom") == \
        "postgresql://ana@db.example.org/newsroom"


def test_a_refused_password_names_the_user_not_the_password():
    error = connect_error(psycopg.OperationalError(
        'FATAL: password authentication failed for user "ana"'),
        "postgresql://ana:s3cret@db.example.org/newsroom")
    line = str(error)
    assert "refused the password" in line and "ana" in line and "s3cret" not in line


def test_a_missing_database_says_how_to_create_it():
    line = str(connect_error(psycopg.OperationalError('FATAL: database "newsroom" does not exist'),
                             "postgresql://ana@db.example.org/newsroom"))
    assert "no database 'newsroom'" in line and "createdb newsroom" in line


def test_sqlstates_are_desks_kinds():
    assert isinstance(translate(pg_errors.LockNotAvailable("lock timeout"), "team"), LibraryLocked)
    assert isinstance(translate(pg_errors.ReadOnlySqlTransaction("read-only"), "team"),
                      LibraryReadOnly)
    assert isinstance(translate(pg_errors.QueryCanceled("canceling statement"), "team"),
                      QueryInterrupted)


def test_a_closed_connection_says_to_reopen_once_the_server_is_back():
    error = lost(psycopg.OperationalError("server closed the connection\nunexpectedly"), "team")
    assert isinstance(error, ConnectionLost) and "\n" not in str(error)
    assert "reopen the library once the server is back" in str(error)


def test_redacted_hides_a_password_given_as_an_option():
    assert redacted("postgresql://ana@db.example.org/newsroom?password=s3cret&sslmode=require") \
        == "postgresql://ana@db.example.org/newsroom?password=***&sslmode=require"


def test_a_login_without_grants_is_told_who_can_grant_them():
    error = translate(pg_errors.InsufficientPrivilege("permission denied for table articles"),
                      "team")
    assert isinstance(error, LibraryReadOnly)
    assert "may not write there" in str(error) and "owner grants it" in str(error)
    assert "read-only here" in str(translate(pg_errors.ReadOnlySqlTransaction("read-only"),
                                             "team"))
