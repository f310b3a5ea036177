"""A complete catalog: the design system of Brew & Bean, a neighbourhood café ☕.

It shows off every authoring feature: sections and subjects with descriptions,
function and dataclass components, every ``Story`` field (props, title, description,
template, assertions) and a themed layout that previews each story in the café's
own page shell.
"""
