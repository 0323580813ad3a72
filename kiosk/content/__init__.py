"""Content engine: the model of content.yaml, its strict loader and its checks. No Qt here."""

from kiosk.content.findings import ContentError, ContentUnreadable, Finding, summary
from kiosk.content.loader import Loaded, load_bytes, load_file
from kiosk.content.model import Content, Text

__all__ = [
    "Content",
    "ContentError",
    "ContentUnreadable",
    "Finding",
    "Loaded",
    "Text",
    "load_bytes",
    "load_file",
    "summary",
]
