from storyville import Section


def this_section() -> Section:
    """Interactive controls used at the counter and in the online shop."""
    return Section(
        title="Controls",
        description="Buttons and inputs for ordering: big, friendly, thumb-sized targets.",
    )
