"""RDF writers: statements streamed to N-Triples line by line, or to Turtle, TriG and JSON-LD a chunk at a
time by rdflib under one header; every file written beside its place and moved in."""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from rdflib import OWL, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV

from ontology.errors import ExportError
from ontology.vocabulary import CKG, DATA_NAMESPACE

Statement = tuple[Any, Any, Any, Any]  # subject, predicate, object, graph name (None: the default graph)
SCHEMA = Namespace("https://schema.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "ckg": str(CKG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WIKIDATA),
    "actor": DATA_NAMESPACE + "actor/",
    "event": DATA_NAMESPACE + "event/",
    "doc": DATA_NAMESPACE + "document/",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
}


def bind_prefixes(g: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace, override=True)


def nt_term(term: Any) -> str:
    """A term as N-Triples writes it.

    >>> nt_term(Literal('say "hi"\\n', lang="en")), nt_term(Literal("3", datatype=XSD.integer))
    ('"say \\\\"hi\\\\"\\\\n"@en', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    if isinstance(term, Literal):
        text = str(term)
        if _LITERAL_UNSAFE.search(text):
            text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        language, datatype = term.language, term.datatype
        if language:
            return f'"{text}"@{language}'
        if datatype is not None and datatype != XSD.string:
            return f'"{text}"^^{_nt_iri(datatype)}'
        return f'"{text}"'
    return _nt_iri(term)


@lru_cache(maxsize=8192)
def _nt_iri(iri: str) -> str:
    # The vocabulary's and the actors' IRIs repeat on every line: each is formatted once.
    text = str(iri)
    return f"<{_IRI_UNSAFE.sub(_iri_escape, text) if _IRI_UNSAFE.search(text) else text}>"


_LITERAL_UNSAFE = re.compile(r'[\\"\n\r]')


def _iri_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04X}"


_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def write_nt(chunks: Iterable[list[Statement]], handle: IO[str]) -> int:
    count = 0
    for chunk in chunks:
        handle.write("".join(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o, _ in chunk))
        count += len(chunk)
    return count


def _chunk_graph(chunk: list[Statement]) -> Graph:
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in chunk:
        g.add((s, p, o))
    return g


def _body(text: str, header: set[str]) -> str:
    """A serialised chunk without the prefix lines the file's top already gives."""
    return "".join(line for line in text.splitlines(keepends=True) if line.strip() not in header)


def _prefix_lines(prefixes: Mapping[str, str]) -> list[str]:
    return [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in prefixes.items()]


def write_turtle(chunks: Iterable[list[Statement]], handle: IO[str]) -> int:
    header = _prefix_lines(PREFIXES)
    handle.write("\n".join(header) + "\n\n")
    count = 0
    for chunk in chunks:
        if chunk:
            handle.write(_body(_chunk_graph(chunk).serialize(format="turtle"), set(header)))
            count += len(chunk)
    return count


def write_trig(chunks: Iterable[list[Statement]], handle: IO[str]) -> int:
    prefixes = {**PREFIXES, "graph": DATA_NAMESPACE + "graph/"}
    header = _prefix_lines(prefixes)
    handle.write("\n".join(header) + "\n\n")
    count = 0
    for chunk in chunks:
        if not chunk:
            continue
        ds = Dataset()
        bind_prefixes(ds)
        ds.bind("graph", prefixes["graph"], override=True)
        for s, p, o, name in chunk:
            ds.graph(name if name is not None else DATASET_DEFAULT_GRAPH_ID).add((s, p, o))
        handle.write(_body(ds.serialize(format="trig"), set(header)))
        count += len(chunk)
    return count


def write_jsonld(chunks: Iterable[list[Statement]], handle: IO[str]) -> int:
    context = dict(PREFIXES)
    handle.write('{"@context": ' + json.dumps(context) + ',\n "@graph": [')
    count, first = 0, True
    for chunk in chunks:
        if not chunk:
            continue
        data = json.loads(_chunk_graph(chunk).serialize(format="json-ld", context=context, auto_compact=True))
        nodes = data.get("@graph", [data] if isinstance(data, dict) else data)
        for node in nodes:
            if isinstance(node, dict):
                node.pop("@context", None)
            handle.write(("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False))
            first = False
        count += len(chunk)
    handle.write("\n]}\n")
    return count


def write_atomically(out: Path, write: Callable[[IO[str]], int]) -> int:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}; choose a writable path") from exc
    try:
        # mkstemp creates the file private (0600); an export is meant to be shared.
        os.chmod(tmp, stat.S_IMODE(out.stat().st_mode) if out.exists() else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            count = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {out}: {exc.strerror}; choose a writable path") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
