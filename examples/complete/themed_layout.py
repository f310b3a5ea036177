"""The Brew & Bean page shell: every story is also previewed inside it."""

from tdom import html

BRAND_CSS = """
:root {
  --espresso: #3b2417;
  --crema: #f7ecdf;
  --caramel: #c8742b;
  --milk: #fffdf9;
  --berry: #a4343a;
  --sage: #4f7a5a;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  background: var(--crema);
  color: var(--espresso);
  font: 16px/1.5 "Georgia", "Times New Roman", serif;
}
.brand-bar {
  display: flex;
  align-items: baseline;
  justify-content: space-between;
  padding: 0.75rem 1.5rem;
  background: var(--espresso);
  color: var(--crema);
}
.brand-bar__logo { font-size: 1.4rem; font-weight: bold; letter-spacing: 0.02em; }
.brand-bar__tagline { font-style: italic; opacity: 0.8; }
.brand-well {
  max-width: 60rem;
  margin: 2rem auto;
  padding: 1.5rem;
  background: var(--milk);
  border-radius: 0.75rem;
  box-shadow: 0 2px 12px rgb(59 36 23 / 0.12);
}
.brand-well__title { margin-top: 0; font-size: 1.1rem; color: var(--caramel); }
.brand-footer { padding: 1rem; text-align: center; font-size: 0.85rem; opacity: 0.7; }
.btn {
  border: 2px solid var(--espresso);
  border-radius: 999px;
  font: inherit;
  cursor: pointer;
}
.btn--sm { padding: 0.2rem 0.8rem; font-size: 0.85rem; }
.btn--md { padding: 0.45rem 1.2rem; }
.btn--lg { padding: 0.7rem 1.8rem; font-size: 1.2rem; }
.btn--primary { background: var(--espresso); color: var(--crema); }
.btn--secondary { background: transparent; color: var(--espresso); }
.btn--danger { background: var(--berry); border-color: var(--berry); color: white; }
.btn:disabled { opacity: 0.45; cursor: not-allowed; }
.btn__icon { margin-right: 0.4em; }
.stepper { display: inline-flex; align-items: center; gap: 0.25rem; }
.stepper input { width: 3.5rem; text-align: center; font: inherit; }
.menu-item {
  position: relative;
  padding: 1rem 1.25rem;
  border: 1px solid rgb(59 36 23 / 0.15);
  border-radius: 0.5rem;
  background: white;
}
.menu-item--sold-out { opacity: 0.6; }
.menu-item__ribbon {
  position: absolute;
  top: 0.75rem;
  right: 0.75rem;
  padding: 0 0.5rem;
  background: var(--berry);
  color: white;
  font-size: 0.8rem;
}
.menu-item__tags { display: flex; gap: 0.4rem; padding: 0; list-style: none; }
.menu-item__tags li { padding: 0 0.5rem; border-radius: 999px; background: var(--crema); }
.specials { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.price { font-weight: bold; }
.price del { margin-right: 0.3em; font-weight: normal; opacity: 0.6; }
.price ins { color: var(--berry); text-decoration: none; }
.notice { padding: 0.75rem 1rem; border-left: 4px solid; border-radius: 0.25rem; }
.notice--info { border-color: var(--caramel); background: #fdf3e7; }
.notice--success { border-color: var(--sage); background: #edf5ef; }
.notice--warning { border-color: #d69e2e; background: #fdf8e6; }
.notice--error { border-color: var(--berry); background: #fbeced; }
.rating__stars { color: var(--caramel); letter-spacing: 0.1em; }
.rating__count { margin-left: 0.4em; font-size: 0.9rem; opacity: 0.7; }
"""


def themed_layout(story_title: str | None = None, children: object = None):
    """Wrap a rendered story in the café's page: brand bar, content well and footer.

    Args:
        story_title: The story's title, shown above the story and in the tab.
        children: The story's rendered markup.
    """
    page_title = f"{story_title} · Brew & Bean" if story_title else "Brew & Bean"
    return html(t"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{page_title}</title>
<style>{BRAND_CSS}</style>
</head>
<body>
<header class="brand-bar">
<span class="brand-bar__logo">Brew &amp; Bean ☕</span>
<span class="brand-bar__tagline">Café · Roastery · Bakery</span>
</header>
<main class="brand-well">
<h1 class="brand-well__title">{story_title}</h1>
{children}
</main>
<footer class="brand-footer">Roasted with care in Lyon — © Brew &amp; Bean</footer>
</body>
</html>
""")
