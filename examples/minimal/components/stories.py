from storyville import Section


def this_section() -> Section:
    return Section(title="Components", description="The building blocks.")
