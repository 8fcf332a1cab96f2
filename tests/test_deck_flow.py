"""The deck's layout when a template leaves little room (``deck/flow.py``, ``deck/legibility.py``): every
block stays readable — tables and texts at their minimum size or more, numbers whole, charts tall enough
for their bars — side-by-side blocks re-flow, what still does not fit continues on « (suite) » slides, and
no cell, bar or sentence is lost; on a template with room the builder's layout is kept as it is."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planmkg_xl.core.compute import compute
from planmkg_xl.deck import flow, legibility
from planmkg_xl.deck.blocks import ChartBlock, Para, TableBlock, TextBlock
from planmkg_xl.deck.render import build_deck, update_deck
from planmkg_xl.deck.spec import deck_spec
from planmkg_xl.demo import demo_plan

import templates
from deck_helpers import computed_demo, open_deck, overflows

EMU_PER_PT = 12700


@pytest.fixture(scope="module")
def tall(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("tall") / "tall_title.pptx"
    path.write_bytes(templates.tall_title())
    return str(path)


@pytest.fixture(scope="module")
def tall_deck(tall):
    computed = computed_demo()
    return deck_spec(computed, []), open_deck(build_deck(computed, [], template=tall, warn=lambda m: None))


def _parts(prs, name: str) -> list:
    """The shapes drawing one block: ``pmk:table:leadgen``, then ``pmk:table:leadgen.2``… in slide order."""
    pattern = re.compile(re.escape(name) + r"(\.\d+)?")
    return [sh for slide in prs.slides for sh in slide.shapes if pattern.fullmatch(sh.name)]


def _blocks(specs):
    return [(spec, b) for spec in specs for b in spec.blocks]


def _run_sizes(frames) -> list[float]:
    return [r.font.size.pt for tf in frames for p in tf.paragraphs for r in p.runs if r.font.size is not None]


def test_every_table_reads_whole_on_a_tall_title_template(tall_deck):
    specs, prs = tall_deck
    tables = [b for _, b in _blocks(specs) if isinstance(b, TableBlock)]
    assert tables
    for block in tables:
        parts = _parts(prs, block.name)
        assert parts, block.name
        rows = []
        for shape in parts:
            cells = [[c.text_frame.text for c in row.cells] for row in shape.table.rows]
            if block.header_rows:
                assert cells[0] == block.header, shape.name  # the header repeated on every part
            rows += cells[block.header_rows:]
            sizes = _run_sizes(c.text_frame for row in shape.table.rows for c in row.cells)
            assert sizes and min(sizes) >= legibility.TABLE_MIN, (shape.name, min(sizes))
        assert rows == block.rows, block.name  # every row, every cell whole: no « … », nothing dropped


def _drawn_chart(block: ChartBlock, shape) -> ChartBlock:
    """The part of ``block`` a chart shape draws, read back from the shape (a bar chart stores its bars bottom-up)."""
    plot = shape.chart.plots[0]
    cats = [str(c) for c in plot.categories]
    values = [[None if v is None else float(v) for v in s.values] for s in plot.series]
    if block.chart_type == "bar":
        cats, values = cats[::-1], [v[::-1] for v in values]
    return replace(block, categories=cats, series=[replace(s, values=v) for s, v in zip(block.series, values)])


def test_every_chart_is_tall_enough_and_keeps_every_bar_on_a_tall_title_template(tall_deck):
    specs, prs = tall_deck
    charts = [b for _, b in _blocks(specs) if isinstance(b, ChartBlock)]
    assert charts
    for block in charts:
        drawn = [_drawn_chart(block, shape) for shape in _parts(prs, block.name)]
        assert [c for part in drawn for c in part.categories] == block.categories, block.name
        for i, s in enumerate(block.series):
            got = [v for part in drawn for v in part.series[i].values]
            assert got == [None if v is None else float(v) for v in s.values], (block.name, s.name)
        for shape, part in zip(_parts(prs, block.name), drawn):
            w, h = shape.width / EMU_PER_PT, shape.height / EMU_PER_PT
            need_w, need_h = legibility.chart_need(part, w)
            assert h >= need_h - 0.5 and w >= need_w - 0.5, (shape.name, (w, h), (need_w, need_h))
            if part.chart_type == "bar":  # the bars themselves: at least BAR_MIN thick in the plot left under title and legend
                k = len(part.series)
                assert h - 60 >= len(part.categories) * k * legibility.BAR_MIN, shape.name
        if len(drawn) > 1:  # parts of one chart share one scale
            assert len({shape.chart.value_axis.maximum_scale for shape in _parts(prs, block.name)}) == 1


def test_every_text_reads_whole_on_a_tall_title_template(tall_deck):
    specs, prs = tall_deck
    texts = [b for _, b in _blocks(specs) if isinstance(b, TextBlock)]
    for block in texts:
        [shape] = _parts(prs, block.name)
        assert [p.text for p in shape.text_frame.paragraphs] == [p.text for p in block.paragraphs], block.name
        floor = legibility.NOTE_MIN if block.style == "note" else legibility.TEXT_MIN
        assert min(_run_sizes([shape.text_frame])) >= floor, block.name


def test_what_does_not_fit_continues_on_slides_titled_suite(tall_deck):
    specs, prs = tall_deck
    names = [s._element.cSld.get("name") for s in prs.slides]
    titles = {s._element.cSld.get("name"): s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None}
    keys = [f"pmk:slide:{spec.key}" for spec in specs]
    assert [n for n in names if n in keys] == keys
    assert len(names) > len(keys)  # the squeezed slides continue
    by_key = {f"pmk:slide:{spec.key}": spec for spec in specs}
    current = None
    for name in names:
        if name in by_key:
            current = by_key[name]
            continue
        assert current is not None and re.fullmatch(re.escape(f"pmk:slide:{current.key}") + r"\.\d+", name), name
        assert titles[name] == f"{current.title} (suite)"
    # the lead generation strategy slide (a table, a chart, a message and a table): all its blocks on it or its continuations
    strategy = by_key["pmk:slide:leadgen_strategy"]
    own = [s for s in prs.slides if re.fullmatch(r"pmk:slide:leadgen_strategy(\.\d+)?", s._element.cSld.get("name"))]
    assert len(own) > 1
    drawn = {re.sub(r"\.\d+$", "", sh.name) for s in own for sh in s.shapes}
    assert {b.name for b in strategy.blocks} <= drawn
    assert overflows(prs) == []


def test_english_continuations_say_continued(tall):
    computed = compute(demo_plan("en"))
    prs = open_deck(build_deck(computed, [], template=tall, warn=lambda m: None))
    conts = [s for s in prs.slides if re.fullmatch(r"pmk:slide:.+\.\d+", s._element.cSld.get("name"))]
    assert conts and all(s.shapes.title.text_frame.text.endswith(" (continued)") for s in conts)


def test_an_update_refreshes_every_part_of_a_continued_chart_and_table(tall):
    plan = demo_plan()
    computed = compute(plan)
    built = build_deck(computed, [], template=tall, warn=lambda m: None)
    assert len(_parts(open_deck(built), "pmk:chart:leads_by_source")) > 1
    plan.tables["leadgen"][0]["leads"] = 2400  # Newsletter leaps to the top of the bars
    plan.tables["leadgen"][0]["spend"] = 90000  # and costs 1 636 € per qualified lead: a new conclusion title
    new = compute(plan)
    updated, changes = update_deck(new, [], built)
    assert any("pmk:chart:leads_by_source (2/" in c for c in changes)
    prs = open_deck(updated)
    block = next(b for s in deck_spec(new, []) for b in s.blocks if b.name == "pmk:chart:leads_by_source")
    drawn = [_drawn_chart(block, shape) for shape in _parts(prs, block.name)]
    assert [c for part in drawn for c in part.categories] == block.categories
    assert [v for part in drawn for v in part.series[0].values] == [float(v) for v in block.series[0].values]
    table = next(b for s in deck_spec(new, []) for b in s.blocks if b.name == "pmk:table:leadgen")
    rows = [[c.text_frame.text for c in row.cells] for shape in _parts(prs, table.name) for row in list(shape.table.rows)[1:]]
    assert rows == table.rows
    charts = next(s for s in deck_spec(new, []) if s.key == "leadgen_charts")
    old_title = next(s for s in deck_spec(computed, []) if s.key == "leadgen_charts").title
    assert charts.title != old_title
    titles = [s.shapes.title.text_frame.text for s in prs.slides if re.fullmatch(r"pmk:slide:leadgen_charts(\.\d+)?", s._element.cSld.get("name"))]
    assert titles[0] == charts.title and titles[1:] and all(t == f"{charts.title} (suite)" for t in titles[1:])


@pytest.mark.parametrize("make", [None, templates.dark])
def test_templates_with_room_keep_the_builders_layout(make, tmp_path, monkeypatch):
    """Where every block reads in its box (the built-in template, a dark one), nothing moves and no slide is added."""
    path = None
    if make is not None:
        path = tmp_path / "t.pptx"
        path.write_bytes(make())
    calls = []
    original = flow.first_page

    def spy(blocks, W, H, fits, split, keep=True):
        placed, rest = original(blocks, W, H, fits, split, keep)
        calls.append(([b.box for b in blocks], [box for _, box in placed], rest))
        return placed, rest

    monkeypatch.setattr(flow, "first_page", spy)
    computed = computed_demo()
    prs = open_deck(build_deck(computed, [], template=None if path is None else str(path), warn=lambda m: None))
    assert len(prs.slides) == len(deck_spec(computed, []))
    if make is None:  # the built-in template: every slide exactly as laid out by its builder
        assert calls and all(asked == got and rest == [] for asked, got, rest in calls)


# --------------------------------------------------------------------------- flow, with measured needs


def _text(key: str, box) -> TextBlock:
    return TextBlock(key, [Para(key)], box=box)


def _needs(**need):
    """A ``fits`` that reads each block when its box is at least (width, height) points."""
    def fits(b, w, h):
        nw, nh = need[b.key.split(".")[0]]
        return w >= nw - 1e-9 and h >= nh - 1e-9
    return fits


def _no_split(b, w, h):
    return None


def _overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] - 1e-9 and b[0] < a[0] + a[2] - 1e-9 and a[1] < b[1] + b[3] - 1e-9 and b[1] < a[1] + a[3] - 1e-9


def test_flow_keeps_a_layout_that_reads():
    blocks = [_text("a", (0, 0, 0.5, 1)), _text("b", (0.5, 0, 0.5, 1))]
    placed, rest = flow.first_page(blocks, 1000, 400, _needs(a=(400, 300), b=(400, 300)), _no_split)
    assert [box for _, box in placed] == [b.box for b in blocks] and rest == []


def test_flow_stacks_side_by_side_blocks_across_the_width_before_continuing():
    blocks = [_text("a", (0, 0, 0.5, 1)), _text("b", (0.5, 0, 0.5, 1))]
    placed, rest = flow.first_page(blocks, 1000, 400, _needs(a=(800, 150), b=(800, 150)), _no_split)
    assert rest == [] and len(placed) == 2
    (a, box_a), (b, box_b) = placed
    assert (a.key, b.key) == ("a", "b") and box_a[2] == box_b[2] == 1.0
    assert box_a[1] + box_a[3] <= box_b[1] and box_b[1] + box_b[3] <= 1.0 + 1e-9
    assert box_a[3] * 400 >= 150 and box_b[3] * 400 >= 150


def test_flow_continues_what_does_not_fit_and_loses_nothing():
    blocks = [_text("a", (0, 0, 1, 0.3)), _text("b", (0, 0.35, 1, 0.3)), _text("c", (0, 0.7, 1, 0.3))]
    fits = _needs(a=(800, 250), b=(800, 250), c=(100, 100))  # a and b too wide to sit side by side
    pages, left, keep = [], blocks, True
    while left:
        placed, left = flow.first_page(left, 1000, 400, fits, _no_split, keep)
        keep = False
        pages.append(placed)
        for i, (x, bx) in enumerate(placed):
            assert fits(x, bx[2] * 1000, bx[3] * 400), x.key
            assert not any(_overlap(bx, by) for _, by in placed[i + 1:])
        assert len(pages) < 5
    assert [[b.key for b, _ in p] for p in pages] == [["a"], ["b", "c"]]


def test_flow_puts_blocks_side_by_side_rather_than_on_another_slide_when_they_read_so():
    blocks = [_text("a", (0, 0, 1, 0.45)), _text("b", (0, 0.5, 1, 0.5))]
    placed, rest = flow.first_page(blocks, 1000, 400, _needs(a=(400, 250), b=(400, 250)), _no_split, keep=False)
    assert rest == [] and [b.key for b, _ in placed] == ["a", "b"]
    (_, box_a), (_, box_b) = placed
    assert box_a[0] + box_a[2] <= box_b[0] and box_a[3] * 400 >= 250 and box_b[3] * 400 >= 250


def test_flow_cuts_a_block_too_tall_for_a_whole_slide():
    table = TableBlock("t", ["h"], [[str(i)] for i in range(30)], box=(0, 0, 1, 0.8))
    note = _text("n", (0, 0.85, 1, 0.15))

    def fits(b, w, h):
        return h >= (len(b.rows) * 20 if isinstance(b, TableBlock) else 40)

    def split(b, w, h):
        n = int(h // 20)
        return (replace(b, rows=b.rows[:n]), replace(b, key=b.key + ".2", rows=b.rows[n:])) if isinstance(b, TableBlock) else None

    placed, rest = flow.first_page([table, note], 1000, 400, fits, split)
    assert [b.key for b, _ in placed] == ["t"] and len(placed[0][0].rows) == 20
    assert [b.key for b in rest] == ["t.2", "n"] and len(rest[0].rows) == 10
    placed, rest = flow.first_page(rest, 1000, 400, fits, split, keep=False)
    assert [b.key for b, _ in placed] == ["t.2", "n"] and rest == []


# --------------------------------------------------------------------------- legibility


def test_label_text_reads_the_format_like_excel():
    assert legibility.label_text('[$-40C]#,##0," k€"', 948_000) == "948 k€"
    assert legibility.label_text("#,##0", 7800) == "7 800"
    assert legibility.label_text('"€"#,##0.0,,"m"', 1_234_567) == "1.2€m"
    assert legibility.label_text("0.0%", 0.123) == "12.3%"


def test_a_bar_chart_needs_room_for_each_bar():
    one = ChartBlock("c", "bar", "Leads", ["a"], [])
    from planmkg_xl.deck.blocks import Series
    small = replace(one, categories=list("abcd"), series=[Series("x", [1, 2, 3, 4])])
    large = replace(small, categories=list("abcdefghijkl"), series=[Series("x", list(range(12)))])
    assert legibility.chart_need(large, 400)[1] - legibility.chart_need(small, 400)[1] >= 8 * (1 + 0.6) * legibility.BAR_MIN - 1e-6
    assert not legibility.chart_fits(large, 400, 100) and legibility.chart_fits(large, 400, 400)


def test_a_footnote_never_stands_alone_on_a_continuation_slide():
    """A band of three columns that fills the slide, and its footnote: the last column goes on with the
    footnote rather than the footnote alone (the columns kept here take the full width)."""
    cols = [_text(k, (i * 0.34, 0, 0.32, 0.86)) for i, k in enumerate("abc")]
    note = TextBlock("n", [Para("n")], box=(0, 0.89, 1, 0.11), style="note")

    def fits(b, w, h):  # a column's text takes less height as it gets wider
        return h >= (60 if b.key == "n" else 120_000 / w)

    placed, rest = flow.first_page(cols + [note], 1000, 400, fits, _no_split)
    assert [b.key for b, _ in placed] == ["a", "b"] and [b.key for b in rest] == ["c", "n"]
    assert placed[0][1][2] == pytest.approx(0.32 / 0.66) and placed[1][1][0] + placed[1][1][2] == pytest.approx(1.0)
    placed, rest = flow.first_page(rest, 1000, 400, fits, _no_split, keep=False)
    assert [b.key for b, _ in placed] == ["c", "n"] and rest == []


def test_number_columns_widen_to_show_their_numbers_whole():
    from planmkg_xl.deck import fit
    block = TableBlock("t", ["Ligne", "Écart"], [["Web : visites", "−26,5\u00a0%"], ["Leads", "+2,1\u00a0%"]])
    narrow = [200.0, 30.0]
    widths = legibility.number_widths(block, narrow)
    assert sum(widths) == pytest.approx(sum(narrow))
    assert not fit.breaks_words("−26,5\u00a0%", widths[1], legibility.TABLE_MIN, False)
    roomy = [150.0, 80.0]
    assert legibility.number_widths(block, roomy) == roomy  # a table that reads keeps its columns


def test_flow_gives_a_block_that_reads_nowhere_the_whole_slide():
    """A block that cannot be cut and needs more than a whole slide: alone on its slide, whole, nothing left over."""
    big = _text("big", (0, 0, 1, 0.5))
    placed, rest = flow.first_page([big], 1000, 400, _needs(big=(100, 900)), _no_split)
    assert [(b.key, box) for b, box in placed] == [("big", (0, 0.0, 1, 1.0))] and rest == []
    placed, rest = flow.first_page([_text("a", (0, 0, 1, 0.3)), big], 1000, 400, _needs(a=(100, 100), big=(100, 900)), _no_split)
    assert [b.key for b, _ in placed] == ["a"] and [b.key for b in rest] == ["big"]
    placed, rest = flow.first_page(rest, 1000, 400, _needs(big=(100, 900)), _no_split, keep=False)
    assert [b.key for b, _ in placed] == ["big"] and rest == []


@st.composite
def _slides(draw):
    """A builder's layout of bands of columns of stacked blocks, and what each block needs (points of a 1000 × 400 body)."""
    blocks, needs = [], {}
    n_bands = draw(st.integers(1, 3))
    top = 0.0
    for i in range(n_bands):
        height = (1.0 - 0.03 * (n_bands - 1)) / n_bands
        n_cols = draw(st.integers(1, 3))
        for j in range(n_cols):
            width = (1.0 - 0.02 * (n_cols - 1)) / n_cols
            n_stack = draw(st.integers(1, 2))
            for k in range(n_stack):
                key = f"b{i}{j}{k}"
                style = draw(st.sampled_from(["body", "body", "note"]))
                blocks.append(TextBlock(key, [Para(key)], box=(j * (width + 0.02), top + k * height / n_stack, width, height / n_stack),
                                        style=style))
                needs[key] = (draw(st.floats(50, 900)), draw(st.floats(20, 500)))
        top += height + 0.03
    return blocks, needs


@given(_slides())
@settings(max_examples=60, deadline=None)
def test_flow_places_every_block_once_without_overlap(case):
    blocks, needs = case
    fits = _needs(**needs)
    left, keep, seen = blocks, True, []
    for _ in range(len(blocks) + 1):
        placed, left = flow.first_page(left, 1000, 400, fits, _no_split, keep)
        keep = False
        assert placed
        seen += [b.key for b, _ in placed]
        for i, (b, box) in enumerate(placed):
            assert -1e-6 <= box[0] and box[0] + box[2] <= 1 + 1e-6 and -1e-6 <= box[1] and box[1] + box[3] <= 1 + 1e-6, (b.key, box)
            assert len(placed) == 1 or fits(b, box[2] * 1000, box[3] * 400), (b.key, box, needs[b.key])
            assert not any(_overlap(box, other) for _, other in placed[i + 1:]), b.key
        if not left:
            break
    assert not left
    assert sorted(seen) == sorted(b.key for b in blocks)
