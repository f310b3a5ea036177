from storyville import Section


def this_section() -> Section:
    """Components that present dishes, drinks and prices."""
    return Section(
        title="Menu",
        description="Dishes, drinks and prices, as shown on the website and the in-store screens.",
    )
