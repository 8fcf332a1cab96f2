"""The fit logic (deck/fit.py) and the fit of every text frame of generated decks."""
from __future__ import annotations

import pytest

from planmkg_xl.core.compute import compute
from planmkg_xl.deck import fit
from planmkg_xl.deck.render import build_deck

from deck_helpers import computed_demo, long_plan, open_deck, overflows


def test_wrap_never_exceeds_the_width():
    text = "Réduire de 30 % le coût au lead qualifié, à budget stable, avec un mot interminablemententententent"
    for width in (40, 80, 150, 400):
        for line in fit.wrap(text, width, 12):
            assert fit.text_width(line, 12) <= width or len(line) == 1


def test_fit_text_picks_the_largest_size_that_fits():
    paras = [fit.P("Nous concentrons nos efforts sur trois axes : la fidélisation, le lancement et la lead generation.")]
    result = fit.fit_text(paras, 300, 60, 24, 8)
    assert not result.truncated and result.height <= 60
    assert not fit.fits(paras, 300, 60, result.size + 0.5)


def test_fit_text_cuts_with_an_ellipsis_at_the_minimum_size():
    result = fit.fit_text([fit.P("mot " * 400)], 200, 50, 14, 8)
    assert result.truncated and result.size == 8 and result.texts[-1].endswith(fit.ELLIPSIS)
    assert fit.fits([fit.P(t) for t in result.texts], 200, 50, 8)


def test_fit_table_shrinks_then_caps_lines_then_drops_rows():
    cells = [["Source", "Leads"]] + [["Une source au nom très long " * 3, "1 234"]] * 40
    result = fit.fit_table(cells, [150, 60], 300, 12, 7, {0}, header_rows=1)
    assert result.truncated and result.height <= 300
    assert result.dropped_rows > 0


def test_headers_do_not_cut_words():
    cells = [["Opportunités nécessaires"], ["12"]]
    result = fit.fit_table(cells, [70], 200, 12, 6, {0}, header_rows=1)
    assert not fit.breaks_words(cells[0][0], 70, result.header_size, True)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_text_frame_of_the_demo_deck_fits(lang):
    prs = open_deck(build_deck(computed_demo(lang), [], lang=lang))
    assert overflows(prs) == []


def test_every_text_frame_of_a_deck_of_long_texts_fits():
    prs = open_deck(build_deck(compute(long_plan()), []))
    assert overflows(prs) == []
    texts = [s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame]
    assert any(t.endswith(fit.ELLIPSIS) for t in texts), "long texts were neither shrunk nor cut"


def test_a_long_header_word_is_made_smaller_before_it_is_cut():
    """« Opportunités » in a narrow number column: the header row goes down to ``header_min`` (8 pt) rather than
    print « Opportunit/és »; the body keeps its size, and without ``header_min`` the header stops at the body's minimum."""
    from planmkg_xl.deck import fit as f

    word = "Opportunités"
    width = next(w for w in (x / 2 for x in range(40, 400)) if not f.breaks_words(word, w, 8.0, True))  # fits at 8 pt only
    assert f.breaks_words(word, width, 9.0, True)
    cells = [["Ligne", word], ["Produit 1", "45"], ["Produit 2", "210"]]
    got = f.fit_table(cells, [80.0, width], 500.0, 12.0, 9.0, header_rows=1, header_min=8.0)
    assert got.size >= 9.0 and got.header_size is not None and got.header_size < 9.0
    assert not f.breaks_words(word, width, got.header_size, True)
    old = f.fit_table(cells, [80.0, width], 500.0, 12.0, 9.0, header_rows=1)
    assert old.header_size == 9.0 and f.breaks_words(word, width, old.header_size, True)
