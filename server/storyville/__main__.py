from storyville.cli import main

raise SystemExit(main())
