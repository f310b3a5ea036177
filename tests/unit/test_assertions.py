"""storyville.assertions: the parser, roles, accessible names, every query and modifier."""

from __future__ import annotations

import dataclasses
import textwrap
import time
from concurrent import interpreters

import pytest
from markupsafe import Markup
from storyville import assertions
from storyville.assertions import (
    GetAllByClass,
    GetAllById,
    GetAllByLabelText,
    GetAllByRole,
    GetAllByTagName,
    GetAllByTestId,
    GetAllByText,
    GetByClass,
    GetById,
    GetByLabelText,
    GetByRole,
    GetByTagName,
    GetByTestId,
    GetByText,
    helpers,
)
from storyville.assertions.aria import accessible_name, heading_level, role_of
from storyville.assertions.dom import Element, parse

# -- the parser ----------------------------------------------------------------------------


def shape(node: Element | str) -> object:
    """A tree as nested tuples, for comparing structure."""
    if isinstance(node, str):
        return node
    return (node.tag, *(shape(c) for c in node.children))


@pytest.mark.parametrize(
    ("markup", "tree"),
    [
        ("<p>a<b>b</b>c</p>", [("p", "a", ("b", "b"), "c")]),
        ("<p>x<br>y<img src=a.png>z</p>", [("p", "x", ("br",), "y", ("img",), "z")]),
        ("<div/><span>s</span>", [("div",), ("span", "s")]),
        ("<ul><li>a<li>b</ul>", [("ul", ("li", "a"), ("li", "b"))]),
        ("<p>one<p>two", [("p", "one"), ("p", "two")]),
        ("<p>text<div>block</div>", [("p", "text"), ("div", "block")]),
        (
            "<table><tr><td>1<td>2<tr><td>3</table>",
            [("table", ("tr", ("td", "1"), ("td", "2")), ("tr", ("td", "3")))],
        ),
        ("<div><span>unclosed</div>after", [("div", ("span", "unclosed")), "after"]),
        ("<div>stray</em> end</div>", [("div", "stray end")]),
        ("<b>&amp; &lt;tag&gt; &#169;</b>", [("b", "& <tag> ©")]),
        ("<DIV CLASS=x>up</DIV>", [("div", "up")]),
    ],
)
def test_the_parser_builds_a_forgiving_tree(markup: str, tree: list[object]) -> None:
    assert [shape(c) for c in parse(markup).children] == tree


def test_elements_know_attributes_parents_and_text() -> None:
    root = parse('<div id=a class="x  y" hidden><input disabled><script>no()</script>t</div>')
    div = next(root.iter())
    assert div.attrs == {"id": "a", "class": "x  y", "hidden": ""}
    assert div.classes == ["x", "y"]
    field = next(div.iter())
    assert field.parent is div and field.attrs == {"disabled": ""} and field.hidden
    assert div.text == "t"  # script text is not text content
    assert (
        div.html() == '<div id="a" class="x y" hidden><input disabled><script>no()</script>t</div>'
    )


# -- roles and names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "role"),
    [
        ("<button>b</button>", "button"),
        ("<a href='/'>a</a>", "link"),
        ("<a>no href</a>", None),
        ("<h1>h</h1>", "heading"),
        ("<h6>h</h6>", "heading"),
        ("<img alt='cat' src=c.png>", "img"),
        ("<img alt='' src=c.png>", "presentation"),
        ("<input>", "textbox"),
        ("<input type=email>", "textbox"),
        ("<input type=checkbox>", "checkbox"),
        ("<input type=radio>", "radio"),
        ("<input type=submit>", "button"),
        ("<input type=search>", "searchbox"),
        ("<input type=number>", "spinbutton"),
        ("<input type=range>", "slider"),
        ("<input type=hidden>", None),
        ("<input list=l>", "combobox"),
        ("<select></select>", "combobox"),
        ("<select multiple></select>", "listbox"),
        ("<select size=4></select>", "listbox"),
        ("<textarea></textarea>", "textbox"),
        ("<nav></nav>", "navigation"),
        ("<main></main>", "main"),
        ("<header></header>", "banner"),
        ("<article><header></header></article>", "article"),
        ("<footer></footer>", "contentinfo"),
        ("<aside></aside>", "complementary"),
        ("<form></form>", "form"),
        ("<ul></ul>", "list"),
        ("<ol></ol>", "list"),
        ("<ul><li>i</li></ul>", "list"),
        ("<table></table>", "table"),
        ("<dialog></dialog>", "dialog"),
        ("<section aria-label='News'></section>", "region"),
        ("<section></section>", None),
        ("<progress></progress>", "progressbar"),
        ("<option>o</option>", "option"),
        ("<hr>", "separator"),
        ("<div role='tab button'>t</div>", "tab"),
        ("<button role=switch>s</button>", "switch"),
        ("<div>plain</div>", None),
    ],
)
def test_implicit_and_explicit_roles(markup: str, role: str | None) -> None:
    assert role_of(next(parse(markup).iter())) == role


