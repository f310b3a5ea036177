"""What a call `target(**props)` accepts, where the source says so for certain.

Completion and definition may guess (a wrong guess costs a useless suggestion), but a static
check that guesses wrong reports an error in correct code. So this lookup is strict: every
module on the way from the stories.py to the definition binds the name exactly once, at top
level, and the definition is a plain function, a class with its own `__init__`, or a
`dataclasses.dataclass` without base classes. Anything else (a decorator, a rebinding, a
metaclass, a star import, two files an import could mean) gives None: say nothing.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from storyville.catalog.discovery import import_root
from storyville.lsp.stories_source import ParsedFile, SourceCache, _module_files

_MAX_HOPS = 4  # re-exports followed, as completion does
_CONSTRUCTION = frozenset({"__new__", "__init__"})
_PLAIN_CLASS_STATEMENTS = (
    ast.AnnAssign,
    ast.Assign,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Expr,
    ast.Pass,
)


@dataclass(frozen=True, slots=True)
class Signature:
    name: str
    keywords: tuple[str, ...]  # the parameters a keyword can fill, in order
    required: tuple[str, ...]  # those of them without a default
    positional_only: frozenset[str]  # named, yet no keyword fills them
    open: bool  # `**kwargs`: any keyword is accepted
    callable_by_keywords: bool  # False: a positional-only parameter has no default


class Signatures:
    """Targets' signatures; each module's bindings are indexed once per parse of it."""

    def __init__(self, cache: SourceCache) -> None:
        self.cache = cache
        self._bindings: dict[str, tuple[ParsedFile, dict[str, ast.stmt]]] = {}

    def of(
        self, parsed: ParsedFile, expr: ast.expr, roots: tuple[str, ...] = ()
    ) -> Signature | None:
        """The signature of the component `target=` names in `parsed` (the stories.py as
        the editor has it; the files it imports are read from disk, as the next build is)."""
        if not isinstance(expr, ast.Name):
            return None
        top = str(import_root(Path(parsed.path).parent)[0])
        return self._lookup(parsed, expr.id, (top, *roots), 0)

    def _lookup(
        self, parsed: ParsedFile | None, name: str, roots: tuple[str, ...], hops: int
    ) -> Signature | None:
        if parsed is None or parsed.tree is None or hops > _MAX_HOPS:
            return None
        binding = self._binding(parsed, parsed.tree, name)
        match binding:
            case ast.FunctionDef() | ast.AsyncFunctionDef() if not binding.decorator_list:
                return _of_function(name, binding.args, skip=0)
            case ast.ClassDef():
                return _of_class(parsed, binding)
            case ast.Assign(value=ast.Name(id=other)):
                return self._lookup(parsed, other, roots, hops + 1)
            case ast.ImportFrom(module=module, level=level, names=aliases):
                alias = next(a for a in aliases if (a.asname or a.name) == name)
                modules = _module_files(parsed.path, module, level, roots)
                files = {str(Path(f).resolve()) for f in modules}
                if len(files) != 1:  # none, or which one wins depends on the search path
                    return None
                return self._lookup(self.cache.good(files.pop()), alias.name, roots, hops + 1)
        return None

    def _binding(self, parsed: ParsedFile, tree: ast.Module, name: str) -> ast.stmt | None:
        entry = self._bindings.get(parsed.path)
        if entry is None or entry[0] is not parsed:
            entry = self._bindings[parsed.path] = (parsed, _sole_bindings(tree))
        return entry[1].get(name)


def _sole_bindings(tree: ast.Module) -> dict[str, ast.stmt]:
    """Each name bound once in the module, by a top-level def, class, import or alias.

    Conservative by design: a local variable or a method of the same name anywhere in the
    module also counts as a rebinding, and so does assigning to one of its attributes; a
    star import may bind anything.
    """
    found: defaultdict[str, list[tuple[ast.AST, ast.stmt]]] = defaultdict(list)
    unsure: set[str] = set()
    for top in tree.body:
        for node in ast.walk(top):
            match node:
                case ast.FunctionDef(name=bound) | ast.AsyncFunctionDef(name=bound):
                    found[bound].append((node, top))
                case ast.ClassDef(name=bound) | ast.Name(id=bound, ctx=ast.Store() | ast.Del()):
                    found[bound].append((node, top))
                case ast.Attribute(value=ast.Name(id=bound), ctx=ast.Store() | ast.Del()):
                    unsure.add(bound)
                case ast.Import(names=aliases) | ast.ImportFrom(names=aliases):
                    if any(alias.name == "*" for alias in aliases):
                        return {}
                    for alias in aliases:
                        found[alias.asname or alias.name.partition(".")[0]].append((node, top))
                case ast.Global(names=names) | ast.Nonlocal(names=names):
                    unsure.update(names)
                case (
                    ast.MatchAs(name=str(bound))
                    | ast.MatchStar(name=str(bound))
                    | ast.ExceptHandler(name=str(bound))
                ):
                    unsure.add(bound)
    return {
        name: top
        for name, [(node, top)] in ((n, b) for n, b in found.items() if len(b) == 1)
        if name not in unsure and _binds_plainly(top, node)
    }


def _binds_plainly(top: ast.stmt, node: ast.AST) -> bool:
    match top:
        case ast.FunctionDef() | ast.AsyncFunctionDef() | ast.ClassDef():
            return top is node
        case ast.ImportFrom(level=level, module=module):
            return bool(level or module)
        case ast.Assign(targets=[target], value=ast.Name()):
            return target is node
    return False


def _of_function(name: str, args: ast.arguments, skip: int) -> Signature | None:
    positional = [*args.posonlyargs, *args.args]
    if len(positional) < skip:
        return None
    first_default = len(positional) - len(args.defaults)
    required_positional = {a.arg for a in positional[:first_default]}
    posonly = {a.arg for a in args.posonlyargs[skip:]}
    keyword_args = [*args.args[max(skip - len(args.posonlyargs), 0) :], *args.kwonlyargs]
    kw_required = {
        a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is None
    }
    keywords = tuple(a.arg for a in keyword_args)
    return Signature(
        name,
        keywords,
        tuple(k for k in keywords if k in required_positional or k in kw_required),
        frozenset(posonly),
        open=args.kwarg is not None,
        callable_by_keywords=not (posonly & required_positional),
    )


def _of_class(parsed: ParsedFile, cls: ast.ClassDef) -> Signature | None:
    if cls.keywords or cls.bases:  # a metaclass, a base's fields or `__new__`: not known here
        return None
    defined = [s for s in cls.body if _defines(s) & _CONSTRUCTION]
    if _dataclass_decorator(parsed.tree, cls) is None:
        match defined:
            case [ast.FunctionDef(name="__init__", decorator_list=[]) as init] if (
                not cls.decorator_list
            ):
                return _of_function(cls.name, init.args, skip=1)
        return None
    if defined or len(cls.decorator_list) != 1:
        return None
    return _of_dataclass(cls)


def _defines(statement: ast.stmt) -> set[str]:
    match statement:
        case ast.FunctionDef(name=name) | ast.AsyncFunctionDef(name=name) | ast.ClassDef(name=name):
            return {name}
        case ast.Assign(targets=targets):
            return {t.id for t in targets if isinstance(t, ast.Name)}
        case ast.AnnAssign(target=ast.Name(id=name)):
            return {name}
    return set()


def _dataclass_decorator(tree: ast.Module | None, cls: ast.ClassDef) -> ast.expr | None:
    """The `@dataclass` decorator when it is the standard library's and generates `__init__`."""
    if tree is None:
        return None
    imported = _standard_dataclass_names(tree)
    for decorator in cls.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        node = call.func if call is not None else decorator
        match node:
            case ast.Name(id=name) if name in imported:
                pass
            case ast.Attribute(value=ast.Name(id="dataclasses"), attr="dataclass") if (
                "dataclasses" in imported
            ):
                pass
            case _:
                continue
        if call is not None and (call.args or any(_turns_off_init(k) for k in call.keywords)):
            return None
        return decorator
    return None


