"""Documents in: plain text, Markdown with front matter, JSON lines and HTML, with metadata sidecars.

Every problem with a file becomes an InputError naming the file (and the line where there is one);
readers yield it in place of the document so that the other documents still load.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from loaders.tokens import ARABIC
from ontology.errors import InputError

MAX_BYTES = 64 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".html", ".htm")
_SIDE_FILES = (".meta.json", ".gold.json")
_LANG_SUFFIX = re.compile(r"\.(ar|en)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


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


def detect_lang(text: str) -> str:
    letters = [ch for ch in text[:4000] if ch.isalpha()]
    if not letters:
        return "en"
    arabic = sum(1 for ch in letters if ARABIC.match(ch))
    return "ar" if arabic / len(letters) > 0.3 else "en"


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(str(path), "empty file: nothing to read")
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


def _base_name(path: Path) -> str:
    name = path.name
    for suffix in TEXT_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return _LANG_SUFFIX.sub("", name)


def _sidecar(path: Path) -> dict[str, Any]:
    base = _base_name(path)
    for candidate in (path.with_name(base + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if candidate.is_file():
            try:
                meta = json.loads(candidate.read_text(encoding="utf-8"))
            except json.JSONDecodeError as err:
                raise InputError(str(candidate), f"malformed JSON: {err.msg}", err.lineno) from None
            except (OSError, UnicodeDecodeError) as err:
                raise InputError(str(candidate), f"cannot read metadata: {err}") from None
            if not isinstance(meta, dict):
                raise InputError(str(candidate), "metadata must be a JSON object")
            return meta
    return {}


def _published(value: Any, path: str, line: int | None = None) -> str | None:
    if value in (None, ""):
        return None
    text = str(value)
    if not _DATE.match(text):
        raise InputError(path, f"published date {text!r} is not YYYY-MM-DD", line)
    return text[:10]


def _make(path: str, text: str, meta: dict[str, Any], default_id: str, line: int | None = None) -> RawDocument:
    if not text.strip():
        raise InputError(path, "document has no text", line)
    first_line = next((ln.strip() for ln in text.split("\n") if ln.strip()), None)
    return RawDocument(
        id=str(meta.get("id") or default_id),
        text=text,
        lang=str(meta.get("lang") or detect_lang(text)),
        published=_published(meta.get("published") or meta.get("date"), path, line),
        title=meta.get("title") or first_line,
        url=meta.get("url"),
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
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
            self.meta["lang"] = values["lang"][:2]
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
    return _make(str(path), body, merged, _base_name(path))


def _read_jsonl(path: Path, text: str) -> Iterator[RawDocument | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(str(path), f"malformed JSON line: {err.msg}", number)
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield InputError(str(path), 'each line must be a JSON object with a "text" string', number)
            continue
        try:
            yield _make(str(path), row["text"], row, f"{_base_name(path)}-{number}", number)
        except InputError as err:
            yield err


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
        yield _make(str(path), text, meta, _base_name(path))
    except InputError as err:
        yield err


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files named, and the readable files below directories named, in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.name.endswith(TEXT_SUFFIXES) and not child.name.endswith(_SIDE_FILES):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def read_documents(paths: Iterable[Path]) -> Iterator[RawDocument | InputError]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)