@pytest.mark.parametrize(
    ("markup", "roles"),
    [
        ("<article><header>h</header><footer>f</footer></article>", ["article", None, None]),
        (
            "<table><tr><th>a</th><th scope=row>b</th><td>c</td></tr></table>",
            ["table", "row", "columnheader", "rowheader", "cell"],
        ),
        ("<ul><li>one</li></ul>", ["list", "listitem"]),
    ],
)
def test_roles_that_depend_on_context(markup: str, roles: list[str | None]) -> None:
    assert [role_of(el) for el in parse(markup).iter()] == roles


@pytest.mark.parametrize(
    ("markup", "tag", "name"),
    [
        ("<button>  Save\n changes </button>", "button", "Save changes"),
        ("<button aria-label='Close'>×</button>", "button", "Close"),
        (
            "<span id=t>Cart</span><span id=n>(2)</span><button aria-labelledby='t n'>x</button>",
            "button",
            "Cart (2)",
        ),
        (
            "<button aria-labelledby='nowhere' aria-label='Fallback'>x</button>",
            "button",
            "Fallback",
        ),
        ("<label for=e>Email</label><input id=e>", "input", "Email"),
        ("<label>Name <input></label>", "input", "Name"),
        ("<img alt='A cat'>", "img", "A cat"),
        ("<a href=/><img alt='Home'></a>", "a", "Home"),
        (
            "<button><svg aria-hidden=true></svg><span hidden>no</span>Menu</button>",
            "button",
            "Menu",
        ),
        ("<input type=submit>", "input", "Submit"),
        ("<input type=submit value=Send>", "input", "Send"),
        ("<input title='Search the site'>", "input", "Search the site"),
        ("<input placeholder='you@example.com'>", "input", "you@example.com"),
        ("<div title='Tip'>content is not a div's name</div>", "div", "Tip"),
        ("<fieldset><legend>Address</legend></fieldset>", "fieldset", "Address"),
        ("<table><caption>Prices</caption></table>", "table", "Prices"),
    ],
)
def test_accessible_names(markup: str, tag: str, name: str) -> None:
    *_, el = (e for e in parse(markup).iter() if e.tag == tag)
    assert accessible_name(el) == name


def test_heading_levels() -> None:
    levels = [
        heading_level(e)
        for e in parse("<h1></h1><h3></h3><div role=heading aria-level=5></div><p></p>").iter()
    ]
    assert levels == [1, 3, 5, None]


# -- queries: pass and fail tables ----------------------------------------------------------

PAGE = Markup(
    textwrap.dedent(
        """
        <header><nav aria-label="Main"><ul>
          <li><a href="/" class="nav-link active">Home</a></li>
          <li><a href="/shop" class="nav-link">Shop</a></li>
        </ul></nav></header>
        <main>
          <h1>Checkout</h1>
          <form>
            <label for="email">Email</label><input id="email" type="email" required>
            <label><input type="checkbox" name="news"> Send me news</label>
            <button type="submit" data-testid="pay" disabled>Pay  now</button>
            <button type="button" aria-label="Close" hidden>×</button>
          </form>
          <p class="note small">Secure <b>payment</b></p>
        </main>
        """
    )
)

