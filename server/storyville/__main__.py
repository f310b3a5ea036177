"""`python -m storyville`: the command line. Importing this module runs nothing."""

from storyville.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
