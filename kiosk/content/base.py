"""The scalars and the base model every content block is built from (shared by
:mod:`kiosk.content.model` and :mod:`kiosk.content.calendar`, so neither imports the
other's module at import time). No Qt here."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, model_validator

from kiosk.content.fields import MAX_ABS_VALUE, PANEL, Media
from kiosk.content.text import visible

# ---------------------------------------------------------------------------------------
# Scalars

Str = Annotated[str, Strict()]
Id = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,47}$"),
]
Colour = Annotated[str, Strict(), StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Number = Annotated[float, Strict(), Field(allow_inf_nan=False, ge=-MAX_ABS_VALUE,
                                         le=MAX_ABS_VALUE)]
Icon = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9]+\.[a-z0-9-]+$")]
ImagePath = Annotated[str, Strict(), Media("image")]
VideoPath = Annotated[str, Strict(), Media("video")]
PlanPath = Annotated[str, Strict(), Media("svg", required=True)]
Url = Annotated[str, Strict(), StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$")]


class Model(BaseModel):
    """Base of every content model: frozen, strict about unknown keys, no NaN/inf."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Text(Model):
    """A visitor-facing text in Chinese and English. One may be empty (a warning)."""

    zh: Str = ""
    en: Str = ""

    @model_validator(mode="after")
    def _not_both_empty(self) -> Text:
        if not visible(self.zh) and not visible(self.en):
            raise ValueError("text is empty in both languages (or shows nothing: only spaces "
                             "or zero-width characters)")
        return self

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("zh" or "en"), falling back to the other language."""
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second


PanelText = Annotated[Text, PANEL]
