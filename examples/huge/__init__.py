"""A huge example catalog: 10 sections x 10 subjects x 3 stories.

The same shape as Storyville 0.1's huge example, for building and benchmarking side by side
with it, so it keeps to what both understand: root catalog -> sections -> subjects, no
themed layout, factories found by their return annotation, each component one small
``@dataclass`` rendered by a single ``html(t"...")``. Keep that shape when editing: the
tests count 111 ``stories.py``, 300 stories and 54 passing assertions, and the benchmarks
edit story titles and components' first tags. Pictures, sound and embedded pages come
from ``placeholders``: the catalog loads nothing from outside.
"""
