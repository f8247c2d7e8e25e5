"""Documents in: plain text, Markdown with front matter, JSON lines and HTML, with metadata sidecars; and
the rows of event data files (ACLED's CSV export, GDELT's event table) as the records they hold.

Every problem with a file becomes an InputError naming the file (and the line where there is one);
readers yield it in place of the document so that the other documents still load.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loaders.shards import is_shard, read_shard
from loaders.tables import FORMATS, TABLE_SUFFIXES, Notice, sniff
from loaders.tokens import ARABIC
from loaders.validate import FieldCheck, first_line, load_json
from ontology.errors import InputError, InternalError
from ontology.records import DocumentRecord

if TYPE_CHECKING:
    from loaders.events import EventReader

MAX_BYTES = 64 * 1024 * 1024
MAX_META_BYTES = 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".html", ".htm")
# What `--format` may say a file is; auto: event data recognised by its first line, text otherwise.
INPUT_FORMATS = ("auto", "text", *FORMATS)
_SIDE_FILES = (".meta.json", ".gold.json")
_LANG_SUFFIX = re.compile(r"\.(ar|en)$")
# Byte order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class RawDocument:
    id: str
    text: str
    lang: str
    published: str | None
    title: str | None
    url: str | None
    path: str
    sha256: str
    warnings: tuple[str, ...] = field(default=())


def detect_lang(text: str) -> str:
    letters = [ch for ch in text[:4000] if ch.isalpha()]
    if not letters:
        return "en"
    arabic = sum(1 for ch in letters if ARABIC.match(ch))
    return "ar" if arabic / len(letters) > 0.3 else "en"


def _decode(path: Path, data: bytes) -> str:
    if not data or data.isspace():  # as `not data.strip()`, without a copy of a large file
        raise InputError(str(path), "empty file: nothing to read")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = "\x00"  # a byte order mark before what is no text in its encoding: binary
        if "\x00" not in text:
            if not text or text.isspace():
                raise InputError(str(path), "empty file: nothing to read")
            return text.replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file, not text: give .txt, .md, .jsonl or .html documents")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            str(path), f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}): re-save it as UTF-8",
            line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file too large ({size} bytes; the limit is {MAX_BYTES}): split it")
        return path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from None


def _strip_suffix(name: str) -> str:
    for suffix in TEXT_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _base_name(path: Path) -> str:
    return _LANG_SUFFIX.sub("", _strip_suffix(path.name))


def _default_id(path: Path) -> str:
    """The file's name without suffixes; with its language too when a sibling in another language
    would get the same id (story.ar.txt and story.en.txt: story.ar and story.en)."""
    stem = _strip_suffix(path.name)
    base = _LANG_SUFFIX.sub("", stem)
    if base == stem:
        return base
    try:
        siblings = [p for lang in ("ar", "en") for suffix in TEXT_SUFFIXES
                    if (p := path.with_name(f"{base}.{lang}{suffix}")) != path and p.is_file()]
    except OSError:
        siblings = []
    return stem if siblings else base


def _sidecar(path: Path) -> dict[str, Any]:
    base = _base_name(path)
    for candidate in (path.with_name(base + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if candidate.is_file():
            try:
                size = candidate.stat().st_size
                if size > MAX_META_BYTES:
                    raise InputError(str(candidate), f"metadata file too large ({size} bytes; the limit is "
                                                     f"{MAX_META_BYTES})")
                meta = load_json(candidate.read_text(encoding="utf-8"), str(candidate))
            except (OSError, UnicodeDecodeError) as err:
                raise InputError(str(candidate), f"cannot read metadata: {err}") from None
            if not isinstance(meta, dict):
                raise InputError(str(candidate), "metadata must be a JSON object")
            FieldCheck(str(candidate)).scalars(meta)
            return meta
    return {}


def _make(path: str, text: str, meta: dict[str, Any], default_id: str, line: int | None = None) -> RawDocument:
    """A document whose every field has been checked (loaders/validate.py)."""
    check = FieldCheck(path, line)
    check.scalars(meta)
    if not text or text.isspace():
        raise InputError(path, "document has no text", line)
    published = meta.get("published")
    if published is None or published == "":
        published = meta.get("date")
    return RawDocument(
        id=check.doc_id(meta.get("id"), default_id),
        text=check.text(text),
        lang=check.lang(meta.get("lang"), detect_lang(text)),
        published=check.published(published),
        title=check.title(meta.get("title"), first_line(text)),
        url=check.url(meta.get("url")),
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        warnings=tuple(check.warnings),
    )


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Simple `key: value` front matter between --- lines; the body keeps its own offsets."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    meta: dict[str, Any] = {}
    for line in text[4:end].split("\n"):
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip()] = value.strip().strip("\"'")
    body_start = text.find("\n", end + 4)
    return meta, text[body_start + 1 :] if body_start >= 0 else ""


class _HTMLText(HTMLParser):
    """Title, language, date meta tags and the text of block elements of an HTML page."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "tr"}
    SKIP = {"script", "style", "noscript", "nav", "footer", "header"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.meta["lang"] = values["lang"].split("-")[0]
        if tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key in ("article:published_time", "date", "pubdate"):
                self.meta["published"] = values.get("content", "")
            if key in ("og:url",):
                self.meta["url"] = values.get("content", "")
        if tag in self.SKIP:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _read_html(path: Path, text: str, meta: dict[str, Any]) -> RawDocument:
    parser = _HTMLText()
    parser.feed(text)
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    body = "\n".join(line for line in lines if line)
    title = " ".join(parser.title.split())
    if title and not body.startswith(title):
        body = title + "\n" + body
    merged = {**parser.meta, **({"title": title} if title else {}), **meta}
    return _make(str(path), body, merged, _default_id(path))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) one at a time, so a feed's lines are never all copied at once."""
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield number, text[start:end]
        start, number = end + 1, number + 1


