"""Generate ``examples/huge``: a catalog the exact shape of Storyville 0.1's huge example.

10 sections x 10 subjects x 3 stories: 100 subjects, 300 stories and 111 ``stories.py``
files (1 catalog + 10 sections + 100 subjects). Every subject is its own package holding an
empty-ish ``__init__.py``, a component module with one small ``@dataclass`` component and a
``stories.py``. About one subject in three has a story with one or two assertions.

The catalog stays inside what both Storyville 0.1 and this Storyville understand, so it
doubles as a side-by-side benchmark: root catalog -> sections -> subjects, no themed
layout, factories found by their return annotation, and each component rendered by a
single ``html(t"...")`` (lists of t-strings for repeated parts, never one ``html()`` result
nested in another).

The output is a pure function of the tables below: running the script again rewrites
``examples/huge`` byte for byte, and the generated code is already ruff-formatted.

Usage, from the repository root::

    python scripts/generate_huge_example.py           # (re)write examples/huge
    python scripts/generate_huge_example.py --check   # exit 1 if examples/huge is stale
"""

import argparse
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "examples" / "huge"
PACKAGE = "examples.huge"
LINE_LENGTH = 100
INDENT = "    "
STORIES_PER_SUBJECT = 3


# ---------------------------------------------------------------------------------------------
# The specification tables' building blocks
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    """Python source emitted verbatim, such as the name of an assertion function."""

    source: str


@dataclass(frozen=True)
class Call:
    """A call with keyword arguments only, e.g. ``Story(title=..., props=...)``."""

    func: str
    kwargs: tuple[tuple[str, Value], ...]


type Value = (
    str
    | int
    | float
    | bool
    | Code
    | Call
    | tuple[Value, ...]
    | list[Value]
    | dict[str, Value]
    | None
)


@dataclass(frozen=True)
class Check:
    """An assertion: ``condition`` is an expression over ``markup``, the rendered story."""

    name: str
    doc: str
    condition: str
    message: str


@dataclass(frozen=True)
class StorySpec:
    """One story: a title, the component's props and optionally a description and checks."""

    title: str
    props: dict[str, Value] = field(default_factory=dict)
    description: str | None = None
    checks: tuple[Check, ...] = ()


@dataclass(frozen=True)
class ComponentSpec:
    """One subject: its package/module name, a one-line summary and the component's code.

    ``fields`` is the body of the dataclass (one ``name: type = default`` per line),
    ``render`` the body of its ``__call__`` and ``preamble`` optional module-level code
    placed before the class. All three are dedented and re-indented when written.
    """

    module: str
    summary: str
    fields: str
    render: str
    stories: tuple[StorySpec, ...]
    preamble: str = ""

    @property
    def title(self) -> str:
        """``"text_input"`` -> ``"Text input"``."""
        return self.module.replace("_", " ").capitalize()

    @property
    def class_name(self) -> str:
        """``"text_input"`` -> ``"TextInput"``."""
        return "".join(word.capitalize() for word in self.module.split("_"))


@dataclass(frozen=True)
class SectionSpec:
    """One section: its package name, title, description and ten components."""

    package: str
    title: str
    description: str
    components: tuple[ComponentSpec, ...]


# ---------------------------------------------------------------------------------------------
# The components, section by section
# ---------------------------------------------------------------------------------------------

