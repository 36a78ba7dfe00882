"""The base of every model passed between stages: frozen (a stage cannot change what an
earlier one handed it) and strict about fields (a misspelt field is an error, not
silently dropped)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

FROZEN = ConfigDict(frozen=True, extra="forbid")


class Frozen(BaseModel):
    """A frozen model that refuses unknown fields."""

    model_config = FROZEN
