"""Where each page lives in the site, relative to its root."""


def _dir(path: str) -> str:
    return path.replace(".", "/") + "/" if path else ""


def node_url(path: str) -> str:
    return f"{_dir(path)}index.html"


def story_url(path: str, index: int) -> str:
    return f"{_dir(path)}{index}/index.html"


def themed_url(path: str, index: int) -> str:
    return f"{_dir(path)}{index}/themed.html"
