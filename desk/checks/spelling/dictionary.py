"""The word lists: pyspellchecker's English frequency list plus our supplements.

Everything is lower-case.  One :class:`Lexicon` holds the union of all words with a
frequency each (used for ranking suggestions) and answers, per language variant,
which words are known and which are the other variant's spelling.

Language variants (documented choice):

* ``en-US`` (default): pyspellchecker's list, our news list and SCOWL's words.
  British-only spellings with a known American pair (colour, criticised, programme,
  centre) are *not* known; they are flagged with the American form suggested first.
* ``en-GB``: the same lists with SCOWL's British words instead of its American ones.
  American-only spellings with a British pair (color, criticized, center) are flagged
  with the British form first.  -ise is the house style (most British newsrooms), so
  -ize forms are flagged too.  Forms SCOWL accepts in British English stay accepted
  (program for software, license as a verb, judgment, practice).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
from pathlib import Path

from desk.languages import language as table_entry

from . import compiled

LANGUAGES = ("en-US", "en-GB")  # the word lists; desk.languages maps every language to one

#: Frequency given to supplementary words (pyspellchecker's floor is 50).
CURATED_FREQ = 2000
SCOWL_FREQ = 50


def normalise_language(language: str | None) -> str:
    """The word list a language is checked with, from desk.languages: 'en_gb', 'EN-gb',
    'en-AU' -> 'en-GB'; a code the table does not list -> 'en-US'."""
    return table_entry(language).spelling


def base_list_path() -> Path:
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:  # pragma: no cover - dependency missing
        raise RuntimeError("pyspellchecker is not installed")
    return Path(spec.origin).parent / "resources" / "en.json.gz"


def words_dir() -> Path:
    try:
        from desk.paths import resource_path

        p = resource_path("words")
        if p.is_dir():
            return p
    except Exception:  # pragma: no cover - fall back to the source checkout
        pass
    return Path(__file__).resolve().parents[3] / "resources" / "words"


def _read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.lower())
    return out


WORD_FILES = ("news-curated.txt", "scowl-common.txt", "scowl-en-US.txt", "scowl-en-GB.txt",
              "variants-en.tsv")


def read_inputs(folder: Path, base_path: Path) -> tuple[str, bytes, dict[str, str]]:
    """(the inputs' sha256, pyspellchecker's gzipped list, {our file name: its text})."""
    raw = base_path.read_bytes()
    digest = hashlib.sha256(raw)
    files = {}
    for name in WORD_FILES:
        p = folder / name
        data = p.read_bytes() if p.exists() else b""
        digest.update(name.encode() + b"\0" + data + b"\0")
        files[name] = data.decode("utf-8")
    return digest.hexdigest(), raw, files


def parse_inputs(raw: bytes, files: dict[str, str]
                 ) -> tuple[dict[str, int], dict[str, str], dict[str, str], list[set[str]]]:
    """(frequencies, en-US -> en-GB, en-GB -> en-US, the words each of LANGUAGES does not
    know) from the lists as read_inputs reads them."""
    freq: dict[str, int] = json.loads(gzip.decompress(raw))

    def lines(name: str) -> list[str]:
        return [w.strip().lower() for w in files[name].split("\n")
                if w.strip() and not w.startswith("#")]

    for w in lines("news-curated.txt"):
        freq[w] = max(freq.get(w, 0), CURATED_FREQ)
    for name in ("scowl-common.txt", "scowl-en-US.txt", "scowl-en-GB.txt"):
        for w in lines(name):
            freq.setdefault(w, SCOWL_FREQ)
    us_only = set(lines("scowl-en-US.txt"))
    gb_only = set(lines("scowl-en-GB.txt"))

    to_gb: dict[str, str] = {}
    to_us: dict[str, str] = {}
    wrong_in_gb: set[str] = set()
    wrong_in_us: set[str] = set()
    for line in lines("variants-en.tsv"):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        us, gb = parts[0], parts[1]
        flags = parts[2].upper() if len(parts) > 2 else "UG"
        to_gb.setdefault(us, gb)
        to_us.setdefault(gb, us)
        if "U" in flags:
            wrong_in_gb.add(us)
        if "G" in flags:
            wrong_in_us.add(gb)
        # a variant is as common as its pair, for ranking
        freq[us] = freq[gb] = max(freq.get(us, 0), freq.get(gb, 0), SCOWL_FREQ)
    excluded = {"en-US": gb_only | wrong_in_us, "en-GB": (us_only | wrong_in_gb) - gb_only}
    return freq, to_gb, to_us, [excluded[lang] for lang in LANGUAGES]


class Lexicon:
    """All words with frequencies, and the per-language views.

    The word lists are compiled once into a compact file in the cache folder (keyed by
    the inputs' hash, see :mod:`.compiled`) and memory-mapped from there: a process
    start reads no JSON and builds no dict of 166,000 words.  Look-ups go through an
    open-addressing hash table in that file.
    """

    def __init__(self, words_folder: Path | None = None, base_path: Path | None = None, *,
                 cache_dir: Path | None = None, prebuilt_dir: Path | None = None):
        folder = words_folder or words_dir()
        key, raw, files = read_inputs(folder, base_path or base_list_path())
        self.key = key
        found = None
        for where in (prebuilt_dir, cache_dir):
            found = compiled.load(where, key)
            if found is not None:
                break
        #: True when this process compiled the word lists (no cached copy was found)
        self.compiled = found is None
        if found is None:
            image = compiled.compile_image(*parse_inputs(raw, files))
            compiled.save(cache_dir, key, image)
            found = compiled.CompiledLexicon(image)
        self._c = found
        self.freq = found.freq
        self.words = found.words
        self._known = {lang: found.known(i) for i, lang in enumerate(LANGUAGES)}

    def known(self, language: str) -> compiled.KnownWords:
        """The words known in ``language``: a read-only set (``in``)."""
        return self._known[normalise_language(language)]

    def excluded(self, language: str) -> set[str]:
        return self._c.excluded(LANGUAGES.index(normalise_language(language)))

    @property
    def to_gb(self) -> dict[str, str]:
        """en-US form -> en-GB form."""
        return self._c.variants()[0]

    @property
    def to_us(self) -> dict[str, str]:
        return self._c.variants()[1]

    def other_variant(self, word: str, language: str) -> str | None:
        """The right-variant spelling of a lower-case word wrong in ``language``."""
        lang = normalise_language(language)
        if word in self._known[lang] or word not in self.freq:
            return None
        return (self.to_gb if lang == "en-GB" else self.to_us).get(word)
