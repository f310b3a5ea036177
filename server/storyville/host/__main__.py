"""`python -m storyville.host FD`: a build host, started by `storyville lsp` and `serve`."""

import sys

from storyville.host.service import main

if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1])))