PASSING = [
    GetByRole("button"),
    GetByRole("button", name="Pay now"),
    GetByRole("BUTTON"),
    GetByRole("heading", level=1),
    GetByRole("heading", name="Checkout", level=1),
    GetByRole("navigation", name="Main"),
    GetByRole("banner"),
    GetByRole("textbox", name="Email"),
    GetByRole("checkbox", name="Send me news"),
    GetByRole("link", name="Shop"),
    GetByRole("button", name="Close").not_(),  # hidden
    GetByRole("heading", level=2).not_(),
    GetByRole("dialog").not_(),
    GetByText("Checkout"),
    GetByText("payment"),
    GetByText("check", exact=False),
    GetByText("Secure"),
    GetByText("Secure payment").not_(),  # own text only, as Testing Library
    GetByLabelText("Email"),
    GetByLabelText("Send me news"),
    GetByLabelText("main", exact=False),
    GetByLabelText("Close"),
    GetByTestId("pay"),
    GetByTestId("card").not_(),
    GetByTagName("form"),
    GetByTagName("FORM"),
    GetByTagName("table").not_(),
    GetById("email"),
    GetById("phone").not_(),
    GetByClass("note"),
    GetByClass("small note"),
    GetByClass("large").not_(),
    GetAllByRole("link").count(2),
    GetAllByRole("listitem").count(2),
    GetAllByRole("button").count(1),
    GetAllByRole("link").nth(1).text_content("Shop"),
    GetAllByRole("link").nth(-1).with_attribute("href", "/shop"),
    GetAllByRole("link").with_attribute("class"),
    GetAllByRole("link").count(3).not_(),
    GetAllByRole("img").not_(),
    GetAllByText("Home").count(1),
    GetAllByLabelText("e", exact=False).count(3),
    GetAllByTestId("pay").count(1),
    GetAllByTagName("label").count(2),
    GetAllById("email").count(1),
    GetAllByClass("nav-link").count(2),
    GetAllByClass("nav-link").nth(0).with_attribute("class", "nav-link active"),
    GetByRole("button").text_content(" Pay now "),
    GetByRole("button").text_content("Pay").not_(),
    GetByRole("button").with_attribute("disabled"),
    GetByRole("button").with_attribute("type", "submit").with_attribute("data-testid", "pay"),
    GetByRole("button").with_attribute("aria-busy").not_(),
    GetByRole("textbox").with_attribute("required").not_().not_(),
]


@pytest.mark.parametrize("query", PASSING, ids=lambda q: q.__name__)
def test_queries_that_hold_return_none(query: helpers.GetByRole) -> None:
    assert query(PAGE) is None
    assert query(str(PAGE)) is None  # a plain string works as well as Markup


