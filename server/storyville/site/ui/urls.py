"""Where each page lives in the site, relative to its root."""


def _dir(path: str) -> str:
    return path.replace(".", "/") + "/" if path else ""


def node_url(path: str) -> str:
    return f"{_dir(path)}index.html"


# A story's pages sit beside its subject's, not in a directory each: on ext4 a directory
# costs as much to create as three files, a third of a cold build's disk time.
def story_url(path: str, index: int) -> str:
    return f"{_dir(path)}{index}.html"


def themed_url(path: str, index: int) -> str:
    return f"{_dir(path)}{index}.themed.html"