def _read_jsonl(path: Path, text: str) -> Iterator[RawDocument | InputError]:
    default = _default_id(path)
    for number, line in _lines(text):
        if not line.strip():
            continue
        try:
            row = load_json(line, str(path), number)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise InputError(str(path), 'each line must be a JSON object with a "text" string', number)
            yield _make(str(path), row["text"], row, f"{default}-{number}", number)
        except InputError as err:
            yield err
        except Exception as exc:  # one bad line costs that line, not the feed
            yield InternalError.of(str(path), exc, number)


def read_file(path: Path) -> Iterator[RawDocument | InputError]:
    """The documents of one file, or the errors that stand in for them."""
    try:
        text = _decode(path, _read_bytes(path))
        if path.suffix == ".jsonl":
            yield from _read_jsonl(path, text)
            return
        meta = _sidecar(path)
        if path.suffix in (".html", ".htm"):
            yield _read_html(path, text, meta)
            return
        if path.suffix in (".md", ".markdown"):
            front, text = _front_matter(text)
            meta = {**front, **meta}
        yield _make(str(path), text, meta, _default_id(path))
    except InputError as err:
        yield err
    except Exception as exc:  # a bug in a reader: report it, skip the file, read the others
        yield InternalError.of(str(path), exc)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files named, and the readable files below directories named, in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not (child.name.endswith(TEXT_SUFFIXES) or child.name.lower().endswith(TABLE_SUFFIXES)) \
                        or child.name.endswith(_SIDE_FILES) or child.is_dir():
                    continue
                if child.is_file():
                    yield child
                elif not child.exists() and not child.is_symlink():
                    yield InputError(str(child), "no longer there: removed while the run was going on")
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


Item = RawDocument | DocumentRecord | InputError | Notice


def read_documents(paths: Iterable[Path], fmt: str = "auto",
                   events: EventReader | None = None) -> Iterator[Item]:
    """Every document under the paths; a second document with an id already read is refused, never
    left to replace the first. Rows of event data files come as their records (through `events`; without
    one, such a file is an error), with a Notice of the rows that made none."""
    first_path: dict[str, str] = {}
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            kind = fmt if fmt in FORMATS else None if fmt == "text" else sniff(item)
        except InputError as err:
            yield err
            continue
        if kind is not None or (fmt == "auto" and is_shard(item)):
            if events is None:
                what = f"{kind.upper()} event data" if kind else "a record shard"
                yield InputError(str(item), f"{what}: read it with ckg extract or ckg ingest")
                continue
            shard = kind is None
            for record in events.read(item, kind) if kind is not None else read_shard(item):
                if shard and isinstance(record, DocumentRecord):
                    if record.id in first_path:
                        yield InputError(str(item), f"document id {record.id!r} already read from "
                                                    f"{first_path[record.id]}")
                        continue
                    first_path[record.id] = record.path or str(item)
                yield record
            continue
        for doc in read_file(item):
            if isinstance(doc, RawDocument):
                if doc.id in first_path:
                    yield InputError(doc.path, f"document id {doc.id!r} already read from {first_path[doc.id]}: "
                                               "give one of them another id (an \"id\" in its .meta.json or line)")
                    continue
                first_path[doc.id] = doc.path
            yield doc