FAILING = [
    (
        GetByRole("button", name="Cancel"),
        "Unable to find element with role 'button' named 'Cancel'; roles present: banner, navigation 'Main', list, listitem, link 'Home', link 'Shop'",
    ),
    (
        GetByRole("heading", level=2),
        "Unable to find element with role 'heading' at level 2; roles present:",
    ),
    (
        GetByRole("link").not_(),
        'Expected element with role \'link\' NOT to exist, but found 2: <a href="/" class="nav-link active">Home</a>',
    ),
    (
        GetByRole("heading").not_(),
        "Expected element with role 'heading' NOT to exist, but found one: <h1>Checkout</h1>",
    ),
    (
        GetByRole("button").text_content("Pay"),
        "Expected text: 'Pay' but got: 'Pay now', on element with role 'button': <button",
    ),
    (
        GetByRole("button").with_attribute("aria-busy"),
        "Expected attribute 'aria-busy' not found, on element with role 'button'",
    ),
    (
        GetByRole("button").with_attribute("type", "button"),
        "Expected attribute 'type'='button' but got 'submit', on element with role 'button'",
    ),
    (
        GetByRole("button").with_attribute("disabled").not_(),
        "Expected element with role 'button' having attribute 'disabled' NOT to exist, but found one",
    ),
    (
        GetByText("Cancel"),
        "Unable to find element with text 'Cancel'; texts present: 'Home', 'Shop', 'Checkout', 'Email',",
    ),
    (GetByText("zzz", exact=False), "Unable to find element with text containing 'zzz'"),
    (
        GetByLabelText("Phone"),
        "Unable to find element labelled 'Phone'; labels present: 'Email', 'Send me news', 'Main', 'Close'",
    ),
    (
        GetByTestId("card"),
        "Unable to find element with data-testid 'card'; data-testids present: 'pay'",
    ),
    (
        GetByTagName("table"),
        "Unable to find element <table>; tags present: header, nav, ul, li, a, main, h1, form, label, input, button, p, b",
    ),
    (GetById("phone"), "Unable to find element with id 'phone'; ids present: 'email'"),
    (
        GetByClass("large"),
        "Unable to find element with class 'large'; classes present: nav-link, active, note, small",
    ),
    (
        GetByClass("note").not_(),
        "Expected element with class 'note' NOT to exist, but found one: <p class=\"note small\">Secure <b>payment</b></p>",
    ),
    (GetAllByRole("link").count(3), "Expected count: 3 but found: 2 elements with role 'link'"),
    (GetAllByRole("img"), "Unable to find elements with role 'img'; roles present:"),
    (
        GetAllByRole("link").nth(2),
        "Index 2 out of bounds, found 2 elements with role 'link'",
    ),
    (
        GetAllByRole("link").text_content("Home"),
        "Expected text: 'Home' but got: 'Shop', on element with role 'link' #1",
    ),
    (
        GetAllByRole("link").nth(0).with_attribute("href", "/x"),
        "Expected attribute 'href'='/x' but got '/', on element with role 'link' #0",
    ),
    (
        GetAllByRole("link").count(2).not_(),
        "Expected exactly 2 elements with role 'link' NOT to exist, but found 2",
    ),
    (
        GetAllByRole("link").nth(1).text_content("Shop").not_(),
        "Expected elements with role 'link' with a #1 having text 'Shop' NOT to exist",
    ),
    (
        GetAllByText("Nope").count(1),
        "Unable to find elements with text 'Nope'; texts present: 'Home'",
    ),
    (
        GetByRole("link").text_content("Shop"),
        "Found multiple elements (2) for element with role 'link'; use GetAllByRole",
    ),
    (GetAllByText("Nope"), "Unable to find elements with text 'Nope'; texts present: 'Home'"),
    (
        GetAllByLabelText("Email").count(2),
        "Expected count: 2 but found: 1 elements labelled 'Email'",
    ),
    (
        GetAllByTestId("pay").count(0),
        "Expected count: 0 but found: 1 elements with data-testid 'pay'",
    ),
    (GetAllByTagName("li").count(3), "Expected count: 3 but found: 2 elements <li>"),
    (GetAllById("email").count(2), "Expected count: 2 but found: 1 elements with id 'email'"),
    (
        GetAllByClass("nav-link").with_attribute("aria-current"),
        "Expected attribute 'aria-current' not found, on element with class 'nav-link' #0",
    ),
]


@pytest.mark.parametrize(("query", "headline"), FAILING, ids=[q.__name__ for q, _ in FAILING])
def test_queries_that_fail_say_what_they_looked_for_and_what_is_there(
    query: helpers.GetByRole, headline: str
) -> None:
    with pytest.raises(AssertionError) as caught:
        query(PAGE)
    first, query_line, markup = str(caught.value).split("\n")
    assert first.startswith(headline)
    assert query_line == f"Query: {query.__name__}"
    assert markup.startswith('Searched in: <header><nav aria-label="Main"><ul> <li>')
    assert markup.endswith("…") and len(markup) <= len("Searched in: ") + 200


# -- what carries over from Storyville 0.1.1 ----------------------------------------------


def test_label_text_takes_the_keyword_0_1_1_stories_use() -> None:
    form = '<form><label>Agree<input type="checkbox"></label><label>Agree<input></label></form>'
    GetByLabelText(label="Agree")('<label>Agree<input type="checkbox"></label>')
    GetAllByLabelText(label="Agree").count(2)(form)
    assert GetByLabelText("Agree") == GetByLabelText(label="Agree")
    assert GetByLabelText(label="Agree").__name__ == "GetByLabelText('Agree')"


