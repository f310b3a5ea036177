"""Stories for the tag list component."""

from storyville import Story, Subject

from examples.huge.data_display.tag_list.tag_list import TagList


def this_subject() -> Subject:
    """The tag list and its stories."""
    return Subject(
        title="Tag list",
        description="A row of tags, optionally removable one by one.",
        target=TagList,
        items=[
            Story(title="Topics"),
            Story(
                title="Removable",
                description="Each tag has its own remove button, named after the tag.",
                props={"tags": ("urgent", "backend", "needs review"), "removable": True},
            ),
            Story(
                title="Many skills",
                props={
                    "label": "Skills",
                    "tags": (
                        "TypeScript",
                        "Rust",
                        "Go",
                        "SQL",
                        "Kubernetes",
                        "Figma",
                        "Public speaking",
                    ),
                },
            ),
        ],
    )
