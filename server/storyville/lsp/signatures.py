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
from dataclasses import dataclass
from pathlib import Path

from storyville.catalog.discovery import import_root
from storyville.lsp.stories_source import ParsedFile, SourceCache, _module_files

_MAX_HOPS = 4  # re-exports followed, as completion does
_CONSTRUCTION = frozenset({"__new__", "__init__"})


@dataclass(frozen=True, slots=True)
class Signature:
    name: str
    keywords: tuple[str, ...]  # the parameters a keyword can fill, in order
    required: tuple[str, ...]  # those of them without a default
    positional_only: frozenset[str]  # named, yet no keyword fills them
    open: bool  # `**kwargs`: any keyword is accepted
    callable_by_keywords: bool  # False: a positional-only parameter has no default


def signature(
    cache: SourceCache, path: str, expr: ast.expr | None, roots: tuple[str, ...] = ()
) -> Signature | None:
    """The signature of the component `target=` names in the file at `path`, or None."""
    if not isinstance(expr, ast.Name):
        return None
    top = str(import_root(Path(path).parent)[0])
    return _lookup(cache, path, expr.id, (top, *roots), 0)


def _lookup(
    cache: SourceCache, path: str, name: str, roots: tuple[str, ...], hops: int
) -> Signature | None:
    parsed = cache.good(path)
    if parsed is None or parsed.tree is None or hops > _MAX_HOPS:
        return None
    binding = _only_binding(parsed.tree, name)
    match binding:
        case ast.FunctionDef() | ast.AsyncFunctionDef() if not binding.decorator_list:
            return _of_function(name, binding.args, skip=0)
        case ast.ClassDef():
            return _of_class(parsed, binding)
        case ast.Assign(value=ast.Name(id=other)):
            return _lookup(cache, path, other, roots, hops + 1)
        case ast.ImportFrom(module=module, level=level, names=aliases):
            alias = next(a for a in aliases if (a.asname or a.name) == name)
            files = {str(Path(f).resolve()) for f in _module_files(path, module, level, roots)}
            if len(files) != 1:  # none, or which one wins depends on the search path
                return None
            return _lookup(cache, files.pop(), alias.name, roots, hops + 1)
    return None


def _only_binding(tree: ast.Module, name: str) -> ast.stmt | None:
    """The top-level statement that binds `name`, if it is the only thing that does.

    Conservative by design: a local variable or a method of the same name anywhere in the
    module also counts as a rebinding, and so does assigning to one of its attributes.
    """
    found: list[ast.AST] = []
    for node in ast.walk(tree):
        match node:
            case (
                ast.FunctionDef(name=bound)
                | ast.AsyncFunctionDef(name=bound)
                | ast.ClassDef(name=bound)
            ) if bound == name:
                found.append(node)
            case ast.Name(id=bound, ctx=ast.Store() | ast.Del()) if bound == name:
                found.append(node)
            case ast.Attribute(value=ast.Name(id=bound), ctx=ast.Store() | ast.Del()) if (
                bound == name
            ):
                return None
            case ast.Import(names=aliases) | ast.ImportFrom(names=aliases):
                for alias in aliases:
                    if alias.name == "*" or (alias.asname or alias.name.partition(".")[0]) == name:
                        found.append(node)
            case ast.Global(names=names) | ast.Nonlocal(names=names) if name in names:
                return None
            case ast.MatchAs(name=bound) | ast.MatchStar(name=bound) if bound == name:
                return None
    if len(found) != 1:
        return None
    (node,) = found
    top = next((s for s in tree.body if s is node or _assigns_only(s, node)), None)
    match top:
        case ast.ImportFrom(level=level, module=module) if level or module:
            return top
        case ast.Assign(targets=[ast.Name()], value=ast.Name()):
            return top
        case ast.FunctionDef() | ast.AsyncFunctionDef() | ast.ClassDef():
            return top
    return None


def _assigns_only(statement: ast.stmt, node: ast.AST) -> bool:
    return isinstance(statement, ast.Assign) and statement.targets == [node]


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
