"""Stories for the table component."""

from storyville import Story, Subject

from examples.huge.data_display.table.table import Table


def has_a_row_per_invoice(el: object) -> None:
    """One header row plus one row per invoice."""
    markup = str(el)
    assert markup.count("<tr>") == 4, "expected 4 rows"


def scopes_the_headers(el: object) -> None:
    """Header cells are scoped to their columns."""
    markup = str(el)
    assert '<th scope="col">Amount</th>' in markup, "the Amount header is missing its scope"


def spans_every_column(el: object) -> None:
    """The empty message spans the whole table."""
    markup = str(el)
    assert 'colspan="3"' in markup, "the empty row should span all three columns"


def this_subject() -> Subject:
    """The table and its stories."""
    return Subject(
        title="Table",
        description="A captioned data table with header cells and an empty state.",
        target=Table,
        items=[
            Story(title="Team"),
            Story(
                title="Invoices",
                props={
                    "caption": "Invoices",
                    "columns": ("Number", "Date", "Amount", "Status"),
                    "rows": (
                        ("INV-001", "2025-01-03", "€1,200.00", "Paid"),
                        ("INV-002", "2025-02-03", "€980.00", "Overdue"),
                        ("INV-003", "2025-03-03", "€1,450.00", "Draft"),
                    ),
                    "striped": False,
                },
                assertions=[has_a_row_per_invoice, scopes_the_headers],
            ),
            Story(
                title="Empty",
                props={"caption": "Search results", "rows": ()},
                assertions=[spans_every_column],
            ),
        ],
    )