def test_negate_reads_as_in_0_1_1() -> None:
    query = GetByTagName(tag_name="p")
    assert query.negate is False and query.not_().negate is True
    assert query.not_().not_().negate is False


@pytest.mark.parametrize(
    ("query", "markup", "wording"),
    [
        (GetByTagName("section"), "<div><p>x</p></div>", "Unable to find element <section>"),
        (GetAllByRole("button"), "<p>x</p>", "Unable to find elements with role 'button'"),
        (GetByTagName("b").not_(), "<b>x</b>", "NOT to exist"),
        (GetAllByTagName("b").not_(), "<b>x</b>", "NOT to exist"),
        (GetByTagName("b").text_content("y"), "<b>x</b>", "Expected text: 'y' but got: 'x'"),
        (
            GetByTagName("b").with_attribute("title"),
            "<b>x</b>",
            "Expected attribute 'title' not found",
        ),
        (
            GetByTagName("b").with_attribute("title", "t"),
            '<b title="u">x</b>',
            "Expected attribute 'title'='t' but got 'u'",
        ),
        (
            GetAllByTagName("b").count(2),
            "<b>1</b><b>2</b><b>3</b>",
            "Expected count: 2 but found: 3",
        ),
        (
            GetAllByTagName("b").nth(5),
            "<b>1</b><b>2</b>",
            "Index 5 out of bounds, found 2 elements",
        ),
    ],
    ids=lambda v: v.__name__ if hasattr(v, "__name__") else "",
)
def test_messages_use_0_1_1_wording(query: helpers.GetByRole, markup: str, wording: str) -> None:
    with pytest.raises(AssertionError) as caught:
        query(markup)
    headline, query_line, searched = str(caught.value).split("\n")
    assert wording in headline
    assert query_line == f"Query: {query.__name__}"
    assert searched == f"Searched in: {markup}"


def test_count_zero_fails_as_in_0_1_1() -> None:
    # 0.1.1's query raised "not found" before counting, so `.count(0)` never passes;
    # absence is checked with `GetBy….not_()`.
    with pytest.raises(AssertionError, match="Unable to find elements <b>"):
        GetAllByTagName("b").count(0)("<p>x</p>")
    with pytest.raises(AssertionError, match="Expected count: 0 but found: 1"):
        GetAllByTagName("b").count(0)("<b>x</b>")
    GetByTagName("b").not_()("<p>x</p>")


def test_get_by_fails_on_several_matches_as_in_0_1_1() -> None:
    with pytest.raises(AssertionError, match=r"Found multiple elements \(2\)"):
        GetByRole("button")("<div><button>A</button><button>B</button></div>")
    with pytest.raises(AssertionError, match="Found multiple"):
        GetByRole("button").text_content("A")("<div><button>A</button><button>B</button></div>")


TWO_BUTTONS = "<div><button>A</button><button>B</button></div>"


@pytest.mark.parametrize(
    ("query", "markup", "holds"),
    [  # where 0.1.1 gave the opposite result (docs/migrating.md lists why)
        (GetByTagName("button").not_(), TWO_BUTTONS, False),
        (GetByText("Sub"), "<div><button>Submit</button></div>", False),
        (GetByText("x"), "<p>x</p>", True),
        (GetByTagName("b").text_content("Save"), "<b>  Save  </b>", True),
        (GetByTagName("b").text_content("Save").not_(), "<b>Cancel</b>", True),
        (GetByTagName("button").with_attribute("disabled"), "<button disabled>x</button>", True),
        (GetAllByTagName("li").text_content("a"), "<ul><li>a</li><li>b</li></ul>", False),
        (GetAllByTagName("li").nth(-1).text_content("b"), "<ul><li>a</li><li>b</li></ul>", True),
        (GetByClass("a b"), '<p class="b a">1</p>', True),
    ],
    ids=lambda v: v.__name__ if hasattr(v, "__name__") else "",
)
def test_deliberate_differences_from_0_1_1(
    query: helpers.GetByRole, markup: str, holds: bool
) -> None:
    if holds:
        query(markup)
    else:
        with pytest.raises(AssertionError):
            query(markup)


