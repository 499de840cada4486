"""Every page carries the one shared site header, assembled on the server from our own markup."""

from __future__ import annotations

import pytest

from diplograph.web.pages import HEADER_MARKER, PAGES, render_page


@pytest.mark.parametrize("filename", sorted(set(PAGES.values())))
def test_each_page_has_the_site_header_once(filename: str) -> None:
    html = render_page(filename)
    assert HEADER_MARKER not in html
    assert html.count('<header class="site">') == 1
    assert html.count('href="/events"') >= 1 and html.count('id="nav-country"') == 1
