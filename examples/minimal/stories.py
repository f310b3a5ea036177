from storyville import Catalog


def this_catalog() -> Catalog:
    return Catalog(title="Minimal Catalog")
