"""Stories for the sidebar menu component."""

from storyville import Story, Subject

from examples.huge.navigation.sidebar_menu.sidebar_menu import SidebarMenu


def this_subject() -> Subject:
    """The sidebar menu and its stories."""
    return Subject(
        title="Sidebar menu",
        description="Grouped navigation links for an app's side column.",
        target=SidebarMenu,
        items=[
            Story(title="Mail"),
            Story(
                title="Settings",
                props={
                    "groups": (
                        ("Account", ("Profile", "Password", "Sessions")),
                        ("Team", ("Members", "Invitations", "Billing")),
                    ),
                    "current": "Members",
                },
            ),
            Story(title="Collapsed", props={"current": "Drafts", "collapsed": True}),
        ],
    )
