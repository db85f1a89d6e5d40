"""File > Open Team Library…: the PostgreSQL server a team's library is on.

Either the server's fields (host, port, database, user) or one ``postgresql://`` URL. A
password typed here is used for this session only (``SESSION_PASSWORDS``): desk never
writes one to its settings — libpq finds it in ~/.pgpass or $PGPASSWORD, or the dialog asks.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit, urlunsplit

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from desk.paths import is_database_url, url_without_password

DEFAULT_PORT = 5432

# A password given in the dialog, by the URL without it, until desk quits.
SESSION_PASSWORDS: dict[str, str] = {}
# The library last asked for (without its password): the next dialog starts from it, so a
# refused attempt (a mistyped database) is corrected, not typed again.
LAST_ASKED: list[str] = []


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` in its user part (for connecting only, never kept)."""
    if not password:
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    user, _, host = netloc.rpartition("@")
    if not user:
        user = parse_qs(parts.query).get("user", [""])[0]
        host = netloc
    user = user.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


def session_url(url: str) -> str:
    """The URL to connect with: the one kept, plus this session's password for it."""
    kept = url_without_password(url)
    return with_password(kept, SESSION_PASSWORDS.get(kept, ""))


class TeamLibraryDialog(QDialog):
    def __init__(self, parent=None, last_url: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Open Team Library")
        self.setObjectName("team-library-dialog")
        layout = QVBoxLayout(self)
        intro = QLabel("A library on a PostgreSQL server, shared by the team. Each editor's "
                       "window shows what the others change.")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        # -- the server's fields
        form = QFormLayout()
        self.host = QLineEdit(placeholderText="db.newsroom.example (empty: this computer)")
        self.port = QSpinBox(minimum=1, maximum=65535, value=DEFAULT_PORT)
        self.database = QLineEdit(placeholderText="newsroom")
        self.user = QLineEdit(placeholderText="your PostgreSQL user")
        self.password = QLineEdit(echoMode=QLineEdit.Password,
                                  placeholderText="empty: ~/.pgpass or PGPASSWORD")
        for label, field, name in (("&Server:", self.host, "Server"),
                                   ("&Port:", self.port, "Port"),
                                   ("&Database:", self.database, "Database"),
                                   ("&User:", self.user, "User"),
                                   ("Pass&word:", self.password, "Password")):
            field.setAccessibleName(name)
            form.addRow(label, field)
        note = QLabel("The password is used for this session only; desk never stores it.")
        note.setWordWrap(True)
        form.addRow("", note)

        # -- or one URL
        self.url = QLineEdit(placeholderText="postgresql://user@host:5432/dbname")
        self.url.setAccessibleName("URL")
        form.addRow("or &URL:", self.url)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("team-dialog-problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)

        buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fill(last_url)
        self.resize(480, self.sizeHint().height())

    def fill(self, url: str) -> None:
        """The fields of a URL desk kept (the last team library)."""
        if not is_database_url(url):
            return
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        self.host.setText(parts.hostname or query.get("host", [""])[0])
        self.port.setValue(parts.port or int(query.get("port", [DEFAULT_PORT])[0]))
        self.database.setText(parts.path.lstrip("/"))
        self.user.setText(parts.username or "")

    def kept_url(self) -> str:
        """The library's URL as settings keep it: without a password."""
        given = self.url.text().strip()
        if given:
            return url_without_password(given)
        user = quote(self.user.text().strip(), safe="")
        host = self.host.text().strip()
        netloc = f"{user}@" if user else ""
        query = ""
        if host.startswith("/"):  # a Unix socket's folder
            query = f"?host={quote(host, safe='/')}&port={self.port.value()}"
        else:
            netloc += host
            if host and self.port.value() != DEFAULT_PORT:
                netloc += f":{self.port.value()}"
            elif not host and self.port.value() != DEFAULT_PORT:
                query = f"?port={self.port.value()}"
        return f"postgresql://{netloc}/{quote(self.database.text().strip(), safe='')}{query}"

    def connect_url(self) -> str:
        """The URL to connect with: the password typed here (or in the URL) included."""
        given = self.url.text().strip()
        password = self.password.text()
        if given and not password:
            password = urlsplit(given).password or ""
        return with_password(self.kept_url(), password)

    def refusal(self) -> str:
        """Why the fields name no library ("" when they do)."""
        given = self.url.text().strip()
        if given:
            if not is_database_url(given):
                return "A team library's URL starts with postgresql://"
            return ""
        if not self.database.text().strip():
            return "Which database? Fill in Database (or a postgresql:// URL)."
        return ""

    def say(self, why: str) -> None:
        """Why the library could not be opened (or named), under the fields."""
        self.problem.setText(why)
        self.problem.show()

    def accept(self) -> None:
        why = self.refusal()
        if why:
            self.say(why)
            return
        password = self.password.text() or (urlsplit(self.url.text().strip()).password or "")
        if password:
            SESSION_PASSWORDS[self.kept_url()] = password
        LAST_ASKED[:] = [self.kept_url()]
        super().accept()


def ask_password(parent, url: str, why: str) -> str | None:
    """The same dialog on the library at ``url`` whose server wants a password (``why``: the
    server's refusal, in its one line), the password field focused: the URL to connect with,
    or None if cancelled. Fields left as they were keep ``url`` whole (its other parameters,
    e.g. sslmode, which the fields do not show)."""
    kept = url_without_password(url)
    dlg = TeamLibraryDialog(parent, kept)
    dlg.setWindowTitle("Password for the Team Library")
    dlg.say(why)
    dlg.password.setFocus()
    as_given = dlg.kept_url()
    if dlg.exec() != QDialog.Accepted:
        return None
    if dlg.url.text().strip() or dlg.kept_url() != as_given:  # another library named
        return dlg.connect_url()
    password = dlg.password.text()
    if password:
        SESSION_PASSWORDS[kept] = password
    LAST_ASKED[:] = [kept]
    return with_password(kept, password)


def ask_team_library(parent, last_url: str = "") -> str | None:
    """The URL to connect to (password included for this session), or None if cancelled."""
    dlg = TeamLibraryDialog(parent, LAST_ASKED[0] if LAST_ASKED else last_url)
    if dlg.exec() != QDialog.Accepted:
        return None
    return dlg.connect_url()
