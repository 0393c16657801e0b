"""The base of Evidex's typed records: pydantic models that pickle lean.

Parsed models are pickled twice per build (from the parse workers back to the build, and into the
parse cache) and a whole library of them is held in memory. Pydantic's default pickle keeps, per
object, the set of fields that were given explicitly; it is only read by
``model_dump(exclude_unset=True)``, which Evidex never uses, and it was the largest single part
of a parsed library's memory. These models drop it from the pickle and come back with an empty
one.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class LeanModel(BaseModel):
    def __getstate__(self) -> dict[Any, Any]:
        state: dict[str, Any] = {"__dict__": self.__dict__}
        if self.__pydantic_extra__:
            state["__pydantic_extra__"] = self.__pydantic_extra__
        if self.__pydantic_private__:
            state["__pydantic_private__"] = self.__pydantic_private__
        return state

    def __setstate__(self, state: dict[Any, Any]) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", set())
        object.__setattr__(self, "__pydantic_extra__", state.get("__pydantic_extra__"))
        object.__setattr__(self, "__pydantic_private__", state.get("__pydantic_private__"))
        object.__setattr__(self, "__dict__", state["__dict__"])
