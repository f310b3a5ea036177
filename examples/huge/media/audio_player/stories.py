"""Stories for the audio player component."""

from storyville import Story, Subject

from examples.huge.media.audio_player.audio_player import AudioPlayer


def this_subject() -> Subject:
    """The audio player and its stories."""
    return Subject(
        title="Audio player",
        description="An audio player captioned with the title, artist and duration.",
        target=AudioPlayer,
        items=[
            Story(title="Podcast episode"),
            Story(
                title="Piano piece",
                props={
                    "title": "Gymnopédie No. 1",
                    "artist": "Erik Satie",
                    "duration": "3:05",
                },
            ),
            Story(
                title="Voice note",
                props={
                    "title": "Voice note",
                    "artist": "Grace",
                    "duration": "0:12",
                },
            ),
        ],
    )
