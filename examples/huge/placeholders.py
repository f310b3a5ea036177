"""Stand-ins for photos, sound, captions and embedded pages, carried in data: URIs.

The catalog must load nothing from outside (the preview works offline and tells no third
party what it shows), and storyville serves no files of the catalog's own: so every picture
is a small SVG, the sound a moment of silence and an embedded page a line of HTML, each held
in the URL itself.
"""

import base64
import html
import io
import wave
from urllib.parse import quote

SVG = "http://www.w3.org/2000/svg"  # an XML namespace's name, never fetched


def picture(label: str, width: int, height: int, color: str = "#5b7fa6") -> str:
    """A ``width`` x ``height`` picture: ``label`` on a plain background."""
    size = max(10, min(width, height) // 6)
    svg = (
        f"<svg xmlns='{SVG}' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"
        f"<rect width='{width}' height='{height}' fill='{color}'/>"
        f"<text x='{width // 2}' y='{height // 2}' fill='white' font-family='sans-serif' "
        f"font-size='{size}' text-anchor='middle' dominant-baseline='middle'>"
        f"{html.escape(label)}</text></svg>"
    )
    return "data:image/svg+xml," + quote(svg, safe=" '=/:<>")


def page(text: str) -> str:
    """An embedded page that only says what it stands in for."""
    body = (
        "<!DOCTYPE html><meta charset='utf-8'><body style='margin:0;display:grid;"
        "place-items:center;height:100vh;background:#e8edf3;font:1rem sans-serif'>"
        f"<p>{html.escape(text)}</p>"
    )
    return "data:text/html;charset=utf-8," + quote(body, safe=" '=/:<>;")


def captions(text: str) -> str:
    """A WebVTT track showing ``text`` for the first five seconds."""
    return "data:text/vtt," + quote(f"WEBVTT\n\n00:00.000 --> 00:05.000\n{text}\n", safe=" :>")


def silence(seconds: float = 0.1) -> str:
    """A WAV file of silence, short enough to sit in an attribute."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(1)
        sound.setframerate(8000)
        sound.writeframes(b"\x80" * int(8000 * seconds))
    return "data:audio/wav;base64," + base64.b64encode(buffer.getvalue()).decode()
