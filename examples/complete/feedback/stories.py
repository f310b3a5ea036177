from storyville import Section


def this_section() -> Section:
    """Messages and ratings."""
    return Section(
        title="Feedback",
        description="Order confirmations, warnings and the stars our regulars give us.",
    )