FORMS = (
    ComponentSpec(
        module="button",
        summary="A clickable action in three variants and sizes, with a busy state.",
        fields="""
            label: str = "Save"
            variant: str = "primary"
            size: str = "md"
            busy: bool = False
            disabled: bool = False
        """,
        render='''
            classes = {"btn": True, f"btn-{self.variant}": True, f"btn-{self.size}": True}
            spinner = t'<span class="spinner" aria-hidden="true"></span>' if self.busy else ""
            aria = {"busy": self.busy}
            inert = self.disabled or self.busy
            return html(t"""
                <button type="button" class={classes} aria={aria} disabled={inert}>
                  {spinner}{self.label}
                </button>
            """)
        ''',
        stories=(
            StorySpec("Primary", {"label": "Save changes"}),
            StorySpec(
                "Secondary, small", {"label": "Cancel", "variant": "secondary", "size": "sm"}
            ),
            StorySpec(
                "Busy",
                {"label": "Saving…", "busy": True},
                description="Shown while the request is in flight; the button cannot be pressed.",
                checks=(
                    Check(
                        "announces_busy",
                        "Assistive technology hears that the button is working.",
                        """'aria-busy="true"' in markup""",
                        "expected aria-busy=true",
                    ),
                    Check(
                        "is_inert_while_busy",
                        "A busy button cannot be pressed twice.",
                        '" disabled" in markup',
                        "expected the disabled attribute",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="icon_button",
        summary="A square button showing only an icon, named for screen readers by a label.",
        fields="""
            icon: str = "✕"
            label: str = "Close"
            size: str = "md"
            pressed: bool | None = None
        """,
        render='''
            aria: dict[str, str | bool] = {"label": self.label}
            if self.pressed is not None:
                aria["pressed"] = self.pressed
            return html(t"""
                <button type="button" class="icon-btn icon-btn-{self.size}" aria={aria}>
                  <span aria-hidden="true">{self.icon}</span>
                </button>
            """)
        ''',
        stories=(
            StorySpec("Close"),
            StorySpec(
                "Toggle, off",
                {"icon": "☆", "label": "Add to favourites", "pressed": False},
                description="A toggle announces its state with aria-pressed.",
            ),
            StorySpec(
                "Toggle, on, large",
                {"icon": "★", "label": "Remove from favourites", "pressed": True, "size": "lg"},
            ),
        ),
    ),
    ComponentSpec(
        module="button_group",
        summary="A row of joined toggle buttons where exactly one is pressed.",
        fields="""
            labels: tuple[str, ...] = ("Day", "Week", "Month")
            selected: int = 0
            label: str = "View"
        """,
        render='''
            buttons = []
            for index, text in enumerate(self.labels):
                pressed = {"pressed": index == self.selected}
                buttons.append(t'<button type="button" aria={pressed}>{text}</button>')
            return html(t"""
                <div class="btn-group" role="group" aria-label={self.label}>{buttons}</div>
            """)
        ''',
        stories=(
            StorySpec("Calendar range"),
            StorySpec(
                "Text alignment",
                {"labels": ("Left", "Center", "Right"), "selected": 1, "label": "Alignment"},
            ),
            StorySpec(
                "Two options", {"labels": ("Grid", "List"), "selected": 1, "label": "Layout"}
            ),
        ),
    ),
    ComponentSpec(
        module="form_field",
        summary="A labelled input with an optional hint and error, wired up with ARIA.",
        fields="""
            label: str = "Email"
            name: str = "email"
            kind: str = "text"
            value: str = ""
            hint: str | None = None
            error: str | None = None
            required: bool = False
        """,
        render='''
            hint_id, error_id = f"{self.name}-hint", f"{self.name}-error"
            hint = t'<p class="hint" id={hint_id}>{self.hint}</p>' if self.hint else ""
            error = t'<p class="error" id={error_id}>{self.error}</p>' if self.error else ""
            notes = ((hint_id, self.hint), (error_id, self.error))
            described_by = " ".join(note_id for note_id, text in notes if text)
            classes = {"field": True, "has-error": bool(self.error)}
            invalid = "true" if self.error else None
            marker = t'<abbr title="required">*</abbr>' if self.required else ""
            return html(t"""
                <div class={classes}>
                  <label for={self.name}>{self.label} {marker}</label>
                  <input id={self.name} name={self.name} type={self.kind} value={self.value}
                    required={self.required} aria-invalid={invalid}
                    aria-describedby={described_by or None} />
                  {hint}{error}
                </div>
            """)
        ''',
        stories=(
            StorySpec(
                "Email with a hint",
                {
                    "label": "Email address",
                    "kind": "email",
                    "hint": "We'll never share it.",
                    "required": True,
                },
            ),
            StorySpec(
                "With an error",
                {
                    "label": "Username",
                    "name": "username",
                    "value": "ad",
                    "error": "Must be at least 3 characters.",
                },
                description="The error is linked to the input so screen readers read it out.",
                checks=(
                    Check(
                        "marks_the_input_invalid",
                        "The input says it is invalid.",
                        """'aria-invalid="true"' in markup""",
                        "expected aria-invalid=true",
                    ),
                    Check(
                        "links_the_error",
                        "The error message describes the input.",
                        """'aria-describedby="username-error"' in markup""",
                        "the error is not linked to the input",
                    ),
                ),
            ),
            StorySpec(
                "Password",
                {
                    "label": "Password",
                    "name": "password",
                    "kind": "password",
                    "hint": "At least 12 characters.",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="fieldset",
        summary="A group of checkboxes under a legend.",
        fields="""
            legend: str = "Notifications"
            name: str = "notify"
            options: tuple[str, ...] = ("Email", "SMS", "Push")
            checked: tuple[str, ...] = ("Email",)
            disabled: bool = False
        """,
        render='''
            boxes = [
                t"""<label><input type="checkbox" name={self.name} value={option.lower()}
                    checked={option in self.checked} /> {option}</label>"""
                for option in self.options
            ]
            return html(t"""
                <fieldset disabled={self.disabled}>
                  <legend>{self.legend}</legend>
                  {boxes}
                </fieldset>
            """)
        ''',
        stories=(
            StorySpec("Notifications"),
            StorySpec(
                "Dietary requirements",
                {
                    "legend": "Dietary requirements",
                    "name": "diet",
                    "options": ("Vegetarian", "Vegan", "Gluten-free", "Nut allergy"),
                    "checked": (),
                },
            ),
            StorySpec(
                "Disabled",
                {
                    "legend": "Newsletter topics",
                    "name": "topics",
                    "options": ("Releases", "Security advisories"),
                    "checked": ("Security advisories",),
                    "disabled": True,
                },
                description="Disabling the fieldset disables every checkbox in it.",
            ),
        ),
    ),
    ComponentSpec(
        module="login_form",
        summary="Email and password sign-in, with an error slot and optional single sign-on.",
        fields="""
            action: str = "/login"
            email: str = ""
            error: str | None = None
            remember: bool = True
            sso_providers: tuple[str, ...] = ()
        """,
        render='''
            error = t'<p class="form-error" role="alert">{self.error}</p>' if self.error else ""
            sso = [
                t'<a class="sso" href="/auth/{provider.lower()}">Continue with {provider}</a>'
                for provider in self.sso_providers
            ]
            return html(t"""
                <form class="login" method="post" action={self.action}>
                  {error}
                  <label>Email
                    <input type="email" name="email" value={self.email} autocomplete="username" />
                  </label>
                  <label>Password
                    <input type="password" name="password" autocomplete="current-password" />
                  </label>
                  <label>
                    <input type="checkbox" name="remember" checked={self.remember} /> Remember me
                  </label>
                  <button type="submit">Sign in</button>
                  {sso}
                </form>
            """)
        ''',
        stories=(
            StorySpec("Empty"),
            StorySpec(
                "Wrong password",
                {"email": "ada@example.com", "error": "That password is incorrect."},
            ),
            StorySpec(
                "With single sign-on",
                {"sso_providers": ("GitHub", "Google"), "remember": False},
                description="Offered by workspaces that connect an identity provider.",
            ),
        ),
    ),
    ComponentSpec(
        module="newsletter_signup",
        summary="A short pitch and an email box, replaced by a thank-you once subscribed.",
        fields="""
            heading: str = "Get the weekly digest"
            blurb: str = "One email a week. No spam, unsubscribe any time."
            placeholder: str = "you@example.com"
            subscribed: bool = False
        """,
        render='''
            if self.subscribed:
                body = t'<p role="status">Thanks! Check your inbox to confirm.</p>'
            else:
                body = t"""<form method="post" action="/newsletter">
                      <input type="email" name="email" placeholder={self.placeholder} required />
                      <button type="submit">Subscribe</button>
                    </form>"""
            return html(t"""
                <section class="newsletter">
                  <h2>{self.heading}</h2>
                  <p>{self.blurb}</p>
                  {body}
                </section>
            """)
        ''',
        stories=(
            StorySpec("Default"),
            StorySpec("Subscribed", {"subscribed": True}),
            StorySpec(
                "Release notes",
                {
                    "heading": "Release notes in your inbox",
                    "blurb": "Be the first to hear about new versions.",
                    "placeholder": "name@company.com",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="contact_form",
        summary="Name, email, topic and message, with an optional phone field.",
        fields="""
            topics: tuple[str, ...] = ("Sales", "Support", "Press")
            selected_topic: str = "Support"
            max_length: int = 500
            show_phone: bool = False
        """,
        render='''
            options = [
                t"<option selected={topic == self.selected_topic}>{topic}</option>"
                for topic in self.topics
            ]
            tel = t'<label>Phone <input type="tel" name="phone" /></label>'
            phone = tel if self.show_phone else ""
            return html(t"""
                <form class="contact" method="post" action="/contact">
                  <label>Name <input name="name" autocomplete="name" required /></label>
                  <label>Email <input type="email" name="email" required /></label>
                  {phone}
                  <label>Topic <select name="topic">{options}</select></label>
                  <label>Message
                    <textarea name="message" rows="5" maxlength={self.max_length}></textarea>
                  </label>
                  <button type="submit">Send message</button>
                </form>
            """)
        ''',
        stories=(
            StorySpec("Support request"),
            StorySpec("With a phone number", {"show_phone": True, "selected_topic": "Sales"}),
            StorySpec(
                "Short messages",
                {
                    "topics": ("Bug report", "Feature request"),
                    "selected_topic": "Bug report",
                    "max_length": 140,
                },
                checks=(
                    Check(
                        "limits_the_message",
                        "The textarea enforces the length limit.",
                        """'maxlength="140"' in markup""",
                        "expected maxlength=140 on the textarea",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="error_summary",
        summary="A list of form errors at the top of the page, each linking to its field.",
        fields="""
            title: str = "There is a problem"
            errors: tuple[tuple[str, str], ...] = (("email", "Enter an email address"),)
        """,
        render='''
            links = [t'<li><a href="#{field}">{message}</a></li>' for field, message in self.errors]
            return html(t"""
                <div class="error-summary" role="alert" tabindex="-1">
                  <h2>{self.title}</h2>
                  <ul>{links}</ul>
                </div>
            """)
        ''',
        stories=(
            StorySpec("One error"),
            StorySpec(
                "Several errors",
                {
                    "errors": (
                        ("name", "Enter your full name"),
                        ("dob", "Date of birth must be in the past"),
                        ("postcode", "Enter a real postcode"),
                    ),
                },
                checks=(
                    Check(
                        "lists_every_error",
                        "Each error gets its own list item.",
                        'markup.count("<li>") == 3',
                        "expected three errors",
                    ),
                    Check(
                        "links_to_the_field",
                        "Each error links to the field it is about.",
                        """'href="#dob"' in markup""",
                        "the date of birth error does not link to its field",
                    ),
                ),
            ),
            StorySpec(
                "Payment problem",
                {
                    "title": "Your payment was not taken",
                    "errors": (("card-number", "Card number is too short"),),
                },
            ),
        ),
    ),
    ComponentSpec(
        module="form_actions",
        summary="The buttons that end a form: submit, cancel and perhaps a destructive action.",
        fields="""
            primary: str = "Save"
            secondary: str | None = "Cancel"
            destructive: str | None = None
            align: str = "end"
        """,
        render='''
            secondary = (
                t'<a class="btn btn-link" href="..">{self.secondary}</a>' if self.secondary else ""
            )
            danger = (
                t'<button type="button" class="btn btn-danger">{self.destructive}</button>'
                if self.destructive
                else ""
            )
            return html(t"""
                <div class="form-actions form-actions-{self.align}">
                  {danger}
                  {secondary}
                  <button type="submit" class="btn btn-primary">{self.primary}</button>
                </div>
            """)
        ''',
        stories=(
            StorySpec("Save or cancel"),
            StorySpec(
                "Publish",
                {"primary": "Publish", "secondary": "Save as draft", "align": "between"},
            ),
            StorySpec(
                "With a destructive action",
                {"primary": "Update", "destructive": "Delete project", "align": "between"},
                description="The destructive action sits apart, on the far side.",
            ),
        ),
    ),
)

INPUTS = (
    ComponentSpec(
        module="text_input",
        summary="A single-line text box with a label and an optional character counter.",
        fields="""
            name: str = "title"
            label: str = "Title"
            value: str = ""
            placeholder: str = ""
            required: bool = False
            readonly: bool = False
            max_length: int | None = None
        """,
        render='''
            counter = (
                t'<small class="counter">{len(self.value)}/{self.max_length}</small>'
                if self.max_length
                else ""
            )
            return html(t"""
                <label class="text-input">
                  <span>{self.label}</span>
                  <input type="text" name={self.name} value={self.value}
                    placeholder={self.placeholder or None} required={self.required}
                    readonly={self.readonly} maxlength={self.max_length} />
                  {counter}
                </label>
            """)
        ''',
        stories=(
            StorySpec("With a placeholder", {"placeholder": "Give it a name"}),
            StorySpec(
                "With a counter",
                {
                    "name": "bio",
                    "label": "Short bio",
                    "value": "Mathematician and writer.",
                    "max_length": 80,
                },
            ),
            StorySpec(
                "Read-only",
                {"name": "id", "label": "Project ID", "value": "prj_4f9a2c", "readonly": True},
            ),
        ),
    ),
    ComponentSpec(
        module="select",
        summary="A drop-down list with a placeholder option.",
        fields="""
            name: str = "country"
            label: str = "Country"
            options: tuple[str, ...] = ("France", "Germany", "Japan")
            selected: str | None = None
            placeholder: str = "Choose…"
            disabled: bool = False
        """,
        render='''
            choices = [
                t"<option value={option} selected={option == self.selected}>{option}</option>"
                for option in self.options
            ]
            return html(t"""
                <label class="select">
                  {self.label}
                  <select name={self.name} disabled={self.disabled}>
                    <option value="" disabled selected={self.selected is None}>
                      {self.placeholder}
                    </option>
                    {choices}
                  </select>
                </label>
            """)
        ''',
        stories=(
            StorySpec("Nothing chosen yet"),
            StorySpec(
                "Preselected plan",
                {
                    "name": "plan",
                    "label": "Plan",
                    "options": ("Free", "Team", "Enterprise"),
                    "selected": "Team",
                },
                checks=(
                    Check(
                        "selects_the_plan",
                        "The chosen option is selected.",
                        """'<option value="Team" selected>' in markup""",
                        "the Team option is not selected",
                    ),
                ),
            ),
            StorySpec(
                "Disabled",
                {
                    "name": "region",
                    "label": "Region",
                    "options": ("eu-west-1",),
                    "selected": "eu-west-1",
                    "disabled": True,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="checkbox",
        summary="A checkbox with a label, an optional description and a mixed state.",
        fields="""
            label: str = "I agree to the terms"
            name: str = "terms"
            checked: bool = False
            mixed: bool = False
            description: str | None = None
        """,
        render='''
            aria = {"checked": "mixed"} if self.mixed else {}
            help_id = f"{self.name}-help" if self.description else None
            note = t"<small id={help_id}>{self.description}</small>" if self.description else ""
            return html(t"""
                <div class="checkbox">
                  <input type="checkbox" id={self.name} name={self.name} checked={self.checked}
                    aria={aria} aria-describedby={help_id} />
                  <label for={self.name}>{self.label}</label>
                  {note}
                </div>
            """)
        ''',
        stories=(
            StorySpec("Unchecked"),
            StorySpec(
                "Checked, with a description",
                {
                    "label": "Email me about product updates",
                    "name": "updates",
                    "checked": True,
                    "description": "About once a month.",
                },
            ),
            StorySpec(
                "Mixed",
                {"label": "Select all files", "name": "all", "mixed": True},
                description="Some, but not all, of the files below are selected.",
                checks=(
                    Check(
                        "announces_mixed",
                        "The mixed state is exposed to assistive technology.",
                        """'aria-checked="mixed"' in markup""",
                        "expected aria-checked=mixed",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="radio_group",
        summary="A set of mutually exclusive options under a legend.",
        fields="""
            name: str = "size"
            legend: str = "Size"
            options: tuple[tuple[str, str], ...] = (("s", "Small"), ("m", "Medium"), ("l", "Large"))
            value: str = "m"
            inline: bool = True
        """,
        render='''
            radios = [
                t"""<label><input type="radio" name={self.name} value={key}
                    checked={key == self.value} /> {text}</label>"""
                for key, text in self.options
            ]
            classes = {"radio-group": True, "inline": self.inline}
            return html(t"""
                <fieldset class={classes}>
                  <legend>{self.legend}</legend>
                  {radios}
                </fieldset>
            """)
        ''',
        stories=(
            StorySpec("Sizes"),
            StorySpec(
                "Delivery speed",
                {
                    "name": "speed",
                    "legend": "Delivery",
                    "options": (("std", "Standard (3–5 days)"), ("exp", "Express (1–2 days)")),
                    "value": "exp",
                    "inline": False,
                },
            ),
            StorySpec(
                "Yes or no",
                {
                    "name": "first_order",
                    "legend": "Is this your first order?",
                    "options": (("yes", "Yes"), ("no", "No")),
                    "value": "no",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="switch",
        summary="An on/off toggle built on a button with role=switch.",
        fields="""
            label: str = "Dark mode"
            on: bool = False
            disabled: bool = False
            on_text: str = "On"
            off_text: str = "Off"
        """,
        render='''
            state = self.on_text if self.on else self.off_text
            checked = {"checked": self.on}
            return html(t"""
                <button type="button" role="switch" class="switch" aria={checked}
                  disabled={self.disabled}>
                  <span class="switch-label">{self.label}</span>
                  <span class="switch-state" aria-hidden="true">{state}</span>
                </button>
            """)
        ''',
        stories=(
            StorySpec("Off"),
            StorySpec("On", {"label": "Email notifications", "on": True}),
            StorySpec(
                "Disabled, custom wording",
                {
                    "label": "Beta features",
                    "on_text": "Enabled",
                    "off_text": "Disabled",
                    "disabled": True,
                },
                description="Locked by the workspace administrator.",
            ),
        ),
    ),
    ComponentSpec(
        module="range_slider",
        summary="A slider for picking a number within bounds, showing the current value.",
        fields="""
            name: str = "volume"
            label: str = "Volume"
            value: int = 50
            minimum: int = 0
            maximum: int = 100
            step: int = 1
            unit: str = "%"
        """,
        render='''
            return html(t"""
                <label class="range">
                  {self.label}
                  <input type="range" name={self.name} min={self.minimum} max={self.maximum}
                    step={self.step} value={self.value} />
                  <output>{self.value}{self.unit}</output>
                </label>
            """)
        ''',
        stories=(
            StorySpec("Volume"),
            StorySpec(
                "Price cap",
                {
                    "name": "max_price",
                    "label": "Maximum price",
                    "value": 250,
                    "maximum": 1000,
                    "step": 50,
                    "unit": " €",
                },
            ),
            StorySpec(
                "Minimum rating",
                {
                    "name": "stars",
                    "label": "Minimum rating",
                    "value": 4,
                    "minimum": 1,
                    "maximum": 5,
                    "unit": "★",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="date_input",
        summary="A native date (or date and time) picker with optional bounds.",
        fields="""
            name: str = "date"
            label: str = "Date"
            value: str = ""
            earliest: str | None = None
            latest: str | None = None
            with_time: bool = False
        """,
        render='''
            kind = "datetime-local" if self.with_time else "date"
            return html(t"""
                <label class="date-input">
                  {self.label}
                  <input type={kind} name={self.name} value={self.value or None}
                    min={self.earliest} max={self.latest} />
                </label>
            """)
        ''',
        stories=(
            StorySpec(
                "Date of birth", {"name": "dob", "label": "Date of birth", "latest": "2008-12-31"}
            ),
            StorySpec(
                "Check-in within the season",
                {
                    "name": "checkin",
                    "label": "Check-in",
                    "value": "2025-07-14",
                    "earliest": "2025-06-01",
                    "latest": "2025-09-30",
                },
            ),
            StorySpec(
                "Appointment",
                {
                    "name": "slot",
                    "label": "Appointment",
                    "value": "2025-03-03T09:30",
                    "with_time": True,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="file_input",
        summary="A file chooser that lists the files already picked.",
        fields="""
            name: str = "attachment"
            label: str = "Attach a file"
            accept: str | None = None
            multiple: bool = False
            files: tuple[str, ...] = ()
        """,
        render='''
            chosen = (
                t'<ul class="file-list">{[t"<li>{file}</li>" for file in self.files]}</ul>'
                if self.files
                else t'<p class="file-empty">No file chosen</p>'
            )
            return html(t"""
                <div class="file-input">
                  <label>{self.label}
                    <input type="file" name={self.name} accept={self.accept}
                      multiple={self.multiple} />
                  </label>
                  {chosen}
                </div>
            """)
        ''',
        stories=(
            StorySpec("Nothing chosen"),
            StorySpec(
                "Photos",
                {
                    "name": "photos",
                    "label": "Upload photos",
                    "accept": "image/*",
                    "multiple": True,
                    "files": ("beach.jpg", "sunset.png"),
                },
            ),
            StorySpec(
                "Résumé",
                {
                    "name": "cv",
                    "label": "Your CV (PDF)",
                    "accept": ".pdf",
                    "files": ("ada-lovelace-cv.pdf",),
                },
            ),
        ),
    ),
    ComponentSpec(
        module="color_picker",
        summary="A row of colour swatches that work like radio buttons.",
        fields="""
            name: str = "accent"
            label: str = "Accent colour"
            swatches: tuple[str, ...] = ("#e11d48", "#f59e0b", "#10b981", "#3b82f6")
            value: str = "#3b82f6"
        """,
        render='''
            choices = [
                t"""<label class="swatch" style="background: {colour}">
                    <input type="radio" name={self.name} value={colour}
                      checked={colour == self.value} aria-label={colour} />
                  </label>"""
                for colour in self.swatches
            ]
            return html(t"""
                <fieldset class="color-picker">
                  <legend>{self.label}</legend>
                  {choices}
                </fieldset>
            """)
        ''',
        stories=(
            StorySpec("Brand colours"),
            StorySpec(
                "Pastels",
                {
                    "name": "card_colour",
                    "label": "Card colour",
                    "swatches": ("#fde2e4", "#e2ece9", "#cddafd", "#fff1e6", "#dfe7fd"),
                    "value": "#e2ece9",
                },
            ),
            StorySpec(
                "Greys",
                {
                    "name": "text_colour",
                    "label": "Text colour",
                    "swatches": ("#111827", "#6b7280", "#d1d5db"),
                    "value": "#111827",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="search_input",
        summary="A search box in a search landmark, with optional suggestions.",
        fields="""
            placeholder: str = "Search…"
            query: str = ""
            suggestions: tuple[str, ...] = ()
            action: str = "/search"
        """,
        render='''
            options = [t"<option value={suggestion}></option>" for suggestion in self.suggestions]
            list_id = "search-suggestions" if self.suggestions else None
            datalist = t"<datalist id={list_id}>{options}</datalist>" if self.suggestions else ""
            return html(t"""
                <form role="search" class="search" action={self.action}>
                  <input type="search" name="q" value={self.query} placeholder={self.placeholder}
                    aria-label="Search" list={list_id} />
                  {datalist}
                  <button type="submit">Search</button>
                </form>
            """)
        ''',
        stories=(
            StorySpec("Empty"),
            StorySpec("With a query", {"query": "tdom components"}),
            StorySpec(
                "With suggestions",
                {
                    "placeholder": "Search recipes",
                    "suggestions": ("Ratatouille", "Risotto", "Ramen"),
                    "action": "/recipes",
                },
                checks=(
                    Check(
                        "offers_every_suggestion",
                        "Each suggestion becomes an option of the datalist.",
                        'markup.count("<option") == 3',
                        "expected three suggestions",
                    ),
                    Check(
                        "connects_the_list",
                        "The input points at the datalist.",
                        """'list="search-suggestions"' in markup""",
                        "the input is not connected to its suggestions",
                    ),
                ),
            ),
        ),
    ),
)

NAVIGATION = (
    ComponentSpec(
        module="breadcrumb",
        summary="The trail from the home page to the current page.",
        fields="""
            crumbs: tuple[tuple[str, str], ...] = (
                ("Home", "/"),
                ("Docs", "/docs"),
                ("Install", "/docs/install"),
            )
            separator: str = "/"
        """,
        render='''
            *parents, (current, _) = self.crumbs
            separator = t'<span aria-hidden="true">{self.separator}</span>'
            links = [t"<li><a href={href}>{text}</a>{separator}</li>" for text, href in parents]
            return html(t"""
                <nav aria-label="Breadcrumb" class="breadcrumb">
                  <ol>{links}<li aria-current="page">{current}</li></ol>
                </nav>
            """)
        ''',
        stories=(
            StorySpec(
                "Documentation",
                checks=(
                    Check(
                        "marks_the_current_page",
                        "The last crumb is the current page, not a link.",
                        """'<li aria-current="page">Install</li>' in markup""",
                        "the current page is not marked",
                    ),
                ),
            ),
            StorySpec(
                "Deep in the shop",
                {
                    "crumbs": (
                        ("Shop", "/shop"),
                        ("Shoes", "/shop/shoes"),
                        ("Running", "/shop/shoes/running"),
                        ("Pegasus 41", "/p/pegasus-41"),
                    ),
                    "separator": "›",
                },
            ),
            StorySpec("Top level", {"crumbs": (("Dashboard", "/"),)}),
        ),
    ),
    ComponentSpec(
        module="tabs",
        summary="A tab list that switches between panels, with roving tabindex.",
        fields="""
            labels: tuple[str, ...] = ("Overview", "Specs", "Reviews")
            active: int = 0
            panel: str = "Everything you need to know, at a glance."
        """,
        render='''
            tabs = []
            for index, label in enumerate(self.labels):
                is_active = index == self.active
                aria = {"selected": is_active, "controls": "tab-panel"}
                tabs.append(
                    t"""<button type="button" role="tab" aria={aria}
                        tabindex={0 if is_active else -1}>{label}</button>"""
                )
            current = self.labels[self.active]
            return html(t"""
                <div class="tabs">
                  <div role="tablist" aria-label="Sections">{tabs}</div>
                  <section id="tab-panel" role="tabpanel" aria-label={current}>
                    {self.panel}
                  </section>
                </div>
            """)
        ''',
        stories=(
            StorySpec("First tab"),
            StorySpec(
                "Reviews",
                {"active": 2, "panel": "4.6 out of 5 from 212 reviews."},
                checks=(
                    Check(
                        "selects_one_tab",
                        "Exactly one tab is selected.",
                        """markup.count('aria-selected="true"') == 1""",
                        "expected exactly one selected tab",
                    ),
                ),
            ),
            StorySpec(
                "Settings",
                {
                    "labels": ("Profile", "Security", "Billing", "Notifications"),
                    "active": 1,
                    "panel": "Two-factor authentication is on.",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="pagination",
        summary="Previous and next links around a window of page numbers.",
        fields="""
            page: int = 1
            total_pages: int = 10
            window: int = 2
            base_url: str = "?page="
        """,
        render='''
            first = max(1, self.page - self.window)
            last = min(self.total_pages, self.page + self.window)
            items = []
            for number in range(first, last + 1):
                current = "page" if number == self.page else None
                url = f"{self.base_url}{number}"
                items.append(t"<li><a href={url} aria-current={current}>{number}</a></li>")
            before = {"disabled": self.page <= 1}
            after = {"disabled": self.page >= self.total_pages}
            return html(t"""
                <nav class="pagination" aria-label="Pagination">
                  <a rel="prev" href="{self.base_url}{self.page - 1}" aria={before}>Previous</a>
                  <ol>{items}</ol>
                  <a rel="next" href="{self.base_url}{self.page + 1}" aria={after}>Next</a>
                </nav>
            """)
        ''',
        stories=(
            StorySpec(
                "First page",
                checks=(
                    Check(
                        "cannot_go_back",
                        "On page one, Previous is disabled.",
                        """'aria-disabled="true">Previous</a>' in markup""",
                        "Previous should be disabled on page one",
                    ),
                ),
            ),
            StorySpec("In the middle", {"page": 6, "total_pages": 12}),
            StorySpec(
                "Last page of the blog",
                {"page": 24, "total_pages": 24, "window": 1, "base_url": "/blog/page/"},
            ),
        ),
    ),
    ComponentSpec(
        module="navbar",
        summary="The site header: brand, main links and the account entry point.",
        fields="""
            brand: str = "Acme"
            links: tuple[str, ...] = ("Products", "Pricing", "Docs", "Blog")
            active: str | None = None
            signed_in: bool = False
        """,
        render='''
            items = []
            for link in self.links:
                current = "page" if link == self.active else None
                href = "/" + link.lower()
                items.append(t"<li><a href={href} aria-current={current}>{link}</a></li>")
            account = (
                t'<a class="avatar-link" href="/account">My account</a>'
                if self.signed_in
                else t'<a class="btn" href="/login">Sign in</a>'
            )
            return html(t"""
                <header class="navbar">
                  <a class="brand" href="/">{self.brand}</a>
                  <nav aria-label="Main"><ul>{items}</ul></nav>
                  {account}
                </header>
            """)
        ''',
        stories=(
            StorySpec("Signed out"),
            StorySpec("On the pricing page", {"active": "Pricing"}),
            StorySpec(
                "Signed in",
                {
                    "brand": "Northwind",
                    "links": ("Orders", "Customers", "Reports"),
                    "active": "Orders",
                    "signed_in": True,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="sidebar_menu",
        summary="Grouped navigation links for an app's side column.",
        fields="""
            groups: tuple[tuple[str, tuple[str, ...]], ...] = (
                ("Mail", ("Inbox", "Drafts", "Sent")),
                ("Labels", ("Work", "Family")),
            )
            current: str = "Inbox"
            collapsed: bool = False
        """,
        render="""
            blocks = []
            for heading, entries in self.groups:
                links = []
                for entry in entries:
                    current = "page" if entry == self.current else None
                    anchor = f"#{entry.lower()}"
                    links.append(t"<li><a href={anchor} aria-current={current}>{entry}</a></li>")
                blocks.append(t"<h3>{heading}</h3><ul>{links}</ul>")
            classes = {"sidebar": True, "collapsed": self.collapsed}
            return html(t'<aside class={classes}><nav aria-label="Sidebar">{blocks}</nav></aside>')
        """,
        stories=(
            StorySpec("Mail"),
            StorySpec(
                "Settings",
                {
                    "groups": (
                        ("Account", ("Profile", "Password", "Sessions")),
                        ("Team", ("Members", "Invitations", "Billing")),
                    ),
                    "current": "Members",
                },
            ),
            StorySpec("Collapsed", {"current": "Drafts", "collapsed": True}),
        ),
    ),
    ComponentSpec(
        module="stepper",
        summary="Numbered steps of a wizard, with finished steps ticked off.",
        fields="""
            steps: tuple[str, ...] = ("Account", "Profile", "Confirm")
            current: int = 0
        """,
        render="""
            items = []
            for index, step in enumerate(self.steps):
                if index < self.current:
                    state, marker = "done", "✓"
                elif index == self.current:
                    state, marker = "current", str(index + 1)
                else:
                    state, marker = "todo", str(index + 1)
                here = "step" if state == "current" else None
                label = f"{marker} {step}"
                items.append(t'<li class="step step-{state}" aria-current={here}>{label}</li>')
            return html(t'<ol class="stepper" aria-label="Progress">{items}</ol>')
        """,
        stories=(
            StorySpec("Just started"),
            StorySpec("Halfway", {"current": 1}),
            StorySpec(
                "Onboarding",
                {
                    "steps": ("Welcome", "Connect repo", "Invite team", "Deploy", "Celebrate"),
                    "current": 3,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="dropdown_menu",
        summary="A disclosure menu of actions, built on details and summary.",
        fields="""
            label: str = "Options"
            items: tuple[str, ...] = ("Edit", "Duplicate", "Archive")
            danger_item: str | None = "Delete"
            expanded: bool = False
        """,
        render='''
            entries = [t'<li><button role="menuitem">{item}</button></li>' for item in self.items]
            danger = (
                t'<li><button class="danger" role="menuitem">{self.danger_item}</button></li>'
                if self.danger_item
                else ""
            )
            return html(t"""
                <details class="dropdown" open={self.expanded}>
                  <summary aria-haspopup="menu">{self.label}</summary>
                  <ul role="menu">{entries}{danger}</ul>
                </details>
            """)
        ''',
        stories=(
            StorySpec("Closed"),
            StorySpec("Open", {"expanded": True}),
            StorySpec(
                "Sort order",
                {
                    "label": "Sort by",
                    "items": ("Newest", "Oldest", "Most popular"),
                    "danger_item": None,
                    "expanded": True,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="link_list",
        summary="A headed column of links, as in a site footer.",
        fields="""
            heading: str = "Company"
            links: tuple[tuple[str, str], ...] = (
                ("About", "/about"),
                ("Careers", "/careers"),
                ("Press", "/press"),
            )
            external: bool = False
        """,
        render="""
            rel = "noopener" if self.external else None
            target = "_blank" if self.external else None
            items = [
                t"<li><a href={href} rel={rel} target={target}>{text}</a></li>"
                for text, href in self.links
            ]
            return html(t'<div class="link-list"><h4>{self.heading}</h4><ul>{items}</ul></div>')
        """,
        stories=(
            StorySpec("Company"),
            StorySpec(
                "Resources",
                {
                    "heading": "Resources",
                    "links": (
                        ("Docs", "/docs"),
                        ("API reference", "/api"),
                        ("Status", "/status"),
                        ("Changelog", "/changelog"),
                    ),
                },
            ),
            StorySpec(
                "External links",
                {
                    "heading": "Follow us",
                    "links": (
                        ("Mastodon", "https://mastodon.social/@acme"),
                        ("GitHub", "https://github.com/acme"),
                    ),
                    "external": True,
                },
                description="Links leaving the site open in a new tab.",
            ),
        ),
    ),
    ComponentSpec(
        module="skip_link",
        summary="A link for keyboard users to jump past the navigation.",
        fields="""
            target: str = "main"
            text: str = "Skip to main content"
            visible: bool = False
        """,
        render="""
            classes = {"skip-link": True, "always-visible": self.visible}
            return html(t'<a class={classes} href="#{self.target}">{self.text}</a>')
        """,
        stories=(
            StorySpec("To the main content"),
            StorySpec("To the search", {"target": "search", "text": "Skip to search"}),
            StorySpec(
                "Always visible",
                {"text": "Jump to content", "visible": True},
                description="Normally the link only appears when it receives focus.",
            ),
        ),
    ),
    ComponentSpec(
        module="table_of_contents",
        summary="Links to the headings of a long page, indented by level.",
        fields="""
            title: str = "On this page"
            entries: tuple[tuple[int, str], ...] = (
                (2, "Installation"),
                (2, "Usage"),
                (3, "Options"),
                (2, "FAQ"),
            )
            active: str | None = None
        """,
        render='''
            items = []
            for level, text in self.entries:
                slug = text.lower().replace(" ", "-")
                current = "location" if text == self.active else None
                link = t'<a href="#{slug}" aria-current={current}>{text}</a>'
                items.append(t'<li class="toc-h{level}">{link}</li>')
            return html(t"""
                <nav class="toc" aria-label={self.title}>
                  <h2>{self.title}</h2>
                  <ol>{items}</ol>
                </nav>
            """)
        ''',
        stories=(
            StorySpec("Documentation page"),
            StorySpec("Reading the usage section", {"active": "Usage"}),
            StorySpec(
                "Long article",
                {
                    "title": "Contents",
                    "entries": (
                        (2, "Background"),
                        (2, "Method"),
                        (3, "Data collection"),
                        (3, "Analysis"),
                        (2, "Results"),
                        (2, "Conclusion"),
                    ),
                },
            ),
        ),
    ),
)

FEEDBACK = (
    ComponentSpec(
        module="alert",
        summary="A prominent message box; errors and warnings are announced at once.",
        fields="""
            message: str = "Your changes have been saved."
            tone: str = "info"
            title: str | None = None
            dismissible: bool = False
        """,
        render='''
            role = "alert" if self.tone in {"error", "warning"} else "status"
            heading = t"<strong>{self.title}</strong>" if self.title else ""
            close = (
                t'<button type="button" class="close" aria-label="Dismiss">×</button>'
                if self.dismissible
                else ""
            )
            return html(t"""
                <div class="alert alert-{self.tone}" role={role}>
                  {heading}
                  <p>{self.message}</p>
                  {close}
                </div>
            """)
        ''',
        stories=(
            StorySpec(
                "Saved",
                checks=(
                    Check(
                        "is_polite",
                        "Information waits for the screen reader to finish.",
                        """'role="status"' in markup""",
                        "expected role=status",
                    ),
                ),
            ),
            StorySpec(
                "Upload failed",
                {
                    "tone": "error",
                    "title": "Upload failed",
                    "message": "The file is larger than 25 MB.",
                },
                checks=(
                    Check(
                        "interrupts",
                        "Errors are announced immediately.",
                        """'role="alert"' in markup""",
                        "expected role=alert",
                    ),
                ),
            ),
            StorySpec(
                "Dismissible",
                {
                    "tone": "success",
                    "message": "Invitation sent to grace@example.com.",
                    "dismissible": True,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="toast",
        summary="A brief, self-dismissing notification with an optional action.",
        fields="""
            message: str = "Message sent"
            action: str | None = "Undo"
            duration_ms: int = 5000
            position: str = "bottom-right"
        """,
        render='''
            action = (
                t'<button type="button" class="toast-action">{self.action}</button>'
                if self.action
                else ""
            )
            return html(t"""
                <div class="toast toast-{self.position}" role="status" aria-live="polite"
                  data-duration={self.duration_ms}>
                  <span>{self.message}</span>
                  {action}
                </div>
            """)
        ''',
        stories=(
            StorySpec("With undo"),
            StorySpec(
                "Copied",
                {"message": "Copied to clipboard", "action": None, "duration_ms": 2000},
            ),
            StorySpec(
                "Offline",
                {
                    "message": "You are offline. Changes will sync later.",
                    "action": "Retry",
                    "position": "top-center",
                    "duration_ms": 0,
                },
                description="A duration of zero keeps the toast until it is dismissed.",
            ),
        ),
    ),
    ComponentSpec(
        module="progress_bar",
        summary="A labelled progress bar with an optional percentage.",
        fields="""
            value: float = 40
            maximum: float = 100
            label: str = "Uploading"
            show_percent: bool = True
        """,
        render='''
            percent = round(100 * self.value / self.maximum)
            text = t'<span class="progress-percent">{percent}%</span>' if self.show_percent else ""
            return html(t"""
                <div class="progress">
                  <label>{self.label}
                    <progress value={self.value} max={self.maximum}>{percent}%</progress>
                  </label>
                  {text}
                </div>
            """)
        ''',
        stories=(
            StorySpec(
                "Uploading",
                checks=(
                    Check(
                        "shows_the_percentage",
                        "The percentage is written out.",
                        '"40%</span>" in markup',
                        "expected 40% next to the bar",
                    ),
                ),
            ),
            StorySpec("Almost done", {"value": 97, "label": "Installing dependencies"}),
            StorySpec(
                "Steps, no percentage",
                {"value": 3, "maximum": 8, "label": "Step 3 of 8", "show_percent": False},
            ),
        ),
    ),
    ComponentSpec(
        module="spinner",
        summary="An animated loading indicator with a hidden text label.",
        fields="""
            label: str = "Loading"
            size: str = "md"
            inline: bool = False
        """,
        render='''
            classes = {"spinner": True, f"spinner-{self.size}": True, "spinner-inline": self.inline}
            return html(t"""
                <span class={classes} role="status">
                  <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                    <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor"
                      stroke-width="3" />
                  </svg>
                  <span class="visually-hidden">{self.label}</span>
                </span>
            """)
        ''',
        stories=(
            StorySpec("Default"),
            StorySpec("Small, inline", {"label": "Saving", "size": "sm", "inline": True}),
            StorySpec("Large", {"label": "Preparing your report", "size": "lg"}),
        ),
    ),
    ComponentSpec(
        module="skeleton",
        summary="Grey placeholder shapes shown while content loads.",
        fields="""
            lines: int = 3
            avatar: bool = False
            animated: bool = True
        """,
        render='''
            widths = (100, 92, 76, 88, 60)
            bars = [
                t'<span class="skeleton-line" style="width: {widths[i % len(widths)]}%"></span>'
                for i in range(self.lines)
            ]
            avatar = t'<span class="skeleton-avatar"></span>' if self.avatar else ""
            classes = {"skeleton": True, "animated": self.animated}
            return html(t"""
                <div class={classes} aria-busy="true" aria-label="Loading">{avatar}{bars}</div>
            """)
        ''',
        stories=(
            StorySpec("Paragraph"),
            StorySpec("Profile", {"lines": 2, "avatar": True}),
            StorySpec(
                "Static",
                {"lines": 5, "animated": False},
                description="For people who prefer reduced motion.",
            ),
        ),
    ),
    ComponentSpec(
        module="empty_state",
        summary="What to show when there is nothing to show, and what to do next.",
        fields="""
            icon: str = "📭"
            title: str = "No messages yet"
            body: str = "When someone writes to you, it will show up here."
            action: str | None = None
        """,
        render='''
            button = t'<a class="btn" href="#">{self.action}</a>' if self.action else ""
            return html(t"""
                <div class="empty-state">
                  <div class="empty-icon" aria-hidden="true">{self.icon}</div>
                  <h3>{self.title}</h3>
                  <p>{self.body}</p>
                  {button}
                </div>
            """)
        ''',
        stories=(
            StorySpec("Empty inbox"),
            StorySpec(
                "First project",
                {
                    "icon": "🗂",
                    "title": "Create your first project",
                    "body": "Projects keep your files, tasks and people together.",
                    "action": "New project",
                },
            ),
            StorySpec(
                "No search results",
                {
                    "icon": "🔍",
                    "title": "No results for “quantum toaster”",
                    "body": "Check the spelling or try a broader term.",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="banner",
        summary="A full-width announcement strip at the top of the page.",
        fields="""
            text: str = "We've updated our privacy policy."
            link_text: str | None = "Read what changed"
            href: str = "/privacy"
            tone: str = "neutral"
        """,
        render='''
            link = t"<a href={self.href}>{self.link_text}</a>" if self.link_text else ""
            return html(t"""
                <div class="banner banner-{self.tone}" role="region" aria-label="Announcement">
                  <p>{self.text} {link}</p>
                </div>
            """)
        ''',
        stories=(
            StorySpec("Policy update"),
            StorySpec(
                "Maintenance",
                {
                    "text": "Scheduled maintenance on Sunday, 02:00–04:00 UTC.",
                    "link_text": None,
                    "tone": "warning",
                },
            ),
            StorySpec(
                "Launch",
                {
                    "text": "Version 2.0 is here 🎉",
                    "link_text": "See what's new",
                    "href": "/blog/v2",
                    "tone": "brand",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="inline_message",
        summary="A one-line validation message under a form field.",
        fields="""
            text: str = "Looks good!"
            kind: str = "success"
            field_id: str | None = None
        """,
        render='''
            icons = {"success": "✔", "error": "✖", "warning": "!"}
            message_id = f"{self.field_id}-message" if self.field_id else None
            return html(t"""
                <p class="inline-message inline-{self.kind}" id={message_id}>
                  <span aria-hidden="true">{icons.get(self.kind, "•")}</span> {self.text}
                </p>
            """)
        ''',
        stories=(
            StorySpec("Success"),
            StorySpec(
                "Username taken",
                {"text": "That username is taken.", "kind": "error", "field_id": "username"},
            ),
            StorySpec("Caps Lock", {"text": "Caps Lock is on.", "kind": "warning"}),
        ),
    ),
    ComponentSpec(
        module="status_dot",
        summary="A coloured dot and a word for someone's availability.",
        fields="""
            status: str = "online"
            label: str | None = None
        """,
        render='''
            text = self.label or self.status.capitalize()
            return html(t"""
                <span class="status status-{self.status}">
                  <span class="dot" aria-hidden="true"></span>{text}
                </span>
            """)
        ''',
        stories=(
            StorySpec("Online"),
            StorySpec("Away, with a note", {"status": "away", "label": "In a meeting"}),
            StorySpec("Offline", {"status": "offline"}),
        ),
    ),
    ComponentSpec(
        module="meter",
        summary="A gauge for a measurement within a known range, like disk usage.",
        fields="""
            label: str = "Disk usage"
            value: float = 0.42
            low: float = 0.5
            high: float = 0.8
            optimum: float = 0.2
        """,
        render='''
            percent = f"{self.value:.0%}"
            return html(t"""
                <div class="meter">
                  <label>{self.label}
                    <meter value={self.value} low={self.low} high={self.high}
                      optimum={self.optimum}>
                      {percent}
                    </meter>
                  </label>
                  <span>{percent}</span>
                </div>
            """)
        ''',
        stories=(
            StorySpec(
                "Disk usage",
                checks=(
                    Check(
                        "passes_the_value",
                        "The meter gets the raw value; the text shows a percentage.",
                        """'value="0.42"' in markup and "42%" in markup""",
                        "expected value=0.42 and 42%",
                    ),
                ),
            ),
            StorySpec("Nearly full", {"label": "Storage", "value": 0.93}),
            StorySpec(
                "Battery",
                {"label": "Battery", "value": 0.15, "low": 0.2, "high": 0.6, "optimum": 1.0},
                description="Here higher is better, so the optimum is at the top.",
            ),
        ),
    ),
)

DATA_DISPLAY = (
    ComponentSpec(
        module="table",
        summary="A captioned data table with header cells and an empty state.",
        fields="""
            caption: str = "Team members"
            columns: tuple[str, ...] = ("Name", "Role", "Location")
            rows: tuple[tuple[str, ...], ...] = (
                ("Ada Lovelace", "Engineer", "London"),
                ("Grace Hopper", "Admiral", "Arlington"),
            )
            striped: bool = True
        """,
        render='''
            head = [t'<th scope="col">{column}</th>' for column in self.columns]
            body = [t"<tr>{[t'<td>{cell}</td>' for cell in row]}</tr>" for row in self.rows]
            if not self.rows:
                body = [t"<tr><td colspan={len(self.columns)}>Nothing to show</td></tr>"]
            classes = {"table": True, "table-striped": self.striped}
            return html(t"""
                <table class={classes}>
                  <caption>{self.caption}</caption>
                  <thead><tr>{head}</tr></thead>
                  <tbody>{body}</tbody>
                </table>
            """)
        ''',
        stories=(
            StorySpec("Team"),
            StorySpec(
                "Invoices",
                {
                    "caption": "Invoices",
                    "columns": ("Number", "Date", "Amount", "Status"),
                    "rows": (
                        ("INV-001", "2025-01-03", "€1,200.00", "Paid"),
                        ("INV-002", "2025-02-03", "€980.00", "Overdue"),
                        ("INV-003", "2025-03-03", "€1,450.00", "Draft"),
                    ),
                    "striped": False,
                },
                checks=(
                    Check(
                        "has_a_row_per_invoice",
                        "One header row plus one row per invoice.",
                        'markup.count("<tr>") == 4',
                        "expected 4 rows",
                    ),
                    Check(
                        "scopes_the_headers",
                        "Header cells are scoped to their columns.",
                        """'<th scope="col">Amount</th>' in markup""",
                        "the Amount header is missing its scope",
                    ),
                ),
            ),
            StorySpec(
                "Empty",
                {"caption": "Search results", "rows": ()},
                checks=(
                    Check(
                        "spans_every_column",
                        "The empty message spans the whole table.",
                        """'colspan="3"' in markup""",
                        "the empty row should span all three columns",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="stat",
        summary="A key figure with its change since the last period.",
        fields="""
            label: str = "Monthly revenue"
            value: str = "€48,200"
            delta: float | None = 12.5
            period: str = "vs last month"
        """,
        render='''
            change = ""
            if self.delta is not None:
                direction, arrow = ("up", "▲") if self.delta >= 0 else ("down", "▼")
                text = f"{arrow} {abs(self.delta):g}% {self.period}"
                change = t'<p class="delta delta-{direction}">{text}</p>'
            return html(t"""
                <div class="stat">
                  <p class="stat-label">{self.label}</p>
                  <p class="stat-value">{self.value}</p>
                  {change}
                </div>
            """)
        ''',
        stories=(
            StorySpec("Revenue up"),
            StorySpec("Churn down", {"label": "Churn", "value": "2.1%", "delta": -0.4}),
            StorySpec("No comparison", {"label": "Active users", "value": "12,408", "delta": None}),
        ),
    ),
    ComponentSpec(
        module="badge",
        summary="A small label for a status or a count.",
        fields="""
            text: str = "New"
            tone: str = "neutral"
            pill: bool = False
            count: int | None = None
        """,
        render="""
            classes = {"badge": True, f"badge-{self.tone}": True, "badge-pill": self.pill}
            count = t' <span class="badge-count">{self.count}</span>'
            number = count if self.count is not None else ""
            return html(t"<span class={classes}>{self.text}{number}</span>")
        """,
        stories=(
            StorySpec("New"),
            StorySpec("Paid", {"text": "Paid", "tone": "success", "pill": True}),
            StorySpec("With a count", {"text": "Inbox", "tone": "info", "count": 24}),
        ),
    ),
    ComponentSpec(
        module="tag_list",
        summary="A row of tags, optionally removable one by one.",
        fields="""
            tags: tuple[str, ...] = ("python", "html", "templates")
            removable: bool = False
            label: str = "Tags"
        """,
        render="""
            items = []
            for tag in self.tags:
                remove = (
                    t'<button type="button" aria-label="Remove {tag}">×</button>'
                    if self.removable
                    else ""
                )
                items.append(t'<li class="tag">{tag}{remove}</li>')
            return html(t'<ul class="tag-list" aria-label={self.label}>{items}</ul>')
        """,
        stories=(
            StorySpec("Topics"),
            StorySpec(
                "Removable",
                {"tags": ("urgent", "backend", "needs review"), "removable": True},
                description="Each tag has its own remove button, named after the tag.",
            ),
            StorySpec(
                "Many skills",
                {
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
        ),
    ),
    ComponentSpec(
        module="description_list",
        summary="Term and value pairs, side by side or stacked.",
        fields="""
            items: tuple[tuple[str, str], ...] = (
                ("Status", "Active"),
                ("Plan", "Team"),
                ("Renews", "1 March 2026"),
            )
            horizontal: bool = True
        """,
        render="""
            pairs = [t"<div><dt>{term}</dt><dd>{detail}</dd></div>" for term, detail in self.items]
            classes = {"description-list": True, "horizontal": self.horizontal}
            return html(t"<dl class={classes}>{pairs}</dl>")
        """,
        stories=(
            StorySpec("Subscription"),
            StorySpec(
                "Server details",
                {
                    "items": (
                        ("Hostname", "web-01.eu"),
                        ("IP address", "10.0.4.17"),
                        ("OS", "Debian 13"),
                        ("Uptime", "41 days"),
                    ),
                    "horizontal": False,
                },
            ),
            StorySpec("A single pair", {"items": (("Author", "Mary Shelley"),)}),
        ),
    ),
    ComponentSpec(
        module="timeline",
        summary="Events in order, each with its time.",
        fields="""
            events: tuple[tuple[str, str], ...] = (
                ("09:12", "Order placed"),
                ("09:15", "Payment confirmed"),
                ("11:40", "Shipped"),
            )
            newest_first: bool = False
        """,
        render="""
            events = reversed(self.events) if self.newest_first else iter(self.events)
            items = [t"<li><time>{when}</time> <p>{what}</p></li>" for when, what in events]
            return html(t'<ol class="timeline" reversed={self.newest_first}>{items}</ol>')
        """,
        stories=(
            StorySpec("Order history"),
            StorySpec("Newest first", {"newest_first": True}),
            StorySpec(
                "Company milestones",
                {
                    "events": (
                        ("2019", "Founded in a garage"),
                        ("2021", "First 1,000 customers"),
                        ("2023", "Series A"),
                        ("2025", "Profitable"),
                    ),
                },
            ),
        ),
    ),
    ComponentSpec(
        module="avatar",
        summary="A person's photo, or their initials when there is no photo.",
        fields="""
            name: str = "Ada Lovelace"
            image: str | None = None
            size: int = 40
            status: str | None = None
        """,
        render='''
            initials = "".join(part[0] for part in self.name.split()[:2]).upper()
            face = (
                t'<img src={self.image} alt="" width={self.size} height={self.size} />'
                if self.image
                else t'<span class="initials" aria-hidden="true">{initials}</span>'
            )
            dot = t'<span class="presence presence-{self.status}"></span>' if self.status else ""
            return html(t"""
                <span class="avatar" role="img" aria-label={self.name}
                  style="--size: {self.size}px">
                  {face}{dot}
                </span>
            """)
        ''',
        stories=(
            StorySpec(
                "Initials",
                checks=(
                    Check(
                        "shows_initials",
                        "Without a photo, the initials stand in.",
                        '">AL</span>" in markup',
                        "expected the initials AL",
                    ),
                    Check(
                        "is_named",
                        "The avatar is announced by the person's name.",
                        """'aria-label="Ada Lovelace"' in markup""",
                        "the avatar has no accessible name",
                    ),
                ),
            ),
            StorySpec(
                "Photo",
                {"name": "Grace Hopper", "image": "https://i.pravatar.cc/128?u=grace", "size": 64},
            ),
            StorySpec("Small, online", {"name": "Alan Turing", "size": 24, "status": "online"}),
        ),
    ),
    ComponentSpec(
        module="avatar_stack",
        summary="Overlapping initials for a group of people, with a count of the rest.",
        fields="""
            names: tuple[str, ...] = ("Ada Lovelace", "Grace Hopper", "Alan Turing")
            max_visible: int = 3
        """,
        render='''
            shown = self.names[: self.max_visible]
            hidden = len(self.names) - len(shown)
            faces = []
            for name in shown:
                initials = "".join(part[0] for part in name.split()[:2])
                faces.append(t"<li title={name}>{initials}</li>")
            more = t'<li class="more">+{hidden}</li>' if hidden else ""
            return html(t"""
                <ul class="avatar-stack" aria-label="{len(self.names)} people">{faces}{more}</ul>
            """)
        ''',
        stories=(
            StorySpec("Three people"),
            StorySpec(
                "More than fit",
                {
                    "names": (
                        "Ada Lovelace",
                        "Grace Hopper",
                        "Alan Turing",
                        "Katherine Johnson",
                        "Edsger Dijkstra",
                        "Barbara Liskov",
                    ),
                    "max_visible": 4,
                },
                checks=(
                    Check(
                        "counts_the_rest",
                        "People who do not fit are counted.",
                        '">+2</li>" in markup',
                        "expected +2 for the two hidden people",
                    ),
                ),
            ),
            StorySpec("Just one", {"names": ("Linus Torvalds",)}),
        ),
    ),
    ComponentSpec(
        module="code_block",
        summary="A block of source code, optionally titled with its file name.",
        fields="""
            lines: tuple[str, ...] = ("print('hello, world')",)
            language: str = "python"
            filename: str | None = None
        """,
        render=r'''
            caption = t"<figcaption>{self.filename}</figcaption>" if self.filename else ""
            source = "\n".join(self.lines)
            return html(t"""
                <figure class="code-block">
                  {caption}
                  <pre><code class="language-{self.language}">{source}</code></pre>
                </figure>
            """)
        ''',
        stories=(
            StorySpec("Hello, world"),
            StorySpec(
                "A Python file",
                {
                    "lines": ("def greet(name: str) -> str:", '    return f"Hello, {name}!"'),
                    "filename": "greet.py",
                },
            ),
            StorySpec(
                "HTML is shown, not rendered",
                {"lines": ('<button class="btn">Save</button>',), "language": "html"},
                checks=(
                    Check(
                        "escapes_the_code",
                        "Markup inside the code block is escaped.",
                        '"&lt;button" in markup and "<button" not in markup',
                        "the code was rendered as HTML",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="sparkline",
        summary="A tiny line chart of a series of numbers, drawn in SVG.",
        fields="""
            values: tuple[float, ...] = (3, 5, 4, 8, 6, 9, 7)
            width: int = 120
            height: int = 32
            label: str = "Weekly signups"
        """,
        render='''
            low, high = min(self.values), max(self.values)
            spread = (high - low) or 1
            step = self.width / max(len(self.values) - 1, 1)
            points = " ".join(
                f"{index * step:.1f},{self.height - (value - low) / spread * self.height:.1f}"
                for index, value in enumerate(self.values)
            )
            return html(t"""
                <svg class="sparkline" role="img" aria-label={self.label} width={self.width}
                  height={self.height} viewBox="0 0 {self.width} {self.height}">
                  <polyline points={points} fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
            """)
        ''',
        stories=(
            StorySpec("Weekly signups"),
            StorySpec("Flat", {"values": (5, 5, 5, 5), "label": "Error rate"}),
            StorySpec(
                "Wide",
                {
                    "values": (12, 9, 14, 20, 18, 25, 31, 28, 35),
                    "width": 240,
                    "height": 48,
                    "label": "Revenue, last 9 months",
                },
            ),
        ),
    ),
)

LAYOUT = (
    ComponentSpec(
        module="card",
        summary="A box for one item: an optional image, a title (or link), text and a footer.",
        fields="""
            title: str = "Getting started"
            body: str = "Install the package and create your first catalog in minutes."
            image: str | None = None
            footer: str | None = None
            href: str | None = None
        """,
        render='''
            media = t'<img class="card-media" src={self.image} alt="" />' if self.image else ""
            heading = t"<a href={self.href}>{self.title}</a>" if self.href else self.title
            footer = t'<footer class="card-footer">{self.footer}</footer>' if self.footer else ""
            return html(t"""
                <article class="card">
                  {media}
                  <h3 class="card-title">{heading}</h3>
                  <p>{self.body}</p>
                  {footer}
                </article>
            """)
        ''',
        stories=(
            StorySpec("Text only"),
            StorySpec(
                "With an image and a link",
                {
                    "title": "Lisbon in spring",
                    "body": "Tiled streets, custard tarts and golden light.",
                    "image": "https://picsum.photos/seed/lisbon/400/200",
                    "href": "/travel/lisbon",
                },
                checks=(
                    Check(
                        "links_the_title",
                        "The title becomes a link.",
                        """'<a href="/travel/lisbon">Lisbon in spring</a>' in markup""",
                        "the title is not linked",
                    ),
                ),
            ),
            StorySpec(
                "With a footer",
                {
                    "title": "Pro plan",
                    "body": "Everything in Team, plus SSO and audit logs.",
                    "footer": "€49 per month",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="grid",
        summary="Equal-width columns that wrap their children into rows.",
        fields="""
            columns: int = 3
            gap: str = "1rem"
            items: tuple[str, ...] = ("One", "Two", "Three", "Four", "Five", "Six")
        """,
        render="""
            columns = f"repeat({self.columns}, 1fr)"
            style = f"display: grid; grid-template-columns: {columns}; gap: {self.gap}"
            cells = [t'<div class="grid-cell">{item}</div>' for item in self.items]
            return html(t'<div class="grid" style={style}>{cells}</div>')
        """,
        stories=(
            StorySpec(
                "Three columns",
                checks=(
                    Check(
                        "uses_three_columns",
                        "The column count ends up in the grid template.",
                        '"repeat(3, 1fr)" in markup',
                        "expected three columns",
                    ),
                ),
            ),
            StorySpec(
                "Two columns, wide gap",
                {
                    "columns": 2,
                    "gap": "2rem",
                    "items": ("Left", "Right", "Left again", "Right again"),
                },
            ),
            StorySpec(
                "Fruit gallery",
                {
                    "columns": 4,
                    "gap": "4px",
                    "items": ("🍎", "🍐", "🍊", "🍋", "🍌", "🍉", "🍇", "🍓"),
                },
            ),
        ),
    ),
    ComponentSpec(
        module="stack",
        summary="Children in a row or a column with even spacing.",
        fields="""
            direction: str = "vertical"
            gap: int = 8
            align: str = "stretch"
            items: tuple[str, ...] = ("First", "Second", "Third")
            divided: bool = False
        """,
        render="""
            style = {
                "display": "flex",
                "flex-direction": "column" if self.direction == "vertical" else "row",
                "gap": f"{self.gap}px",
                "align-items": self.align,
            }
            classes = {"stack": True, "stack-divided": self.divided}
            children = [t"<div>{item}</div>" for item in self.items]
            return html(t"<div class={classes} style={style}>{children}</div>")
        """,
        stories=(
            StorySpec("Vertical"),
            StorySpec(
                "Horizontal, centred",
                {
                    "direction": "horizontal",
                    "gap": 16,
                    "align": "center",
                    "items": ("Logo", "Search", "Account"),
                },
            ),
            StorySpec(
                "Divided list",
                {"items": ("Inbox", "Starred", "Sent", "Trash"), "gap": 0, "divided": True},
            ),
        ),
    ),
    ComponentSpec(
        module="container",
        summary="Centres content and caps its width for comfortable reading.",
        fields="""
            max_width: str = "72rem"
            padding: str = "1.5rem"
            content: str = "Page content goes here."
            centered: bool = True
        """,
        render="""
            style = {"max-width": self.max_width, "padding-inline": self.padding}
            if self.centered:
                style["margin-inline"] = "auto"
            return html(t'<div class="container" style={style}><p>{self.content}</p></div>')
        """,
        stories=(
            StorySpec("Default"),
            StorySpec(
                "Narrow measure",
                {"max_width": "40rem", "content": "A comfortable measure for long-form reading."},
            ),
            StorySpec(
                "Full bleed",
                {
                    "max_width": "none",
                    "padding": "0",
                    "centered": False,
                    "content": "Edge to edge.",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="split_pane",
        summary="A sidebar and a main area side by side, the sidebar on either side.",
        fields="""
            sidebar: str = "Navigation"
            main: str = "Content"
            sidebar_width: int = 30
            sidebar_side: str = "left"
        """,
        render='''
            aside = t'<aside class="pane">{self.sidebar}</aside>'
            main = t'<main class="pane">{self.main}</main>'
            if self.sidebar_side == "left":
                columns, panes = f"{self.sidebar_width}% 1fr", [aside, main]
            else:
                columns, panes = f"1fr {self.sidebar_width}%", [main, aside]
            return html(t"""
                <div class="split" style="display: grid; grid-template-columns: {columns}">
                  {panes}
                </div>
            """)
        ''',
        stories=(
            StorySpec("Sidebar on the left"),
            StorySpec(
                "Sidebar on the right",
                {
                    "sidebar": "Table of contents",
                    "main": "Article",
                    "sidebar_width": 25,
                    "sidebar_side": "right",
                },
            ),
            StorySpec(
                "Wide filters", {"sidebar": "Filters", "main": "Results", "sidebar_width": 40}
            ),
        ),
    ),
    ComponentSpec(
        module="divider",
        summary="A separator line, optionally labelled or vertical.",
        fields="""
            label: str | None = None
            vertical: bool = False
        """,
        render='''
            orientation = "vertical" if self.vertical else "horizontal"
            if self.label:
                return html(t"""
                    <div class="divider labelled" role="separator" aria-orientation={orientation}>
                      <span>{self.label}</span>
                    </div>
                """)
            return html(t'<hr class="divider" aria-orientation={orientation} />')
        ''',
        stories=(
            StorySpec("Plain"),
            StorySpec(
                "Labelled",
                {"label": "or"},
                description="Between two alternative ways to sign in.",
            ),
            StorySpec("Vertical", {"vertical": True}),
        ),
    ),
    ComponentSpec(
        module="hero",
        summary="The big opening section of a landing page, with one call to action.",
        fields="""
            headline: str = "Build interfaces, one story at a time"
            subhead: str = "A component catalog for Python templates."
            cta: str = "Get started"
            cta_href: str = "/docs"
            background: str | None = None
            align: str = "center"
        """,
        render='''
            style = {"text-align": self.align}
            if self.background:
                style["background-image"] = f"url({self.background})"
            return html(t"""
                <section class="hero" style={style}>
                  <h1>{self.headline}</h1>
                  <p class="lead">{self.subhead}</p>
                  <a class="btn btn-primary btn-lg" href={self.cta_href}>{self.cta}</a>
                </section>
            """)
        ''',
        stories=(
            StorySpec("Product"),
            StorySpec(
                "Summer sale",
                {
                    "headline": "Summer sale",
                    "subhead": "Up to 40% off outdoor gear.",
                    "cta": "Shop now",
                    "cta_href": "/sale",
                    "background": "/img/mountains.jpg",
                    "align": "left",
                },
            ),
            StorySpec(
                "Conference",
                {
                    "headline": "PyCon Lisboa 2026",
                    "subhead": "14–16 May · Centro de Congressos",
                    "cta": "Buy a ticket",
                    "cta_href": "/tickets",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="footer",
        summary="The bottom of every page: links, social profiles and the copyright line.",
        fields="""
            company: str = "Acme Inc."
            year: int = 2025
            links: tuple[str, ...] = ("Privacy", "Terms", "Contact")
            show_social: bool = False
        """,
        render='''
            items = [t'<li><a href="/{link.lower()}">{link}</a></li>' for link in self.links]
            social = (
                t'<p class="social"><a href="https://mastodon.social/@acme">Mastodon</a></p>'
                if self.show_social
                else ""
            )
            return html(t"""
                <footer class="site-footer">
                  <ul class="footer-links">{items}</ul>
                  {social}
                  <p>© {self.year} {self.company}</p>
                </footer>
            """)
        ''',
        stories=(
            StorySpec("Default"),
            StorySpec("With social links", {"show_social": True}),
            StorySpec("Minimal", {"company": "Tiny Studio", "year": 2024, "links": ()}),
        ),
    ),
    ComponentSpec(
        module="accordion",
        summary="Questions that expand to show their answers, one open at a time.",
        fields="""
            items: tuple[tuple[str, str], ...] = (
                ("What is Storyville?", "A catalog of your components and their stories."),
                ("Does it need JavaScript?", "No. The pages are static HTML."),
            )
            open_index: int | None = 0
            exclusive: bool = True
        """,
        render='''
            name = "accordion" if self.exclusive else None
            panels = [
                t"""<details name={name} open={index == self.open_index}>
                    <summary>{question}</summary><p>{answer}</p>
                  </details>"""
                for index, (question, answer) in enumerate(self.items)
            ]
            return html(t'<div class="accordion">{panels}</div>')
        ''',
        stories=(
            StorySpec(
                "FAQ",
                checks=(
                    Check(
                        "opens_one_panel",
                        "Only the first panel starts open.",
                        'markup.count(" open>") == 1',
                        "expected exactly one open panel",
                    ),
                ),
            ),
            StorySpec("All closed", {"open_index": None}),
            StorySpec(
                "Shipping questions",
                {
                    "items": (
                        ("How long does delivery take?", "2–4 working days in the EU."),
                        ("Can I return an item?", "Yes, within 30 days."),
                        ("Do you ship abroad?", "We ship to 40 countries."),
                    ),
                    "open_index": 2,
                    "exclusive": False,
                },
                description="Not exclusive: opening one answer leaves the others open.",
            ),
        ),
    ),
    ComponentSpec(
        module="page_header",
        summary="The title row of a page, with a back link and page-level actions.",
        fields="""
            title: str = "Projects"
            subtitle: str | None = None
            actions: tuple[str, ...] = ("New project",)
            back_href: str | None = None
        """,
        render='''
            back = t'<a class="back" href={self.back_href}>← Back</a>' if self.back_href else ""
            subtitle = t'<p class="subtitle">{self.subtitle}</p>' if self.subtitle else ""
            buttons = [t'<button type="button">{action}</button>' for action in self.actions]
            return html(t"""
                <header class="page-header">
                  {back}
                  <div><h1>{self.title}</h1>{subtitle}</div>
                  <div class="actions">{buttons}</div>
                </header>
            """)
        ''',
        stories=(
            StorySpec("Projects"),
            StorySpec(
                "Project detail",
                {
                    "title": "Website redesign",
                    "subtitle": "Updated 3 hours ago by Grace",
                    "actions": ("Share", "Edit"),
                    "back_href": "/projects",
                },
            ),
            StorySpec("No actions", {"title": "Settings", "actions": ()}),
        ),
    ),
)

MEDIA = (
    ComponentSpec(
        module="image",
        summary="A responsive image with explicit dimensions and an optional caption.",
        fields="""
            src: str = "https://picsum.photos/seed/forest/640/360"
            alt: str = "A misty forest at dawn"
            width: int = 640
            height: int = 360
            caption: str | None = None
            lazy: bool = True
        """,
        render='''
            loading = "lazy" if self.lazy else "eager"
            img = t"""<img src={self.src} alt={self.alt} width={self.width} height={self.height}
                loading={loading} decoding="async" />"""
            if not self.caption:
                return html(img)
            return html(t"<figure>{img}<figcaption>{self.caption}</figcaption></figure>")
        ''',
        stories=(
            StorySpec(
                "Lazy loaded",
                checks=(
                    Check(
                        "describes_the_image",
                        "The alt text describes the picture.",
                        """'alt="A misty forest at dawn"' in markup""",
                        "the alt text is missing",
                    ),
                    Check(
                        "loads_lazily",
                        "Images below the fold load lazily.",
                        """'loading="lazy"' in markup""",
                        "expected loading=lazy",
                    ),
                ),
            ),
            StorySpec(
                "With a caption",
                {
                    "src": "https://picsum.photos/seed/harbour/640/360",
                    "alt": "Fishing boats in a harbour",
                    "caption": "Porto, early morning.",
                },
            ),
            StorySpec(
                "Decorative, above the fold",
                {"alt": "", "width": 320, "height": 180, "lazy": False},
                description="An empty alt hides a purely decorative image from screen readers.",
            ),
        ),
    ),
    ComponentSpec(
        module="video_player",
        summary="A native video player with a poster, captions and a fallback link.",
        fields="""
            src: str = "https://example.com/media/intro.mp4"
            poster: str | None = None
            captions: str | None = None
            autoplay: bool = False
            loop: bool = False
        """,
        render='''
            track = (
                t'<track kind="captions" src={self.captions} srclang="en" default />'
                if self.captions
                else ""
            )
            return html(t"""
                <video class="video-player" controls poster={self.poster} autoplay={self.autoplay}
                  muted={self.autoplay} loop={self.loop} playsinline>
                  <source src={self.src} type="video/mp4" />
                  {track}
                  Your browser cannot play this video. <a href={self.src}>Download it</a>.
                </video>
            """)
        ''',
        stories=(
            StorySpec("Basic"),
            StorySpec(
                "With captions",
                {"poster": "/img/intro-poster.jpg", "captions": "/media/intro.en.vtt"},
                checks=(
                    Check(
                        "has_captions",
                        "A captions track is attached.",
                        """'<track kind="captions"' in markup""",
                        "the captions track is missing",
                    ),
                ),
            ),
            StorySpec(
                "Background loop",
                {"src": "/media/waves.mp4", "autoplay": True, "loop": True},
                description="Browsers only autoplay muted video, so autoplay implies muted.",
                checks=(
                    Check(
                        "mutes_autoplay",
                        "Autoplaying video is muted.",
                        '" muted" in markup',
                        "autoplaying video must be muted",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="audio_player",
        summary="An audio player captioned with the title, artist and duration.",
        fields="""
            src: str = "/media/episode-42.mp3"
            title: str = "Episode 42: Life, the Universe and Everything"
            artist: str = "The Deep Thought Podcast"
            duration: str = "42:00"
        """,
        render='''
            return html(t"""
                <figure class="audio-player">
                  <figcaption>
                    <strong>{self.title}</strong> · {self.artist} <time>{self.duration}</time>
                  </figcaption>
                  <audio controls preload="none" src={self.src}></audio>
                </figure>
            """)
        ''',
        stories=(
            StorySpec("Podcast episode"),
            StorySpec(
                "Piano piece",
                {
                    "src": "/media/gymnopedie.ogg",
                    "title": "Gymnopédie No. 1",
                    "artist": "Erik Satie",
                    "duration": "3:05",
                },
            ),
            StorySpec(
                "Voice note",
                {
                    "src": "/media/note.m4a",
                    "title": "Voice note",
                    "artist": "Grace",
                    "duration": "0:12",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="gallery",
        summary="A grid of lazily loaded thumbnails.",
        fields="""
            images: tuple[tuple[str, str], ...] = (
                ("https://picsum.photos/seed/lake/300/200", "Mountain lake"),
                ("https://picsum.photos/seed/city/300/200", "City at night"),
                ("https://picsum.photos/seed/road/300/200", "Desert road"),
            )
            columns: int = 3
        """,
        render="""
            tiles = [
                t'<li><img src={src} alt={alt} loading="lazy" decoding="async" /></li>'
                for src, alt in self.images
            ]
            return html(t'<ul class="gallery" style="--columns: {self.columns}">{tiles}</ul>')
        """,
        stories=(
            StorySpec("Three pictures"),
            StorySpec("Two columns", {"columns": 2}),
            StorySpec(
                "A single picture",
                {
                    "images": (
                        ("https://picsum.photos/seed/fjord/600/400", "Aurora over a fjord"),
                    ),
                    "columns": 1,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="carousel",
        summary="Slides shown one at a time, with a dot for each slide.",
        fields="""
            slides: tuple[str, ...] = ("Welcome", "Features", "Pricing")
            current: int = 0
            label: str = "Highlights"
        """,
        render='''
            count = len(self.slides)
            panels = [
                t"""<div class="slide" role="group" aria-label="{index + 1} of {count}"
                    hidden={index != self.current}>{slide}</div>"""
                for index, slide in enumerate(self.slides)
            ]
            dots = []
            for index in range(count):
                current = {"current": index == self.current}
                dots.append(
                    t'<button type="button" aria-label="Slide {index + 1}" aria={current}></button>'
                )
            return html(t"""
                <section class="carousel" aria-roledescription="carousel" aria-label={self.label}>
                  <div class="slides">{panels}</div>
                  <div class="dots">{dots}</div>
                </section>
            """)
        ''',
        stories=(
            StorySpec("First slide"),
            StorySpec("Second slide", {"current": 1}),
            StorySpec(
                "Testimonials",
                {
                    "slides": (
                        "“Changed how we work.” — Ana",
                        "“Five stars.” — Ben",
                        "“Our designers love it.” — Chloé",
                        "“Finally!” — Dev",
                    ),
                    "current": 3,
                    "label": "Testimonials",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="icon",
        summary="An SVG icon from a small built-in set, decorative unless labelled.",
        preamble="""
            PATHS = {
                "star": "M12 2l3 7h7l-5.5 4.5L18 21l-6-4-6 4 1.5-7.5L2 9h7z",
                "check": "M4 12l5 5L20 6",
                "close": "M5 5l14 14M19 5L5 19",
                "menu": "M3 6h18M3 12h18M3 18h18",
            }
        """,
        fields="""
            name: str = "star"
            size: int = 24
            label: str | None = None
        """,
        render='''
            role = "img" if self.label else None
            hidden = None if self.label else "true"
            return html(t"""
                <svg class="icon icon-{self.name}" width={self.size} height={self.size}
                  viewBox="0 0 24 24" role={role} aria-label={self.label} aria-hidden={hidden}
                  fill="none" stroke="currentColor" stroke-width="2">
                  <path d={PATHS[self.name]} />
                </svg>
            """)
        ''',
        stories=(
            StorySpec("Decorative star"),
            StorySpec(
                "Labelled check",
                {"name": "check", "size": 16, "label": "Done"},
                description="When an icon carries meaning on its own, it gets a label.",
            ),
            StorySpec("Large menu", {"name": "menu", "size": 48}),
        ),
    ),
    ComponentSpec(
        module="embed",
        summary="An iframe for third-party content, at a fixed aspect ratio.",
        fields="""
            src: str = "https://www.openstreetmap.org/export/embed.html?bbox=-9.15,38.70,-9.12,38.72"
            title: str = "Map of central Lisbon"
            aspect: str = "16 / 9"
            allow_fullscreen: bool = True
        """,
        render='''
            return html(t"""
                <div class="embed" style="aspect-ratio: {self.aspect}">
                  <iframe src={self.src} title={self.title} loading="lazy"
                    allowfullscreen={self.allow_fullscreen} referrerpolicy="no-referrer"></iframe>
                </div>
            """)
        ''',
        stories=(
            StorySpec("Map"),
            StorySpec(
                "Video",
                {
                    "src": "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
                    "title": "Product tour",
                },
            ),
            StorySpec(
                "Square demo",
                {
                    "src": "https://codepen.io/team/embed/preview/PNaGbb",
                    "title": "Live demo",
                    "aspect": "1 / 1",
                    "allow_fullscreen": False,
                },
            ),
        ),
    ),
    ComponentSpec(
        module="thumbnail",
        summary="A video thumbnail with its duration and how much has been watched.",
        fields="""
            src: str = "https://picsum.photos/seed/talk/320/180"
            title: str = "Designing with constraints"
            duration: str = "12:34"
            watched: float = 0
        """,
        render='''
            width = f"width: {self.watched:.0%}"
            progress = t'<span class="watched" style={width}></span>' if self.watched else ""
            return html(t"""
                <a class="thumbnail" href="#">
                  <img src={self.src} alt="" width="320" height="180" />
                  <span class="duration">{self.duration}</span>
                  {progress}
                  <span class="thumb-title">{self.title}</span>
                </a>
            """)
        ''',
        stories=(
            StorySpec("Not watched"),
            StorySpec("Half watched", {"watched": 0.5}),
            StorySpec(
                "Short clip",
                {
                    "src": "https://picsum.photos/seed/snow/320/180",
                    "title": "Cat discovers snow",
                    "duration": "0:47",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="lightbox",
        summary="A full-screen view of one picture from a series.",
        fields="""
            src: str = "https://picsum.photos/seed/sailing/1200/800"
            alt: str = "Sailing boat at sunset"
            caption: str | None = None
            expanded: bool = True
            index: int = 1
            total: int = 1
        """,
        render='''
            position = f"{self.index} / {self.total}"
            counter = t'<span class="counter">{position}</span>' if self.total > 1 else ""
            caption = t"<figcaption>{self.caption}</figcaption>" if self.caption else ""
            return html(t"""
                <dialog class="lightbox" open={self.expanded} aria-label={self.alt}>
                  <button type="button" class="close" aria-label="Close">×</button>
                  <figure><img src={self.src} alt={self.alt} />{caption}</figure>
                  {counter}
                </dialog>
            """)
        ''',
        stories=(
            StorySpec("Single picture"),
            StorySpec("With a caption", {"caption": "Taken off the coast of Brittany."}),
            StorySpec(
                "In a series",
                {
                    "src": "https://picsum.photos/seed/rooftops/1200/800",
                    "alt": "Old town rooftops",
                    "index": 3,
                    "total": 12,
                },
                checks=(
                    Check(
                        "counts_the_series",
                        "The position in the series is shown.",
                        '"3 / 12" in markup',
                        "expected 3 / 12",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="image_comparison",
        summary="Two pictures on top of each other, with a slider to reveal the second.",
        fields="""
            before: str = "https://picsum.photos/seed/before/800/500"
            after: str = "https://picsum.photos/seed/after/800/500"
            position: int = 50
            label: str = "Before and after"
        """,
        render='''
            return html(t"""
                <figure class="compare" style="--position: {self.position}%"
                  aria-label={self.label}>
                  <img src={self.before} alt="Before" />
                  <img class="after" src={self.after} alt="After" />
                  <input type="range" min="0" max="100" value={self.position} aria-label="Reveal" />
                </figure>
            """)
        ''',
        stories=(
            StorySpec("Halfway"),
            StorySpec("Mostly after", {"position": 80}),
            StorySpec(
                "Kitchen renovation",
                {
                    "before": "/img/kitchen-2019.jpg",
                    "after": "/img/kitchen-2024.jpg",
                    "position": 30,
                    "label": "Kitchen renovation",
                },
            ),
        ),
    ),
)

TYPOGRAPHY = (
    ComponentSpec(
        module="heading",
        summary="A heading at a chosen level, with an optional eyebrow and anchor link.",
        fields="""
            text: str = "Chapter one"
            level: int = 2
            eyebrow: str | None = None
            anchor: str | None = None
        """,
        render="""
            link = (
                t' <a class="anchor" href="#{self.anchor}" aria-label="Link to this section">#</a>'
                if self.anchor
                else ""
            )
            content = t"{self.text}{link}"
            match self.level:
                case 1:
                    heading = t"<h1 id={self.anchor}>{content}</h1>"
                case 2:
                    heading = t"<h2 id={self.anchor}>{content}</h2>"
                case 3:
                    heading = t"<h3 id={self.anchor}>{content}</h3>"
                case _:
                    heading = t"<h4 id={self.anchor}>{content}</h4>"
            kicker = t'<p class="eyebrow">{self.eyebrow}</p>' if self.eyebrow else ""
            return html(t'<hgroup class="heading">{kicker}{heading}</hgroup>')
        """,
        stories=(
            StorySpec("Level two"),
            StorySpec("Page title", {"text": "Release notes", "level": 1, "eyebrow": "Changelog"}),
            StorySpec(
                "With an anchor",
                {"text": "Configuration", "level": 3, "anchor": "configuration"},
                description="Hovering shows a # link to copy the section's address.",
            ),
        ),
    ),
    ComponentSpec(
        module="paragraph",
        summary="Body text, with lead and muted variants.",
        fields="""
            text: str = "Typography gives human language a durable visual form."
            lead: bool = False
            muted: bool = False
            align: str = "start"
        """,
        render="""
            classes = {"lead": self.lead, "muted": self.muted, f"text-{self.align}": True}
            return html(t"<p class={classes}>{self.text}</p>")
        """,
        stories=(
            StorySpec("Body text"),
            StorySpec(
                "Lead",
                {"text": "Storyville shows every component in every state.", "lead": True},
            ),
            StorySpec(
                "Muted and centred",
                {"text": "Last updated 2 hours ago", "muted": True, "align": "center"},
            ),
        ),
    ),
    ComponentSpec(
        module="blockquote",
        summary="A quotation with its author and, optionally, the work and its address.",
        fields="""
            quote: str = "Simplicity is prerequisite for reliability."
            author: str = "Edsger W. Dijkstra"
            source: str | None = None
            cite_url: str | None = None
        """,
        render='''
            work = t", <cite>{self.source}</cite>" if self.source else ""
            return html(t"""
                <figure class="quote">
                  <blockquote cite={self.cite_url}><p>{self.quote}</p></blockquote>
                  <figcaption>— {self.author}{work}</figcaption>
                </figure>
            """)
        ''',
        stories=(
            StorySpec("Dijkstra"),
            StorySpec(
                "With its source",
                {
                    "quote": "The best way to predict the future is to invent it.",
                    "author": "Alan Kay",
                    "source": "PARC meeting, 1971",
                },
            ),
            StorySpec(
                "Linked",
                {
                    "quote": "Beautiful is better than ugly.",
                    "author": "Tim Peters",
                    "source": "The Zen of Python",
                    "cite_url": "https://peps.python.org/pep-0020/",
                },
                checks=(
                    Check(
                        "cites_the_source",
                        "The blockquote points at its source and names the work.",
                        """'cite="https://peps.python.org/pep-0020/"' in markup""",
                        "the cite attribute is missing",
                    ),
                    Check(
                        "names_the_work",
                        "The work's title is marked up as a citation.",
                        '"<cite>The Zen of Python</cite>" in markup',
                        "the work is not in a <cite>",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="bullet_list",
        summary="A bulleted or numbered list.",
        fields="""
            items: tuple[str, ...] = ("Flour", "Butter", "Sugar", "Eggs")
            ordered: bool = False
            start: int = 1
            compact: bool = False
        """,
        render="""
            entries = [t"<li>{item}</li>" for item in self.items]
            classes = {"list": True, "list-compact": self.compact}
            if self.ordered:
                return html(t"<ol class={classes} start={self.start}>{entries}</ol>")
            return html(t"<ul class={classes}>{entries}</ul>")
        """,
        stories=(
            StorySpec("Ingredients"),
            StorySpec(
                "Method",
                {
                    "items": (
                        "Preheat the oven to 180 °C",
                        "Cream the butter and sugar",
                        "Fold in the flour",
                        "Bake for 25 minutes",
                    ),
                    "ordered": True,
                },
            ),
            StorySpec(
                "Continued numbering",
                {"items": ("Let it cool", "Serve"), "ordered": True, "start": 5, "compact": True},
            ),
        ),
    ),
    ComponentSpec(
        module="kbd_shortcut",
        summary="A keyboard shortcut, with a Mac variant.",
        fields="""
            keys: tuple[str, ...] = ("Ctrl", "K")
            description: str | None = "Open the command palette"
            mac: bool = False
        """,
        render="""
            parts = []
            for index, key in enumerate(self.keys):
                if index:
                    parts.append(t"<span>+</span>")
                shown = "⌘" if self.mac and key == "Ctrl" else key
                parts.append(t"<kbd>{shown}</kbd>")
            label = t' <span class="label">{self.description}</span>' if self.description else ""
            return html(t'<span class="shortcut"><kbd class="combo">{parts}</kbd>{label}</span>')
        """,
        stories=(
            StorySpec("Command palette"),
            StorySpec("On a Mac", {"mac": True}),
            StorySpec("Three keys", {"keys": ("Ctrl", "Shift", "P"), "description": None}),
        ),
    ),
    ComponentSpec(
        module="highlight",
        summary="Text with every occurrence of a search term marked.",
        fields="""
            text: str = "Storyville renders every story of every component."
            term: str = "story"
            case_sensitive: bool = False
        """,
        render="""
            haystack = self.text if self.case_sensitive else self.text.lower()
            needle = self.term if self.case_sensitive else self.term.lower()
            parts = []
            start = 0
            while needle and (found := haystack.find(needle, start)) != -1:
                end = found + len(needle)
                parts.append(t"{self.text[start:found]}<mark>{self.text[found:end]}</mark>")
                start = end
            parts.append(t"{self.text[start:]}")
            return html(t'<p class="highlight">{parts}</p>')
        """,
        stories=(
            StorySpec(
                "Ignoring case",
                checks=(
                    Check(
                        "marks_every_match",
                        "Both “Story” and “story” are marked.",
                        'markup.count("<mark>") == 2',
                        "expected two matches",
                    ),
                ),
            ),
            StorySpec(
                "Matching case",
                {"case_sensitive": True},
                checks=(
                    Check(
                        "respects_case",
                        "Only the lower-case “story” is marked.",
                        'markup.count("<mark>") == 1',
                        "expected one match",
                    ),
                ),
            ),
            StorySpec(
                "Search result",
                {
                    "text": "Python templates with t-strings: safe, fast, composable templates.",
                    "term": "templates",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="truncated_text",
        summary="Long text cut at a word boundary, with a link to the rest.",
        fields="""
            text: str = (
                "Storyville turns the stories you write next to your components into a browsable"
                " catalog, with assertions that check each one."
            )
            max_chars: int = 80
            more_href: str = "#"
        """,
        render='''
            if len(self.text) <= self.max_chars:
                return html(t'<p class="truncated">{self.text}</p>')
            cut = self.text[: self.max_chars].rsplit(" ", 1)[0]
            return html(t"""
                <p class="truncated">{cut}… <a href={self.more_href}>Read more</a></p>
            """)
        ''',
        stories=(
            StorySpec(
                "Truncated",
                checks=(
                    Check(
                        "offers_the_rest",
                        "Cut text links to the full version.",
                        '"Read more</a>" in markup',
                        "expected a Read more link",
                    ),
                ),
            ),
            StorySpec(
                "Short enough",
                {"text": "Fits on one line."},
                checks=(
                    Check(
                        "leaves_short_text_alone",
                        "Short text is shown whole, without a link.",
                        '"Read more" not in markup',
                        "short text should not be truncated",
                    ),
                ),
            ),
            StorySpec("Very tight", {"max_chars": 30, "more_href": "/about"}),
        ),
    ),
    ComponentSpec(
        module="time_ago",
        summary="A relative time, with the exact timestamp machine-readable and on hover.",
        fields="""
            iso: str = "2025-05-04T09:30:00Z"
            relative: str = "3 hours ago"
            prefix: str | None = None
        """,
        render='''
            prefix = t"{self.prefix} " if self.prefix else ""
            return html(t"""
                <span class="time-ago">
                  {prefix}<time datetime={self.iso} title={self.iso}>{self.relative}</time>
                </span>
            """)
        ''',
        stories=(
            StorySpec("Hours ago"),
            StorySpec(
                "Edited",
                {"iso": "2025-05-03T18:02:00Z", "relative": "yesterday", "prefix": "Edited"},
            ),
            StorySpec(
                "Long ago", {"iso": "2019-03-14", "relative": "in March 2019", "prefix": "Joined"}
            ),
        ),
    ),
    ComponentSpec(
        module="prose",
        summary="An article: title, optional byline and paragraphs of running text.",
        fields="""
            title: str = "On writing well"
            paragraphs: tuple[str, ...] = (
                "Clear thinking becomes clear writing; one can't exist without the other.",
                "Every word should do useful work.",
            )
            byline: str | None = None
        """,
        render='''
            body = [t"<p>{paragraph}</p>" for paragraph in self.paragraphs]
            byline = t'<p class="byline">By {self.byline}</p>' if self.byline else ""
            return html(t"""
                <article class="prose">
                  <h2>{self.title}</h2>
                  {byline}
                  {body}
                </article>
            """)
        ''',
        stories=(
            StorySpec("Essay"),
            StorySpec("With a byline", {"byline": "William Zinsser"}),
            StorySpec(
                "Lorem ipsum",
                {
                    "title": "Lorem ipsum",
                    "paragraphs": (
                        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                        "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
                        "Ut enim ad minim veniam, quis nostrud exercitation.",
                    ),
                },
            ),
        ),
    ),
    ComponentSpec(
        module="abbreviation",
        summary="An abbreviation with its expansion, spelled out on first use if asked.",
        fields="""
            short: str = "HTML"
            full: str = "HyperText Markup Language"
            expand_first: bool = False
        """,
        render="""
            abbr = t"<abbr title={self.full}>{self.short}</abbr>"
            if self.expand_first:
                return html(t'<span class="abbreviation">{self.full} ({abbr})</span>')
            return html(abbr)
        """,
        stories=(
            StorySpec("HTML"),
            StorySpec(
                "Spelled out first",
                {
                    "short": "WCAG",
                    "full": "Web Content Accessibility Guidelines",
                    "expand_first": True,
                },
            ),
            StorySpec("A unit", {"short": "kWh", "full": "kilowatt-hour"}),
        ),
    ),
)

OVERLAYS = (
    ComponentSpec(
        module="modal",
        summary="A dialog asking the user to confirm or cancel.",
        fields="""
            title: str = "Delete file?"
            body: str = "The file will stay in the bin for 30 days."
            confirm: str = "Delete"
            cancel: str = "Cancel"
            expanded: bool = True
            size: str = "md"
        """,
        render='''
            return html(t"""
                <dialog class="modal modal-{self.size}" open={self.expanded}
                  aria-labelledby="modal-title">
                  <h2 id="modal-title">{self.title}</h2>
                  <p>{self.body}</p>
                  <form method="dialog" class="modal-actions">
                    <button value="cancel">{self.cancel}</button>
                    <button value="confirm" class="primary">{self.confirm}</button>
                  </form>
                </dialog>
            """)
        ''',
        stories=(
            StorySpec(
                "Delete a file",
                checks=(
                    Check(
                        "is_an_open_dialog",
                        "The modal is a native dialog, open.",
                        '"<dialog" in markup and " open " in markup',
                        "expected an open <dialog>",
                    ),
                    Check(
                        "is_labelled_by_its_title",
                        "The dialog's accessible name is its heading.",
                        """'aria-labelledby="modal-title"' in markup""",
                        "the dialog is not labelled by its title",
                    ),
                ),
            ),
            StorySpec(
                "Large, new terms",
                {
                    "title": "Terms of service",
                    "body": "Please read and accept the updated terms to continue.",
                    "confirm": "Accept",
                    "cancel": "Decline",
                    "size": "lg",
                },
            ),
            StorySpec("Closed", {"expanded": False}),
        ),
    ),
    ComponentSpec(
        module="tooltip",
        summary="A short hint attached to a control with aria-describedby.",
        fields="""
            trigger: str = "Hover me"
            text: str = "More information"
            placement: str = "top"
            tip_id: str = "tip-1"
        """,
        render='''
            return html(t"""
                <span class="tooltip-wrap">
                  <button type="button" aria-describedby={self.tip_id}>{self.trigger}</button>
                  <span role="tooltip" id={self.tip_id} class="tooltip tooltip-{self.placement}">
                    {self.text}
                  </span>
                </span>
            """)
        ''',
        stories=(
            StorySpec("Above"),
            StorySpec(
                "To the right",
                {
                    "trigger": "ⓘ",
                    "text": "Your API key is shown only once.",
                    "placement": "right",
                    "tip_id": "api-key-tip",
                },
            ),
            StorySpec(
                "Below",
                {
                    "trigger": "Shortcuts",
                    "text": "Press ? to see every shortcut",
                    "placement": "bottom",
                    "tip_id": "shortcuts-tip",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="popover",
        summary="A panel of choices opened by a button, using the HTML popover attribute.",
        fields="""
            trigger: str = "Share"
            title: str = "Share this page"
            links: tuple[str, ...] = ("Copy link", "Email", "Mastodon")
            popover_id: str = "share-popover"
        """,
        render='''
            items = [t'<li><button type="button">{link}</button></li>' for link in self.links]
            return html(t"""
                <div class="popover-wrap">
                  <button type="button" popovertarget={self.popover_id}>{self.trigger}</button>
                  <div id={self.popover_id} popover="auto" class="popover">
                    <h3>{self.title}</h3>
                    <ul>{items}</ul>
                  </div>
                </div>
            """)
        ''',
        stories=(
            StorySpec("Share"),
            StorySpec(
                "Filters",
                {
                    "trigger": "Filter",
                    "title": "Filter by status",
                    "links": ("Open", "In progress", "Done", "Archived"),
                    "popover_id": "filters",
                },
            ),
            StorySpec(
                "Help",
                {
                    "trigger": "?",
                    "title": "Need help?",
                    "links": ("Documentation", "Contact support"),
                    "popover_id": "help",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="drawer",
        summary="A panel that slides in from the side of the screen.",
        fields="""
            title: str = "Menu"
            side: str = "left"
            items: tuple[str, ...] = ("Home", "Explore", "Saved", "Settings")
            expanded: bool = True
        """,
        render='''
            links = [t'<li><a href="#">{item}</a></li>' for item in self.items]
            return html(t"""
                <aside class="drawer drawer-{self.side}" aria-label={self.title}
                  hidden={not self.expanded}>
                  <header>
                    <h2>{self.title}</h2>
                    <button type="button" aria-label="Close">×</button>
                  </header>
                  <nav><ul>{links}</ul></nav>
                </aside>
            """)
        ''',
        stories=(
            StorySpec("Menu on the left"),
            StorySpec(
                "Basket on the right",
                {
                    "title": "Your basket",
                    "side": "right",
                    "items": ("Linen shirt × 1", "Canvas tote × 2"),
                },
            ),
            StorySpec("Hidden", {"expanded": False}),
        ),
    ),
    ComponentSpec(
        module="confirm_dialog",
        summary="An alert dialog for destructive actions, optionally asking to type a name.",
        fields="""
            action: str = "Delete repository"
            consequence: str = "This cannot be undone. Issues and pull requests will be lost."
            confirm_text: str | None = None
        """,
        render='''
            guard = (
                t"""<label>Type <strong>{self.confirm_text}</strong> to confirm
                    <input name="confirm" autocomplete="off" pattern={self.confirm_text} required />
                  </label>"""
                if self.confirm_text
                else ""
            )
            return html(t"""
                <div class="confirm" role="alertdialog" aria-modal="true"
                  aria-labelledby="confirm-title">
                  <h2 id="confirm-title">{self.action}?</h2>
                  <p>{self.consequence}</p>
                  {guard}
                  <button type="button">Cancel</button>
                  <button type="submit" class="danger">{self.action}</button>
                </div>
            """)
        ''',
        stories=(
            StorySpec("Delete a repository"),
            StorySpec(
                "Type to confirm",
                {"confirm_text": "acme/website"},
                description="For the most dangerous actions, the user types the name first.",
            ),
            StorySpec(
                "Sign out everywhere",
                {
                    "action": "Sign out of all devices",
                    "consequence": "You will need to sign in again on your phone and laptop.",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="context_menu",
        summary="A right-click menu with shortcuts, separators and disabled items.",
        fields="""
            items: tuple[tuple[str, str], ...] = (
                ("Cut", "Ctrl+X"),
                ("Copy", "Ctrl+C"),
                ("Paste", "Ctrl+V"),
            )
            disabled: tuple[str, ...] = ()
            x: int = 120
            y: int = 80
        """,
        render="""
            entries = []
            for label, shortcut in self.items:
                if label == "-":
                    entries.append(t'<li role="separator"></li>')
                    continue
                off = {"disabled": label in self.disabled}
                entries.append(t'<li role="menuitem" aria={off}>{label} <kbd>{shortcut}</kbd></li>')
            position = f"left: {self.x}px; top: {self.y}px"
            return html(t'<ul class="context-menu" role="menu" style={position}>{entries}</ul>')
        """,
        stories=(
            StorySpec("Clipboard"),
            StorySpec(
                "Nothing to paste",
                {"disabled": ("Paste",)},
                checks=(
                    Check(
                        "disables_paste",
                        "Paste is disabled when the clipboard is empty.",
                        """'aria-disabled="true">Paste' in markup""",
                        "Paste should be disabled",
                    ),
                ),
            ),
            StorySpec(
                "File actions",
                {
                    "items": (("Open", "Enter"), ("Rename", "F2"), ("-", ""), ("Delete", "Del")),
                    "x": 300,
                    "y": 200,
                },
                checks=(
                    Check(
                        "separates_delete",
                        "A separator keeps Delete apart from the rest.",
                        """'role="separator"' in markup""",
                        "expected a separator",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="command_palette",
        summary="A search box for commands, with the highlighted result announced.",
        fields="""
            query: str = "sett"
            results: tuple[str, ...] = ("Open settings", "Sync settings", "Reset settings")
            highlighted: int = 0
        """,
        render='''
            options = []
            for index, result in enumerate(self.results):
                chosen = {"selected": index == self.highlighted}
                options.append(t'<li role="option" id="cmd-{index}" aria={chosen}>{result}</li>')
            active = f"cmd-{self.highlighted}" if self.results else None
            nothing = f"No commands match “{self.query}”"
            empty = t'<p class="empty">{nothing}</p>' if not self.results else ""
            return html(t"""
                <div class="command-palette" role="dialog" aria-label="Command palette">
                  <input type="text" role="combobox" aria-expanded="true" aria-controls="cmd-list"
                    aria-activedescendant={active} value={self.query}
                    placeholder="Type a command…" />
                  <ul id="cmd-list" role="listbox">{options}</ul>
                  {empty}
                </div>
            """)
        ''',
        stories=(
            StorySpec(
                "Searching settings",
                checks=(
                    Check(
                        "tracks_the_highlight",
                        "The input points at the highlighted result.",
                        """'aria-activedescendant="cmd-0"' in markup""",
                        "the highlighted result is not announced",
                    ),
                ),
            ),
            StorySpec(
                "Second result highlighted",
                {
                    "query": "git",
                    "results": ("Git: commit", "Git: push", "Git: pull", "Git: stash"),
                    "highlighted": 1,
                },
            ),
            StorySpec(
                "No matches",
                {"query": "xyzzy", "results": ()},
                checks=(
                    Check(
                        "says_nothing_matched",
                        "An empty result list says so.",
                        '"No commands match" in markup',
                        "expected the no-match message",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="cookie_consent",
        summary="The cookie banner: accept, reject or customise.",
        fields="""
            message: str = "We use cookies to understand how you use our site."
            policy_href: str = "/cookies"
            allow_customize: bool = True
        """,
        render='''
            button = t'<button type="button" class="link">Customize</button>'
            customize = button if self.allow_customize else ""
            return html(t"""
                <div class="cookie-consent" role="dialog" aria-label="Cookie consent">
                  <p>{self.message} <a href={self.policy_href}>Learn more</a></p>
                  <div class="actions">
                    <button type="button">Reject all</button>
                    {customize}
                    <button type="button" class="primary">Accept all</button>
                  </div>
                </div>
            """)
        ''',
        stories=(
            StorySpec("Default"),
            StorySpec("Accept or reject only", {"allow_customize": False}),
            StorySpec(
                "German",
                {
                    "message": "Wir verwenden Cookies, um unsere Website zu verbessern.",
                    "policy_href": "/de/datenschutz",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="bottom_sheet",
        summary="A mobile sheet that slides up from the bottom with a list of choices.",
        fields="""
            title: str = "Sort by"
            options: tuple[str, ...] = ("Relevance", "Price: low to high", "Price: high to low")
            selected: str = "Relevance"
            expanded: bool = True
        """,
        render='''
            choices = []
            for option in self.options:
                checked = {"checked": option == self.selected}
                choices.append(t'<li role="menuitemradio" aria={checked}>{option}</li>')
            return html(t"""
                <div class="sheet" role="dialog" aria-label={self.title} hidden={not self.expanded}>
                  <div class="sheet-handle" aria-hidden="true"></div>
                  <h2>{self.title}</h2>
                  <ul role="menu">{choices}</ul>
                </div>
            """)
        ''',
        stories=(
            StorySpec("Sort"),
            StorySpec("Cheapest first", {"selected": "Price: low to high"}),
            StorySpec(
                "Share sheet",
                {
                    "title": "Share via",
                    "options": ("Messages", "Mail", "Copy link"),
                    "selected": "",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="notification_panel",
        summary="A list of recent notifications, the unread ones highlighted.",
        fields="""
            title: str = "Notifications"
            notifications: tuple[tuple[str, str, bool], ...] = (
                ("Grace commented on your pull request", "2m", True),
                ("Deploy to production succeeded", "1h", False),
            )
        """,
        render='''
            unread = sum(1 for *_, is_new in self.notifications if is_new)
            items = []
            for text, when, is_new in self.notifications:
                state = {"notification": True, "unread": is_new}
                items.append(t"<li class={state}><p>{text}</p> <time>{when}</time></li>")
            count = t'<span class="count">{unread} new</span>' if unread else ""
            empty = t'<p class="empty">You’re all caught up.</p>' if not self.notifications else ""
            return html(t"""
                <section class="notifications" aria-label={self.title}>
                  <header><h2>{self.title}</h2>{count}</header>
                  <ul>{items}</ul>
                  {empty}
                </section>
            """)
        ''',
        stories=(
            StorySpec("One unread"),
            StorySpec(
                "Busy morning",
                {
                    "notifications": (
                        ("Build #512 failed", "just now", True),
                        ("Ada invited you to “Analytical Engine”", "5m", True),
                        ("Weekly report is ready", "3h", False),
                        ("Your trial ends in 3 days", "1d", False),
                    ),
                },
            ),
            StorySpec("All caught up", {"notifications": ()}),
        ),
    ),
)

COMMERCE = (
    ComponentSpec(
        module="price_tag",
        summary="A price, struck through and discounted when on sale, optionally per unit.",
        fields="""
            amount: float = 19.99
            currency: str = "€"
            compare_at: float | None = None
            unit: str | None = None
        """,
        render='''
            now = f"{self.currency}{self.amount:,.2f}"
            if self.compare_at and self.compare_at > self.amount:
                was = f"{self.currency}{self.compare_at:,.2f}"
                saving = round(100 * (1 - self.amount / self.compare_at))
                return html(t"""
                    <p class="price-tag on-sale">
                      <del>{was}</del> <ins>{now}</ins> <span class="saving">−{saving}%</span>
                    </p>
                """)
            per = t'<span class="unit">/ {self.unit}</span>' if self.unit else ""
            return html(t'<p class="price-tag"><span class="amount">{now}</span> {per}</p>')
        ''',
        stories=(
            StorySpec("Regular price"),
            StorySpec(
                "On sale",
                {"amount": 59.0, "compare_at": 79.0},
                checks=(
                    Check(
                        "strikes_the_old_price",
                        "The earlier price is struck through.",
                        '"<del>€79.00</del>" in markup',
                        "the old price is not struck through",
                    ),
                    Check(
                        "shows_the_saving",
                        "The saving is rounded to a whole percentage.",
                        '"−25%" in markup',
                        "expected a 25% saving",
                    ),
                ),
            ),
            StorySpec("Per kilogram", {"amount": 3.49, "currency": "£", "unit": "kg"}),
        ),
    ),
    ComponentSpec(
        module="cart_item",
        summary="One line of the shopping cart: picture, name, quantity and line total.",
        fields="""
            name: str = "Linen shirt"
            variant: str = "Size M · Sand"
            unit_price: float = 45.0
            quantity: int = 1
            image: str = "https://picsum.photos/seed/shirt/96/96"
        """,
        render='''
            total = f"€{self.unit_price * self.quantity:,.2f}"
            each = f"€{self.unit_price:,.2f} each" if self.quantity > 1 else ""
            return html(t"""
                <li class="cart-item">
                  <img src={self.image} alt="" width="64" height="64" />
                  <div class="details"><h3>{self.name}</h3><p>{self.variant}</p></div>
                  <label>Qty <input type="number" min="0" value={self.quantity} /></label>
                  <p class="line-total">{total} <small>{each}</small></p>
                  <button type="button" aria-label="Remove {self.name}">Remove</button>
                </li>
            """)
        ''',
        stories=(
            StorySpec("One shirt"),
            StorySpec(
                "Three mugs",
                {
                    "name": "Stoneware mug",
                    "variant": "Glaze: Moss",
                    "unit_price": 18.5,
                    "quantity": 3,
                    "image": "https://picsum.photos/seed/mug/96/96",
                },
            ),
            StorySpec(
                "Gift card",
                {
                    "name": "Gift card",
                    "variant": "Delivered by email",
                    "unit_price": 100.0,
                    "image": "https://picsum.photos/seed/gift/96/96",
                },
            ),
        ),
    ),
    ComponentSpec(
        module="product_card",
        summary="A product in a listing: picture, name, rating, price and add to cart.",
        fields="""
            name: str = "Trail running shoe"
            price: float = 129.0
            rating: float = 4.5
            reviews: int = 87
            badge: str | None = None
            image: str = "https://picsum.photos/seed/shoe/400/400"
            in_stock: bool = True
        """,
        render='''
            stars = "★" * int(self.rating) + "☆" * (5 - int(self.rating))
            price = f"€{self.price:,.2f}"
            badge = t'<span class="badge">{self.badge}</span>' if self.badge else ""
            button = (
                t'<button type="button">Add to cart</button>'
                if self.in_stock
                else t'<button type="button" disabled>Sold out</button>'
            )
            return html(t"""
                <article class="product-card">
                  {badge}
                  <img src={self.image} alt={self.name} loading="lazy" />
                  <h3>{self.name}</h3>
                  <p class="rating" aria-label="{self.rating} out of 5">
                    {stars} <small>({self.reviews})</small>
                  </p>
                  <p class="price">{price}</p>
                  {button}
                </article>
            """)
        ''',
        stories=(
            StorySpec("Running shoe"),
            StorySpec(
                "New arrival",
                {
                    "name": "Merino beanie",
                    "price": 35.0,
                    "rating": 5.0,
                    "reviews": 12,
                    "badge": "New",
                    "image": "https://picsum.photos/seed/beanie/400/400",
                },
            ),
            StorySpec("Sold out", {"badge": "Last season", "in_stock": False}),
        ),
    ),
    ComponentSpec(
        module="cart_summary",
        summary="The order totals: subtotal, shipping, discount, VAT and the total to pay.",
        preamble='''
            def euros(amount: float) -> str:
                """Format an amount of euros, e.g. ``-€24.00``."""
                sign = "-" if amount < 0 else ""
                return f"{sign}€{abs(amount):,.2f}"
        ''',
        fields="""
            subtotal: float = 118.0
            shipping: float = 4.95
            discount: float = 0.0
            tax_rate: float = 0.2
        """,
        render='''
            tax = (self.subtotal - self.discount) * self.tax_rate
            total = self.subtotal - self.discount + self.shipping + tax
            rows = [("Subtotal", euros(self.subtotal))]
            rows.append(("Shipping", euros(self.shipping) if self.shipping else "Free"))
            if self.discount:
                rows.append(("Discount", euros(-self.discount)))
            rows.append((f"VAT ({self.tax_rate:.0%})", euros(tax)))
            lines = [t"<div><dt>{label}</dt><dd>{amount}</dd></div>" for label, amount in rows]
            return html(t"""
                <section class="cart-summary" aria-label="Order summary">
                  <dl>{lines}</dl>
                  <p class="total">Total <strong>{euros(total)}</strong></p>
                  <button type="submit" class="primary">Checkout</button>
                </section>
            """)
        ''',
        stories=(
            StorySpec(
                "Standard",
                checks=(
                    Check(
                        "adds_it_all_up",
                        "118.00 + 4.95 shipping + 20% VAT on 118.00 = 146.55.",
                        '"<strong>€146.55</strong>" in markup',
                        "expected a total of €146.55",
                    ),
                ),
            ),
            StorySpec(
                "Discounted, free shipping",
                {"subtotal": 240.0, "shipping": 0.0, "discount": 24.0},
                checks=(
                    Check(
                        "lists_the_discount",
                        "The discount shows as a negative amount.",
                        '"-€24.00" in markup',
                        "expected a -€24.00 discount line",
                    ),
                    Check(
                        "ships_for_free",
                        "Zero shipping reads as Free.",
                        '"<dd>Free</dd>" in markup',
                        "expected free shipping",
                    ),
                ),
            ),
            StorySpec(
                "Outside the EU",
                {"subtotal": 59.0, "shipping": 9.9, "tax_rate": 0.0},
                description="No VAT is charged on exports.",
            ),
        ),
    ),
    ComponentSpec(
        module="stock_indicator",
        summary="Whether an item is in stock, running low, or when it will be back.",
        fields="""
            in_stock: int = 24
            low_threshold: int = 5
            restock_date: str | None = None
        """,
        render='''
            if self.in_stock <= 0:
                state, text = "out", "Out of stock"
            elif self.in_stock <= self.low_threshold:
                state, text = "low", f"Only {self.in_stock} left"
            else:
                state, text = "in", "In stock"
            restock = (
                t' <span class="restock">Back on {self.restock_date}</span>'
                if self.restock_date and state == "out"
                else ""
            )
            return html(t"""
                <p class="stock stock-{state}"><span class="dot"></span>{text}{restock}</p>
            """)
        ''',
        stories=(
            StorySpec("Plenty"),
            StorySpec(
                "Running low",
                {"in_stock": 3},
                checks=(
                    Check(
                        "warns_when_low",
                        "Low stock tells people how many are left.",
                        '"Only 3 left" in markup',
                        "expected Only 3 left",
                    ),
                ),
            ),
            StorySpec(
                "Out of stock",
                {"in_stock": 0, "restock_date": "12 June"},
                checks=(
                    Check(
                        "says_when_it_is_back",
                        "Sold-out items say when they will be back.",
                        '"stock-out" in markup and "Back on 12 June" in markup',
                        "expected the restock date",
                    ),
                ),
            ),
        ),
    ),
    ComponentSpec(
        module="coupon_input",
        summary="A discount code box that shows errors and the applied discount.",
        fields="""
            code: str = ""
            applied: bool = False
            error: str | None = None
            discount_text: str = "10% off"
        """,
        render='''
            if self.applied:
                return html(t"""
                    <div class="coupon coupon-applied" role="status">
                      <span>Code <strong>{self.code}</strong> applied: {self.discount_text}</span>
                      <button type="button">Remove</button>
                    </div>
                """)
            error_id = "coupon-error" if self.error else None
            invalid = "true" if self.error else None
            error = t'<p id={error_id} class="error">{self.error}</p>' if self.error else ""
            return html(t"""
                <form class="coupon">
                  <label for="coupon">Discount code</label>
                  <input id="coupon" name="coupon" value={self.code} aria-invalid={invalid}
                    aria-describedby={error_id} />
                  <button type="submit">Apply</button>
                  {error}
                </form>
            """)
        ''',
        stories=(
            StorySpec("Empty"),
            StorySpec("Expired code", {"code": "SUMMER", "error": "This code has expired."}),
            StorySpec("Applied", {"code": "WELCOME10", "applied": True}),
        ),
    ),
    ComponentSpec(
        module="checkout_steps",
        summary="Where the shopper is in checkout; finished steps link back.",
        fields="""
            steps: tuple[str, ...] = ("Cart", "Shipping", "Payment", "Review")
            current: str = "Shipping"
        """,
        render="""
            position = self.steps.index(self.current)
            items = []
            for index, step in enumerate(self.steps):
                if index < position:
                    items.append(t'<li class="done"><a href="#{step.lower()}">{step}</a></li>')
                elif index == position:
                    items.append(t'<li class="current" aria-current="step">{step}</li>')
                else:
                    items.append(t'<li class="upcoming">{step}</li>')
            return html(t'<ol class="checkout-steps" aria-label="Checkout progress">{items}</ol>')
        """,
        stories=(
            StorySpec("Shipping"),
            StorySpec("Payment", {"current": "Payment"}),
            StorySpec("Express checkout", {"steps": ("Basket", "Pay"), "current": "Pay"}),
        ),
    ),
    ComponentSpec(
        module="shipping_option",
        summary="Delivery choices as radio buttons, each with its speed and cost.",
        fields="""
            options: tuple[tuple[str, str, float], ...] = (
                ("Standard", "3–5 working days", 4.95),
                ("Express", "Next working day", 9.95),
                ("Collect", "From a pickup point", 0.0),
            )
            selected: str = "Standard"
        """,
        render='''
            choices = []
            for name, eta, cost in self.options:
                price = f"€{cost:.2f}" if cost else "Free"
                value = name.lower()
                checked = name == self.selected
                choices.append(
                    t"""<label class="shipping-option">
                        <input type="radio" name="shipping" value={value} checked={checked} />
                        <span class="name">{name}</span> <span class="eta">{eta}</span>
                        <span class="cost">{price}</span>
                      </label>"""
                )
            return html(t"""
                <fieldset class="shipping-options">
                  <legend>Delivery</legend>
                  {choices}
                </fieldset>
            """)
        ''',
        stories=(
            StorySpec("Standard"),
            StorySpec("Express", {"selected": "Express"}),
            StorySpec(
                "Pickup only",
                {"options": (("Pickup", "Ready in 2 hours", 0.0),), "selected": "Pickup"},
            ),
        ),
    ),
    ComponentSpec(
        module="order_status",
        summary="An order's progress from placed to delivered, with tracking details.",
        fields="""
            number: str = "A-10427"
            status: str = "shipped"
            carrier: str | None = "DHL"
            tracking: str | None = "JD014600006281234"
        """,
        render='''
            stages = ("placed", "packed", "shipped", "delivered")
            reached = stages.index(self.status) if self.status in stages else -1
            track = []
            for index, stage in enumerate(stages):
                state = {"stage": True, "reached": index <= reached}
                track.append(t"<li class={state}>{stage.capitalize()}</li>")
            code = t"<code>{self.tracking}</code>"
            tracking = t"<p>Tracking: {self.carrier} {code}</p>" if self.tracking else ""
            cancelled = (
                t'<p class="cancelled" role="status">This order was cancelled.</p>'
                if self.status == "cancelled"
                else ""
            )
            return html(t"""
                <section class="order-status">
                  <h3>Order {self.number}</h3>
                  <ol class="stages">{track}</ol>
                  {tracking}{cancelled}
                </section>
            """)
        ''',
        stories=(
            StorySpec("Shipped"),
            StorySpec(
                "Just placed",
                {"number": "A-10431", "status": "placed", "carrier": None, "tracking": None},
            ),
            StorySpec(
                "Cancelled",
                {"number": "A-10388", "status": "cancelled", "tracking": None},
                description="A cancelled order reaches none of the stages.",
            ),
        ),
    ),
    ComponentSpec(
        module="wishlist_button",
        summary="A heart toggle that saves a product, with an optional save count.",
        fields="""
            saved: bool = False
            count: int | None = None
            product: str = "Trail running shoe"
        """,
        render='''
            pressed = {"pressed": self.saved}
            icon = "♥" if self.saved else "♡"
            label = f"Remove {self.product} from wishlist" if self.saved else f"Save {self.product}"
            count = t'<span class="count">{self.count}</span>' if self.count is not None else ""
            return html(t"""
                <button type="button" class="wishlist" aria={pressed} aria-label={label}>
                  <span aria-hidden="true">{icon}</span>{count}
                </button>
            """)
        ''',
        stories=(
            StorySpec(
                "Not saved",
                checks=(
                    Check(
                        "is_not_pressed",
                        "An unsaved product's toggle is not pressed.",
                        """'aria-pressed="false"' in markup""",
                        "expected aria-pressed=false",
                    ),
                ),
            ),
            StorySpec(
                "Saved",
                {"saved": True},
                checks=(
                    Check(
                        "is_pressed",
                        "A saved product's toggle is pressed, and says how to undo.",
                        """'aria-pressed="true"' in markup and "Remove Trail" in markup""",
                        "expected a pressed toggle",
                    ),
                ),
            ),
            StorySpec(
                "Saved by many",
                {"saved": True, "count": 1284, "product": "Merino beanie"},
            ),
        ),
    ),
)

SECTIONS = (
    SectionSpec(
        "forms",
        "Forms",
        "Buttons and whole forms: signing in, signing up, getting in touch.",
        FORMS,
    ),
    SectionSpec("inputs", "Inputs", "Single controls for entering and choosing values.", INPUTS),
    SectionSpec(
        "navigation", "Navigation", "Getting around: menus, tabs, trails and pages.", NAVIGATION
    ),
    SectionSpec(
        "feedback", "Feedback", "Telling people what happened and what is happening.", FEEDBACK
    ),
    SectionSpec("data_display", "Data display", "Tables, figures, people and code.", DATA_DISPLAY),
    SectionSpec("layout", "Layout", "Boxes that arrange other boxes.", LAYOUT),
    SectionSpec("media", "Media", "Pictures, sound and video.", MEDIA),
    SectionSpec("typography", "Typography", "Headings, paragraphs, quotes and lists.", TYPOGRAPHY),
    SectionSpec("overlays", "Overlays", "Things that float above the page.", OVERLAYS),
    SectionSpec("commerce", "Commerce", "Prices, carts and checkout.", COMMERCE),
)


# ---------------------------------------------------------------------------------------------
# Writing Python source the way ruff format would
# ---------------------------------------------------------------------------------------------


def width(line: str) -> int:
    """The display width ruff measures a line by: wide characters such as emoji count twice."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def string_literal(text: str) -> str:
    """A literal for ``text`` in the quotes ruff prefers: double, unless single escape less."""
    if "\\" in text or "\n" in text:
        raise ValueError(f"keep the table's strings free of backslashes and newlines: {text!r}")
    quote = "'" if text.count('"') > text.count("'") else '"'
    return quote + text.replace(quote, "\\" + quote) + quote


def flat(value: Value) -> str:
    """``value`` as Python source on a single line."""
    match value:
        case Code(source=source):
            return source
        case Call(func=func, kwargs=kwargs):
            return f"{func}({', '.join(f'{key}={flat(item)}' for key, item in kwargs)})"
        case str():
            return string_literal(value)
        case bool() | int() | float() | None:
            return repr(value)
        case tuple() if len(value) == 1:
            return f"({flat(value[0])},)"
        case tuple():
            return f"({', '.join(flat(item) for item in value)})"
        case list():
            return f"[{', '.join(flat(item) for item in value)}]"
        case dict():
            pairs = (f"{string_literal(key)}: {flat(item)}" for key, item in value.items())
            return f"{{{', '.join(pairs)}}}"


def exploded(value: Value) -> tuple[str, list[tuple[str, Value]], str] | None:
    """How ``value`` splits over lines: opening bracket, (prefix, item) pairs, closing bracket."""
    match value:
        case Call(func=func, kwargs=kwargs):
            return f"{func}(", [(f"{key}=", item) for key, item in kwargs], ")"
        case tuple() if value:
            return "(", [("", item) for item in value], ")"
        case list() if value:
            return "[", [("", item) for item in value], "]"
        case dict() if value:
            return "{", [(f"{string_literal(key)}: ", item) for key, item in value.items()], "}"
        case _:
            return None


def source_lines(value: Value, depth: int, prefix: str = "", suffix: str = "") -> list[str]:
    """Lines of ``prefix + value + suffix`` indented ``depth`` levels.

    One line if it fits in LINE_LENGTH; otherwise one item per line, each followed by a comma.
    That trailing comma is "magic" to ruff format, so the exploded form is stable too.
    """
    pad = INDENT * depth
    one_line = f"{pad}{prefix}{flat(value)}{suffix}"
    parts = exploded(value)
    if width(one_line) <= LINE_LENGTH or parts is None:
        return [one_line]
    opening, items, closing = parts
    lines = [f"{pad}{prefix}{opening}"]
    for item_prefix, item in items:
        lines.extend(source_lines(item, depth + 1, item_prefix, ","))
    lines.append(f"{pad}{closing}{suffix}")
    return lines


def block(code: str, depth: int) -> str:
    """A snippet from the table, dedented, stripped and re-indented ``depth`` levels."""
    return textwrap.indent(textwrap.dedent(code).strip("\n"), INDENT * depth)


def module(*blocks: str) -> str:
    """Top-level blocks separated by two blank lines, ending with a newline."""
    return "\n\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------
# The generated files
# ---------------------------------------------------------------------------------------------


def component_module(spec: ComponentSpec) -> str:
    """``<subject>/<module>.py``: the dataclass component."""
    header = "\n".join(
        [
            f'"""The {spec.title.lower()} component."""',
            "",
            "from dataclasses import dataclass",
            "",
            "from tdom import html",
        ]
    )
    component = "\n".join(
        [
            "@dataclass",
            f"class {spec.class_name}:",
            f'    """{spec.summary}"""',
            "",
            block(spec.fields, 1),
            "",
            "    def __call__(self):",
            f'        """Render the {spec.title.lower()}."""',
            block(spec.render, 2),
        ]
    )
    if not spec.preamble:
        return module(header, component)
    preamble = block(spec.preamble, 0)
    if not preamble.startswith(("def ", "class ", "@")):
        header = f"{header}\n\n{preamble}"  # isort: one blank line before other statements
        return module(header, component)
    return module(header, preamble, component)


def unique_checks(spec: ComponentSpec) -> list[Check]:
    """Every check the subject's stories use, once each, in order of first use."""
    checks: dict[str, Check] = {}
    for story in spec.stories:
        for check in story.checks:
            if checks.setdefault(check.name, check) != check:
                raise ValueError(f"{spec.module}: two different checks named {check.name}")
    return list(checks.values())


def story_call(story: StorySpec) -> Call:
    """``Story(...)`` with only the arguments the story needs."""
    kwargs: list[tuple[str, Value]] = [("title", story.title)]
    if story.description:
        kwargs.append(("description", story.description))
    if story.props:
        kwargs.append(("props", story.props))
    if story.checks:
        kwargs.append(("assertions", [Code(check.name) for check in story.checks]))
    return Call("Story", tuple(kwargs))


def subject_stories(section: SectionSpec, spec: ComponentSpec) -> str:
    """``<subject>/stories.py``: assertion functions and ``this_subject()``."""
    where = f"{PACKAGE}.{section.package}.{spec.module}.{spec.module}"
    target = f"from {where} import {spec.class_name}"
    if width(target) > LINE_LENGTH:
        target = f"from {where} import (\n{INDENT}{spec.class_name},\n)"
    header = "\n".join(
        [
            f'"""Stories for the {spec.title.lower()} component."""',
            "",
            "from storyville import Story, Subject",
            "",
            target,
        ]
    )
    checks = [
        "\n".join(
            [
                f"def {check.name}(el: object) -> None:",
                f'{INDENT}"""{check.doc}"""',
                f"{INDENT}markup = str(el)",
                f"{INDENT}assert {check.condition}, {string_literal(check.message)}",
            ]
        )
        for check in unique_checks(spec)
    ]
    subject = Call(
        "Subject",
        (
            ("title", spec.title),
            ("description", spec.summary),
            ("target", Code(spec.class_name)),
            ("items", [story_call(story) for story in spec.stories]),
        ),
    )
    factory = "\n".join(
        [
            "def this_subject() -> Subject:",
            f'{INDENT}"""The {spec.title.lower()} and its stories."""',
            *source_lines(subject, 1, "return "),
        ]
    )
    return module(header, *checks, factory)


def section_stories(section: SectionSpec) -> str:
    """``<section>/stories.py``: ``this_section()``."""
    header = f'"""The {section.title.lower()} section."""\n\nfrom storyville import Section'
    call = Call("Section", (("title", section.title), ("description", section.description)))
    factory = "\n".join(
        [
            "def this_section() -> Section:",
            f'{INDENT}"""{section.title}: {len(section.components)} components."""',
            *source_lines(call, 1, "return "),
        ]
    )
    return module(header, factory)


def catalog_stories() -> str:
    """The root ``stories.py``: ``this_catalog()``."""
    subjects = sum(len(section.components) for section in SECTIONS)
    header = '"""The root of the huge example catalog."""\n\nfrom storyville import Catalog'
    factory = "\n".join(
        [
            "def this_catalog() -> Catalog:",
            f'{INDENT}"""{len(SECTIONS)} sections, {subjects} subjects, '
            f'{subjects * STORIES_PER_SUBJECT} stories."""',
            f'{INDENT}return Catalog(title="Huge Catalog")',
        ]
    )
    return module(header, factory)


ROOT_DOC = '''"""A huge example catalog: 10 sections x 10 subjects x 3 stories.

The same shape as Storyville 0.1's huge example, for building side by side with it.
Generated by scripts/generate_huge_example.py; edit that script, not these files.
"""
'''


def generated_files() -> Iterator[tuple[Path, str]]:
    """Every file of ``examples/huge``, as (path relative to it, text)."""
    yield Path("__init__.py"), ROOT_DOC
    yield Path("stories.py"), catalog_stories()
    for section in SECTIONS:
        folder = Path(section.package)
        yield folder / "__init__.py", f'"""The {section.title.lower()} section."""\n'
        yield folder / "stories.py", section_stories(section)
        for spec in section.components:
            subject = folder / spec.module
            yield subject / "__init__.py", f'"""The {spec.title.lower()} subject."""\n'
            yield subject / f"{spec.module}.py", component_module(spec)
            yield subject / "stories.py", subject_stories(section, spec)


def validate(sections: Sequence[SectionSpec]) -> None:
    """Insist on the benchmark's shape: 10 x 10 x 3, unique names, short enough lines."""
    if len(sections) != 10:
        raise ValueError(f"expected 10 sections, found {len(sections)}")
    names = [spec.module for section in sections for spec in section.components]
    if len(set(names)) != len(names):
        raise ValueError("subject names must be unique across the catalog")
    for section in sections:
        if len(section.components) != 10:
            raise ValueError(f"{section.package}: expected 10 subjects")
        for spec in section.components:
            if len(spec.stories) != STORIES_PER_SUBJECT:
                raise ValueError(f"{spec.module}: expected {STORIES_PER_SUBJECT} stories")


def render_all() -> dict[Path, str]:
    """Validate the tables and render every file, checking line lengths on the way."""
    validate(SECTIONS)
    files = dict(generated_files())
    for path, text in files.items():
        for number, line in enumerate(text.splitlines(), start=1):
            if width(line) > LINE_LENGTH:
                raise ValueError(f"{path}:{number} is longer than {LINE_LENGTH}: {line.strip()}")
    return files


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``examples/huge`` (or, with ``--check``, report whether it is up to date)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if examples/huge differs from the tables"
    )
    args = parser.parse_args(argv)
    files = render_all()
    if args.check:
        on_disk = {
            path.relative_to(OUTPUT): path.read_text(encoding="utf-8")
            for path in OUTPUT.rglob("*.py")
        }
        if on_disk != files:
            print(f"{OUTPUT.relative_to(REPO)} is out of date; run {Path(__file__).name}")
            return 1
        print(f"{OUTPUT.relative_to(REPO)} is up to date ({len(files)} files)")
        return 0
    if OUTPUT.exists():
        shutil.rmtree(OUTPUT)
    for path, text in files.items():
        target = OUTPUT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    stories = sum(len(spec.stories) for section in SECTIONS for spec in section.components)
    print(f"wrote {len(files)} files to {OUTPUT.relative_to(REPO)} ({stories} stories)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