def _turns_off_init(keyword: ast.keyword) -> bool:
    match keyword:
        case ast.keyword(arg="init", value=ast.Constant(value=True)):
            return False
        case ast.keyword(arg="init") | ast.keyword(arg=None):
            return True
    return False


def _standard_dataclass_names(tree: ast.Module) -> set[str]:
    names = set()
    for statement in tree.body:
        match statement:
            case ast.ImportFrom(module="dataclasses", level=0, names=aliases):
                names |= {a.asname or a.name for a in aliases if a.name == "dataclass"}
            case ast.Import(names=aliases):
                names |= {
                    "dataclasses" for a in aliases if a.name == "dataclasses" and not a.asname
                }
    return names


def _of_dataclass(cls: ast.ClassDef) -> Signature | None:
    """`__init__`'s parameters: the annotated fields, less ClassVars, KW_ONLY and init=False."""
    keywords: list[str] = []
    required: list[str] = []
    for statement in cls.body:
        if not isinstance(statement, _PLAIN_CLASS_STATEMENTS):
            return None  # an `if` or `try` in the body may annotate fields of its own
        if not isinstance(statement, ast.AnnAssign):
            continue
        if not isinstance(statement.target, ast.Name):
            return None
        annotation = ast.unparse(statement.annotation)
        if "ClassVar" in annotation or "KW_ONLY" in annotation:
            continue
        name, value = statement.target.id, statement.value
        has_default = value is not None
        if isinstance(value, ast.Call) and _is_field(value.func):
            if value.args or any(k.arg is None for k in value.keywords):
                return None
            given = {k.arg: k.value for k in value.keywords}
            match given.get("init"):
                case None | ast.Constant(value=True):
                    pass
                case ast.Constant(value=False):
                    continue
                case _:
                    return None
            has_default = "default" in given or "default_factory" in given
        keywords.append(name)
        if not has_default:
            required.append(name)
    return Signature(cls.name, tuple(keywords), tuple(required), frozenset(), False, True)


def _is_field(func: ast.expr) -> bool:
    match func:
        case ast.Name(id="field") | ast.Attribute(value=ast.Name(id="dataclasses"), attr="field"):
            return True
    return False
