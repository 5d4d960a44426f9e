"""Leaner expat element callbacks for feedparser's SAX reader: same arguments, less work.

The stdlib expat reader, on every start tag, splits expat's "uri local prefix" name, builds
two dicts and an `AttributesNSImpl`, then looks up the content handler; on every end tag it
splits the name again.  A feed repeats the same dozen names thousands of times and most of
its elements carry no attributes, so these callbacks remember each name's split (per
document, up to `MAX_NAMES`) and give attribute-less elements one shared, empty attributes
object.  The handler receives equal arguments in the same order (qname stays None, as
expat's reader passes it), so feedparser's results are identical; `saxbuffer`'s reader
installs them.  About 2-3 % of feedparser's time: the reader layer is thin, most of the
cost is feedparser's own handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.xmlreader import AttributesNSImpl

MAX_NAMES = 4_096
"""Distinct names remembered per document: a feed has a few dozen, a hostile one is capped."""

Pair = tuple[Any, ...]
StartHandler = Callable[[str, dict[str, str]], None]
EndHandler = Callable[[str], None]


def split_name(name: str) -> Pair:
    """expat's namespaced name -> the SAX (uri, localname) pair the stdlib reader builds."""
    parts = name.split()
    if len(parts) == 1:
        return (None, name)
    if len(parts) == 3:  # uri, local name, prefix
        return (parts[0], parts[1])
    return tuple(parts)  # default namespace (or a URI with spaces: kept as the stdlib does)


def split_attribute(name: str) -> tuple[Pair, str]:
    """One attribute name -> its (pair, qname), as the stdlib reader builds them."""
    parts = name.split()
    if len(parts) == 1:
        return (None, name), name
    if len(parts) == 3:
        return (parts[0], parts[1]), f"{parts[2]}:{parts[1]}"
    return tuple(parts), parts[1]


def attributes(attrs: dict[str, str]) -> AttributesNSImpl:
    """expat's {name: value} -> the `AttributesNSImpl` the stdlib reader passes on."""
    values: dict[Pair, str] = {}
    qnames: dict[Pair, str] = {}
    for name, value in attrs.items():
        pair, qname = split_attribute(name)
        values[pair] = value
        qnames[pair] = qname
    return AttributesNSImpl(values, qnames)


NO_ATTRIBUTES = AttributesNSImpl({}, {})
"""What a bare start tag gets: SAX handlers only read attributes, so one object serves all."""


def element_handlers(handler: Any) -> tuple[StartHandler, EndHandler]:
    """expat StartElementHandler/EndElementHandler that call `handler`'s SAX NS methods."""
    pairs: dict[str, Pair] = {}
    start_ns = handler.startElementNS
    end_ns = handler.endElementNS

    def new_pair(name: str) -> Pair:
        pair = split_name(name)
        if len(pairs) < MAX_NAMES:
            pairs[name] = pair
        return pair

    def start(name: str, attrs: dict[str, str]) -> None:
        pair = pairs.get(name) or new_pair(name)
        start_ns(pair, None, attributes(attrs) if attrs else NO_ATTRIBUTES)

    def end(name: str) -> None:
        end_ns(pairs.get(name) or new_pair(name), None)

    return start, end
