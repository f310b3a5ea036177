"""What a `stories.py` says, read from its source alone, for the editor features.

The language server never imports user code (a build does that, in a subinterpreter), so
outline, workspace symbols, completion and definition read the files with `ast`. Parses are
cached per file, keyed by the editor's text or the file's mtime and size, and the last tree
that parsed is kept: while the user types, the file rarely parses.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from storyville.catalog.discovery import import_root

type Kind = Literal["Catalog", "Section", "Subject"]
_FACTORIES: dict[str, Kind] = {
    "this_catalog": "Catalog",
    "this_section": "Section",
    "this_subject": "Subject",
}
_KINDS: frozenset[str] = frozenset(_FACTORIES.values())
# `Story`'s own fields in order (it takes them positionally too), with the annotation and
# default storyville.catalog.models declares and what each is for: completion offers them,
# the static checks read positional arguments by them.
STORY_ARGUMENTS: tuple[tuple[str, str, str], ...] = (
    ("props", "dict[str, Any] = {}", "the target's keyword arguments"),
    ("title", "str | None = None", 'the story\'s name; untitled stories are "Story N"'),
    ("description", "str | None = None", "shown on the story's page"),
    ("template", "Callable[[], Any] | None = None", "markup shown instead of target(**props)"),
    ("assertions", "list[Assertion] = []", "checks of the rendered markup"),
    ("target", "Target | None = None", "overrides the subject's component"),
)
_MAX_HOPS = 4  # re-exports followed when resolving a component
_DEFAULT_WIDTH = 40


@dataclass(frozen=True, slots=True)
class Span:
    """0-based lines, columns in code points (the LSP layer converts to the client's units)."""

    line: int
    col: int
    end_line: int
    end_col: int

    def contains(self, line: int, col: int) -> bool:
        return (self.line, self.col) <= (line, col) <= (self.end_line, self.end_col)


@dataclass(slots=True)
class ParsedFile:
    path: str
    text: str
    lines: list[str]
    tree: ast.Module | None  # None: the text does not parse
    _info: StoriesInfo | None = None
    _analysed: bool = False

    def span(self, node: ast.AST) -> Span:
        """The node's range; ast columns are UTF-8 byte offsets."""
        line, end_line = getattr(node, "lineno", 1) - 1, getattr(node, "end_lineno", 1) - 1
        return Span(
            line,
            self._chars(line, getattr(node, "col_offset", 0)),
            end_line,
            self._chars(end_line, getattr(node, "end_col_offset", 0)),
        )

    def _chars(self, line: int, byte_col: int) -> int:
        text = self.lines[line] if 0 <= line < len(self.lines) else ""
        if text.isascii():
            return byte_col
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def offset(self, line: int, col: int) -> int:
        """The text offset of a (line, code point column) position."""
        return sum(len(t) for t in self.lines[:line]) + min(col, _width(self.lines, line))


def _width(lines: list[str], line: int) -> int:
    return len(lines[line].rstrip("\r\n")) if 0 <= line < len(lines) else 0


class SourceCache:
    """Parsed files by path: the editor's text when given, else the file on disk."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[object, ParsedFile]] = {}
        self._good: dict[str, ParsedFile] = {}  # the last parse of each file that succeeded

    def parse(self, path: str, text: str | None = None) -> ParsedFile | None:
        """The file's parse (None when it cannot be read); cheap when nothing changed."""
        key: object
        if text is None:
            try:
                stat = Path(path).stat()
            except OSError:
                return None
            key = (stat.st_mtime_ns, stat.st_size)
        else:
            key = text
        cached = self._files.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        if text is None:
            try:
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
        try:
            tree: ast.Module | None = ast.parse(text, path)
        except SyntaxError, ValueError:
            tree = None
        parsed = ParsedFile(path, text, text.splitlines(keepends=True) or [""], tree)
        self._files[path] = (key, parsed)
        if tree is not None:
            self._good[path] = parsed
        return parsed

    def good(self, path: str, text: str | None = None) -> ParsedFile | None:
        """The newest parse of the file that has a tree: the current one, else the last."""
        parsed = self.parse(path, text)
        if parsed is not None and parsed.tree is not None:
            return parsed
        if path not in self._good and text is not None:
            self.parse(path)  # opened while broken: the saved file may still parse
            self.parse(path, text)  # the editor's text stays the current one
        return self._good.get(path)

    def info(self, path: str, text: str | None = None) -> StoriesInfo | None:
        parsed = self.good(path, text)
        if parsed is None:
            return None
        if not parsed._analysed:
            parsed._info, parsed._analysed = analyse(parsed), True
        return parsed._info


# --- what a stories.py defines --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryInfo:
    title: str
    span: Span  # the whole `Story(...)`
    name_span: Span  # `Story`, where a jump lands
    target: ast.expr | None  # a story's own `target=` (a Storyville 0.1 feature)
    call: ast.Call  # the whole call, for the static checks


@dataclass(frozen=True, slots=True)
class StoriesInfo:
    parsed: ParsedFile
    kind: Kind
    title: str | None  # None: named after its directory
    span: Span  # the `Subject(...)` call, else the factory
    name_span: Span
    target: ast.expr | None
    stories: tuple[StoryInfo, ...]

    def display_title(self) -> str:
        return self.title or humanize(Path(self.parsed.path).parent.name)


def humanize(name: str) -> str:
    """As the collector names an untitled section or subject after its directory."""
    return name.replace("_", " ").strip().capitalize() or name


def _called(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        match node.func:
            case ast.Name(id=name) | ast.Attribute(attr=name):
                return name
    return None


def _annotation_kind(func: ast.FunctionDef | ast.AsyncFunctionDef) -> Kind | None:
    match func.returns:
        case ast.Name(id=name) | ast.Attribute(attr=name) if name in _KINDS:
            return name  # pyright: ignore[reportReturnType]
        case ast.Constant(value=str(text)) if (name := text.rpartition(".")[2]) in _KINDS:
            return name  # pyright: ignore[reportReturnType]
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _title(call: ast.Call) -> str | None:
    match _keyword(call, "title"):
        case ast.Constant(value=str(title)):
            return title
    if call.args and isinstance(call.args[0], ast.Constant) and _called(call) != "Story":
        value = call.args[0].value  # Subject/Section/Catalog take `title` first
        return value if isinstance(value, str) else None
    return None


def analyse(parsed: ParsedFile) -> StoriesInfo | None:
    """The factory's Catalog/Section/Subject and its stories, or None if there is none."""
    if parsed.tree is None:
        return None
    for func in parsed.tree.body:
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        kind = _FACTORIES.get(func.name) or _annotation_kind(func)
        if kind is None:
            continue
        calls = sorted(
            (n for n in ast.walk(func) if isinstance(n, ast.Call)),
            key=lambda n: (n.lineno, n.col_offset),
        )
        node = next((c for c in calls if _called(c) == kind), None)
        story_calls = [c for c in calls if _called(c) == "Story"]
        stories = tuple(
            StoryInfo(
                _title(call) or f"Story {number}",
                parsed.span(call),
                parsed.span(call.func),
                _keyword(call, "target"),
                call,
            )
            for number, call in enumerate(story_calls, 1)
        )
        if node is None:
            span = parsed.span(func)
            return StoriesInfo(parsed, kind, None, span, span, None, stories)
        return StoriesInfo(
            parsed,
            kind,
            _title(node),
            parsed.span(node),
            parsed.span(node.func),
            _keyword(node, "target"),
            stories,
        )
    return None


# --- the component a subject renders ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    annotation: str | None
    default: str | None
    path: str
    span: Span

    @property
    def detail(self) -> str:
        text = f"{self.name}: {self.annotation}" if self.annotation else self.name
        return f"{text} = {self.default}" if self.default is not None else text


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    path: str
    params: tuple[Param, ...]

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def resolve_component(
    cache: SourceCache, path: str, expr: ast.expr | None, roots: tuple[str, ...] = ()
) -> Component | None:
    """The function or class `target=` names, found by following imports in the source.

    `roots` are extra places absolute imports resolve from; the import root of the file's
    own package always is one.
    """
    if not isinstance(expr, ast.Name):
        return None
    top = str(import_root(Path(path).parent)[0])
    return _lookup(cache, path, expr.id, (top, *roots), 0)


def _lookup(
    cache: SourceCache, path: str, name: str, roots: tuple[str, ...], hops: int
) -> Component | None:
    parsed = cache.good(path)
    if parsed is None or parsed.tree is None or hops > _MAX_HOPS:
        return None
    for statement in reversed(parsed.tree.body):  # the last definition wins, as at run time
        match statement:
            case ast.FunctionDef(name=found) | ast.AsyncFunctionDef(name=found) if found == name:
                return Component(name, path, tuple(_arguments(parsed, statement, skip=0)))
            case ast.ClassDef(name=found) if found == name:
                return Component(name, path, tuple(_class_params(parsed, statement)))
            case ast.Assign(targets=[ast.Name(id=found)], value=ast.Name(id=other)) if (
                found == name
            ):
                return _lookup(cache, path, other, roots, hops + 1)
            case ast.ImportFrom(module=module, level=level, names=aliases):
                for alias in aliases:
                    if (alias.asname or alias.name) == name:
                        for file in _module_files(path, module, level, roots):
                            if found := _lookup(cache, file, alias.name, roots, hops + 1):
                                return found
                        return None
    return None


def _module_files(path: str, module: str | None, level: int, roots: tuple[str, ...]) -> list[str]:
    parts = module.split(".") if module else []
    if level:
        base = Path(path).parent
        for _ in range(level - 1):
            base = base.parent
        bases = [base]
    else:
        bases = [Path(root) for root in dict.fromkeys(roots)]
    found = []
    for base in bases:
        target = base.joinpath(*parts)
        for candidate in (target.with_name(target.name + ".py"), target / "__init__.py"):
            if candidate.is_file() if parts else candidate.name == "__init__.py":
                found.append(str(candidate))
    return found


def _default(node: ast.expr | None) -> str | None:
    if node is None:
        return None
    text = ast.unparse(node)
    return text if len(text) <= _DEFAULT_WIDTH else text[: _DEFAULT_WIDTH - 1] + "…"


def _arguments(
    parsed: ParsedFile, func: ast.FunctionDef | ast.AsyncFunctionDef, skip: int
) -> list[Param]:
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += args.defaults
    pairs = [
        *zip(positional, defaults, strict=True),
        *zip(args.kwonlyargs, args.kw_defaults, strict=True),
    ]
    return [
        Param(
            arg.arg,
            ast.unparse(arg.annotation) if arg.annotation else None,
            _default(default),
            parsed.path,
            _name_span(parsed.span(arg), arg.arg),
        )
        for arg, default in pairs[skip:]
        if arg not in args.posonlyargs  # props are passed by keyword
    ]


def _name_span(span: Span, name: str) -> Span:
    """Only the name of a parameter that has an annotation."""
    return Span(span.line, span.col, span.line, span.col + len(name))


def _is_dataclass(cls: ast.ClassDef) -> bool:
    for decorator in cls.decorator_list:
        node = decorator.func if isinstance(decorator, ast.Call) else decorator
        match node:
            case ast.Name(id="dataclass") | ast.Attribute(attr="dataclass"):
                return True
    return False


def _class_params(parsed: ParsedFile, cls: ast.ClassDef) -> list[Param]:
    init = next(
        (s for s in cls.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None
    )
    if init is not None and not _is_dataclass(cls):
        return _arguments(parsed, init, skip=1)
    params = []
    for statement in cls.body:
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            continue
        annotation = ast.unparse(statement.annotation)
        if "ClassVar" in annotation:
            continue
        default = statement.value
        if isinstance(default, ast.Call) and _called(default) == "field":
            if isinstance(init_flag := _keyword(default, "init"), ast.Constant) and (
                init_flag.value is False
            ):
                continue
            factory = _keyword(default, "default_factory")
            default = _keyword(default, "default")
            text = f"{ast.unparse(factory)}()" if factory is not None else _default(default)
        else:
            text = _default(default)
        params.append(
            Param(statement.target.id, annotation, text, parsed.path, parsed.span(statement.target))
        )
    return params


# --- where the cursor is ----------------------------------------------------------------

type Where = Literal["props_key", "props_kwarg", "story_kwarg"]
_BEFORE_DICT = re.compile(r"\bprops\s*=\s*$")
_BEFORE_DICT_CALL = re.compile(r"\bprops\s*=\s*dict\s*$")
_BEFORE_STORY = re.compile(r"\bStory\s*$")
_WORD = re.compile(r"\w*")
_KEYS = re.compile(r"[\"'](\w+)[\"']\s*:")
_KWARGS = re.compile(r"\b(\w+)\s*=(?!=)")


@dataclass(frozen=True, slots=True)
class Context:
    where: Where
    prefix: str  # what is typed of the name so far
    quote: str | None  # the open quote a props key is typed in, if any
    story: int | None  # offset of the `Story` whose arguments these are
    written: frozenset[str] = frozenset()  # names already given before the cursor


@dataclass(slots=True)
class _Frame:
    bracket: str
    at: int
    segment: int  # where the current element starts (after the last comma)
    assigned: bool = False  # a `:` or `=` in the current element: past the key


def context_at(text: str, offset: int) -> Context | None:
    """What a name typed at `offset` would be, read from the text before it.

    A hand-rolled scan rather than `ast` or `tokenize`: the text being typed rarely parses.
    """
    stack: list[_Frame] = []
    i, end = 0, min(offset, len(text))
    string_at: int | None = None
    quote = ""
    while i < end:
        char = text[i]
        if char == "#":
            newline = text.find("\n", i, end)
            comment_at, i = i, end if newline < 0 else newline + 1
            if stack and not text[stack[-1].segment : comment_at].strip():
                stack[-1].segment = i  # a comment is no part of the element being typed
            continue
        if char in "\"'":
            quote = char * 3 if text.startswith(char * 3, i) else char
            closed = _string_end(text, i + len(quote), end, quote)
            if closed is None:
                string_at = i
                break
            i = closed
            continue
        if char in "([{":
            stack.append(_Frame(char, i, i + 1))
        elif char in ")]}":
            if stack:
                stack.pop()
        elif stack:
            frame = stack[-1]
            if char == ",":
                frame.segment, frame.assigned = i + 1, False
            elif (char == ":" and frame.bracket == "{") or (
                char == "=" and frame.bracket == "(" and _assigns(text, i)
            ):
                frame.assigned = True
        i += 1
    if not stack or stack[-1].assigned:
        return None
    frame = stack[-1]
    if string_at is not None:
        if text[frame.segment : string_at].strip() or len(quote) != 1:
            return None
        typed, quoted = text[string_at + 1 : end], quote
    else:
        typed, quoted = text[frame.segment : end].lstrip(), None
    if _WORD.fullmatch(typed) is None:
        return None
    before = text[: frame.at]
    outer = stack[-2].at if len(stack) > 1 else None
    story = _story_at(text, outer)
    if frame.bracket == "{" and _BEFORE_DICT.search(before):
        return Context("props_key", typed, quoted, story, _written(_KEYS, text, frame, end))
    if quoted:
        return None
    if frame.bracket == "(" and _BEFORE_DICT_CALL.search(before):
        return Context("props_kwarg", typed, None, story, _written(_KWARGS, text, frame, end))
    if frame.bracket == "(" and _BEFORE_STORY.search(before):
        written = _written(_KWARGS, text, frame, end)
        return Context("story_kwarg", typed, None, _story_at(text, frame.at), written)
    return None


def _string_end(text: str, i: int, end: int, quote: str) -> int | None:
    """Past the closing quote, or None when the string is still open at `end`."""
    while i < end:
        if text[i] == "\\":
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        elif len(quote) == 1 and text[i] == "\n":
            return i + 1  # an unclosed one-line string ends with its line
        else:
            i += 1
    return None


def _assigns(text: str, i: int) -> bool:
    """Whether the `=` at `i` is a keyword argument's, not a comparison."""
    return text[i + 1 : i + 2] != "=" and text[i - 1 : i] not in ("=", "!", "<", ">")


def _written(pattern: re.Pattern[str], text: str, frame: _Frame, end: int) -> frozenset[str]:
    """Keys or keywords already in the bracket, so completion offers only the others.

    Read with a pattern, so a nested dict's keys count too: at worst one name too few.
    """
    return frozenset(pattern.findall(text, frame.at + 1, frame.segment))


def _story_at(text: str, paren: int | None) -> int | None:
    """The offset of `Story` when the bracket at `paren` opens its arguments."""
    if paren is None or text[paren] != "(":
        return None
    match = _BEFORE_STORY.search(text, 0, paren)
    return match.start() if match else None


def word_at(text: str, offset: int) -> tuple[int, str]:
    """The identifier around `offset`: where it starts, and the whole word."""
    start = offset
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    match = _WORD.match(text, start)
    return start, match.group() if match else ""


def story_target(info: StoriesInfo, story_offset: int | None) -> ast.expr | None:
    """The story's own `target=` when it has one, else its subject's."""
    if story_offset is not None:
        parsed = info.parsed
        for story in info.stories:
            start = parsed.offset(story.name_span.line, story.name_span.col)
            if start == story_offset and story.target is not None:
                return story.target
    return info.target