def test_messages_on_empty_markup() -> None:
    for query, said in [
        (GetByRole("button"), "the markup has no elements with a role"),
        (GetByText("x"), "the markup has no text"),
        (GetByTagName("p"), "the markup has no elements"),
        (GetByClass("c"), "the markup has no classes"),
        (GetByLabelText("c"), "the markup has no labels"),
        (GetByTestId("c"), "the markup has no data-testid attributes"),
    ]:
        with pytest.raises(AssertionError, match=said):
            query("")


# -- the objects themselves ----------------------------------------------------------------


def test_queries_are_frozen_dataclasses_and_modifiers_return_new_ones() -> None:
    base = GetAllByRole("listitem")
    refined = base.count(3).nth(1).text_content("b").with_attribute("class", "x").not_()
    assert dataclasses.is_dataclass(base) and base == GetAllByRole("listitem")
    assert base.expected_count is None and refined.expected_count == 3 and refined.index == 1
    assert (refined.expected_text, refined.attributes, refined.negated) == (
        "b",
        (("class", "x"),),
        True,
    )
    assert hash(refined) == hash(
        GetAllByRole("listitem")
        .count(3)
        .nth(1)
        .text_content("b")
        .with_attribute("class", "x")
        .not_()
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        base.role = "list"  # type: ignore[misc]
    assert GetByRole(role="button", name="OK", level=None) == GetByRole("button", "OK")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        (GetByRole("button"), "GetByRole('button')"),
        (
            GetByRole("heading", name="Hi", level=2).not_(),
            "GetByRole('heading', name='Hi', level=2).not_()",
        ),
        (
            GetByText("a", exact=False).text_content("a"),
            "GetByText('a', exact=False).text_content('a')",
        ),
        (
            GetAllByClass("c").count(2).nth(0).with_attribute("id"),
            "GetAllByClass('c').count(2).nth(0).with_attribute('id')",
        ),
        (GetByTestId("t").with_attribute("k", "v"), "GetByTestId('t').with_attribute('k', 'v')"),
    ],
)
def test_the_name_badges_show(query: helpers.GetByRole, name: str) -> None:
    assert query.__name__ == name


def test_both_modules_offer_every_name() -> None:
    assert sorted(assertions.__all__) == sorted(helpers.__all__)
    for name in helpers.__all__:
        assert getattr(assertions, name) is getattr(helpers, name)
    assert len(helpers.__all__) == 14


def test_an_object_with_dunder_html_is_accepted() -> None:
    class Rendered:
        def __html__(self) -> str:
            return "<button>OK</button>"

    GetByRole("button", name="OK")(Rendered())


# -- in a subinterpreter, as builds run ------------------------------------------------------


def test_loads_and_works_in_a_subinterpreter() -> None:
    """Builds run in fresh subinterpreters: the assertions must import there (no C
    extension that refuses subinterpreters), and the import should stay cheap."""
    import sys

    interp = interpreters.create()
    try:
        interp.exec(f"import sys; sys.path[:0] = {sys.path!r}; import storyville")
        started = time.perf_counter()
        interp.exec("import storyville.assertions")
        took = time.perf_counter() - started
        interp.exec(  # an AssertionError in here fails the test as ExecutionFailed
            textwrap.dedent(
                """
                from storyville.assertions import GetAllByRole, GetByRole

                GetByRole("button", name="OK")("<button>OK</button>")
                try:
                    GetAllByRole("listitem").count(2)("<ul><li>a</ul>")
                except AssertionError as exc:
                    assert str(exc).startswith("Expected count: 2 but found: 1 elements with role 'listitem'")
                else:
                    raise SystemExit("no failure")
                """
            )
        )
    finally:
        interp.close()
    assert took < 2  # a sanity bound, not a benchmark: about 8 ms with bytecode cached
