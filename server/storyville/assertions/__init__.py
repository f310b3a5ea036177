"""Story assertion helpers with Storyville 0.1's names: `from storyville.assertions import …`.

The queries live in `storyville.assertions.helpers` (Storyville 0.1's module) and are
re-exported here; see docs/assertions.md.
"""

from storyville.assertions.helpers import (
    GetAllByClass,
    GetAllById,
    GetAllByLabelText,
    GetAllByRole,
    GetAllByTagName,
    GetAllByTestId,
    GetAllByText,
    GetByClass,
    GetById,
    GetByLabelText,
    GetByRole,
    GetByTagName,
    GetByTestId,
    GetByText,
)

__all__ = [
    "GetAllByClass",
    "GetAllById",
    "GetAllByLabelText",
    "GetAllByRole",
    "GetAllByTagName",
    "GetAllByTestId",
    "GetAllByText",
    "GetByClass",
    "GetById",
    "GetByLabelText",
    "GetByRole",
    "GetByTagName",
    "GetByTestId",
    "GetByText",
]
