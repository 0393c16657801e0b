"""Forest plots: geometry, accessibility, escaping and measure families."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from evidex.evidence import forest
from evidex.evidence.forest import ForestRow, estimate_text, forest_svg, text_width
from evidex.evidence.stats import Pooled

SVG = "{http://www.w3.org/2000/svg}"

SEED_ROWS = [
    ForestRow("Meta-analysis of 4 RCTs", "Virologic response", "OR", 0.62, 0.35, 1.10, 199),
    ForestRow("Meta-analysis of 4 RCTs", "Complete response", "OR", 0.54, 0.30, 0.97, 199),
    ForestRow("Propensity-matched cohort", "Overall survival", "HR", 0.308, 0.175, 0.541, 468),
    ForestRow("RCT (Japan)", "ALT normalization", "percent", 36.4, None, None, 316),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_estimate_text_rounds_half_up_as_written() -> None:
    assert estimate_text(0.308, 0.175, 0.541) == "0.31 [0.18, 0.54]"
    assert estimate_text(0.045, 0.02, 0.09) == "0.045 [0.020, 0.090]"
    assert estimate_text(-1.25, None, None) == "-1.25"


def test_rounding_is_remembered_per_number_as_written_so_signed_zeros_stay_apart() -> None:
    assert estimate_text(0.0, -0.0, 0.0) == "0.00 [-0.00, 0.00]"
    assert estimate_text(-0.0, 0.0, -0.0) == "-0.00 [0.00, -0.00]"
    assert [estimate_text(0.175, None, None) for _ in range(2)] == ["0.18", "0.18"]


def test_seed_plot_has_log_ticks_null_line_whiskers_and_estimates() -> None:
    root = parse(forest_svg(SEED_ROWS, title="Thymosin alpha-1 for liver health"))
    labels = texts(root)
    for tick in ("0.1", "0.25", "0.5", "1", "2", "4"):
        assert tick in labels
    assert "0.31 [0.18, 0.54]" in labels and "0.62 [0.35, 1.10]" in labels
    assert "Propensity-matched cohort" in labels
    assert any(label.startswith("Overall survival (HR), n=468") for label in labels)
    null_line = root.find(f".//{SVG}line[@class='no-effect']")
    assert null_line is not None
    tick_x = {
        "".join(t.itertext()): float(t.get("x", "0"))
        for t in root.iter(f"{SVG}text")
        if t.get("text-anchor") == "middle"
    }
    assert float(null_line.get("x1", "0")) == tick_x["1"]
    # log axis: 0.25 -> 0.5 and 0.5 -> 1 are the same distance.
    assert abs((tick_x["0.5"] - tick_x["0.25"]) - (tick_x["1"] - tick_x["0.5"])) < 0.2
    assert len(list(root.iter(f"{SVG}rect"))) == 1 + 3  # background + one marker per ratio row


def test_marker_area_grows_with_n() -> None:
    rows = [
        ForestRow("small", "death", "HR", 0.8, 0.5, 1.2, 50),
        ForestRow("large", "death", "HR", 0.8, 0.7, 0.9, 2000),
    ]
    root = parse(forest_svg(rows, title="t"))
    sides = [float(r.get("width", "0")) for r in root.iter(f"{SVG}rect")][1:]
    assert sides[0] < sides[1]


def test_pooled_diamond_sits_under_its_panel() -> None:
    pooled = Pooled(0.45, 0.30, 0.67, 12.0, 0.01, 3, "HR")
    root = parse(forest_svg(SEED_ROWS, title="t", pooled=pooled))
    diamond = root.find(f".//{SVG}polygon")
    assert diamond is not None and len(diamond.get("points", "").split()) == 4
    assert "0.45 [0.30, 0.67]" in texts(root)
    assert "Pooled random-effects estimate of 3 studies" in "".join(
        root.find(f"{SVG}desc").itertext()  # type: ignore[union-attr]
    )


def test_accessibility_attributes_and_description_of_every_row() -> None:
    svg = forest_svg(SEED_ROWS, title="Evidence plot")
    root = parse(svg)
    assert root.get("role") == "img"
    assert re.fullmatch(r"0 0 760 \d+", root.get("viewBox", ""))
    title_id, desc_id = root.get("aria-labelledby", "").split()
    assert root.find(f"{SVG}title").get("id") == title_id  # type: ignore[union-attr]
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.get("id") == desc_id
    description = "".join(desc.itertext())
    assert "Propensity-matched cohort, Overall survival: HR 0.31 (95% CI 0.18 to 0.54), n=468." in (
        description
    )
    assert "Not plotted (no comparison scale): RCT (Japan), ALT normalization: percent 36.40" in (
        description
    )
    assert "<script" not in svg.lower() and "onload" not in svg.lower()


def test_two_plots_on_one_page_do_not_share_ids() -> None:
    first = parse(forest_svg(SEED_ROWS, title="a")).get("aria-labelledby")
    second = parse(forest_svg(SEED_ROWS[:2], title="a")).get("aria-labelledby")
    assert first != second


def test_hostile_labels_are_escaped_and_the_svg_stays_well_formed() -> None:
    hostile = '<script>alert("x")</script> & "quotes" \'single\' ]]>'
    rows = [ForestRow(hostile, hostile, "HR", 0.5, 0.3, 0.8, 10)]
    svg = forest_svg(rows, title=hostile)
    assert "<script>" not in svg
    root = parse(svg)
    assert "".join(root.find(f"{SVG}title").itertext()) == hostile  # type: ignore[union-attr]
    assert not list(root.iter(f"{SVG}script"))


def test_mixed_measures_get_one_panel_per_family() -> None:
    rows = [
        *SEED_ROWS,
        ForestRow("Trial B", "ALT change (U/L)", "MD", -12.0, -20.0, -4.0, 120),
        ForestRow("Trial C", "Fatigue score", "SMD", 0.3, -0.1, 0.7, 80),
    ]
    root = parse(forest_svg(rows, title="mixed"))
    families = [g.get("data-family") for g in root.iter(f"{SVG}g") if g.get("class") == "panel"]
    assert families == ["ratio", "MD", "SMD"]
    md_panel = next(g for g in root.iter(f"{SVG}g") if g.get("data-family") == "MD")
    md_ticks = [
        "".join(t.itertext())
        for t in md_panel.iter(f"{SVG}text")
        if t.get("text-anchor") == "middle"
    ]
    assert "0" in md_ticks and "-20" in md_ticks


def test_output_uses_only_greys() -> None:
    svg = forest_svg(SEED_ROWS, title="t", pooled=Pooled(0.4, 0.3, 0.6, 0, 0, 2, "HR"))
    colours = re.findall(r'(?:fill|stroke)="#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})"', svg)
    assert colours
    for colour in colours:
        full = "".join(c * 2 for c in colour) if len(colour) == 3 else colour
        assert full[0:2] == full[2:4] == full[4:6], colour


def test_only_rows_without_a_scale_gives_a_readable_message() -> None:
    rows = [ForestRow("RCT", "Responders", "percent", 36.4, None, None, 316)]
    root = parse(forest_svg(rows, title="t"))
    assert "No estimates on a comparison scale to plot." in texts(root)


def test_wide_intervals_extend_the_log_axis() -> None:
    rows = [ForestRow("tiny trial", "death", "OR", 0.2, 0.03, 9.5, 12)]
    labels = texts(parse(forest_svg(rows, title="t")))
    assert "0.025" in labels and "16" in labels


def _plot_left(root: ET.Element) -> float:
    axis_line = next(
        line
        for line in root.iter(f"{SVG}line")
        if line.get("y1") == line.get("y2") and line.get("stroke") == "#444"
    )
    return float(axis_line.get("x1", "0"))


def test_long_labels_stay_left_of_the_plot_and_keep_their_full_text_as_a_tooltip() -> None:
    long_outcome = "Recurrence-free survival (recurrence or death) after curative resection"
    long_study = "Thymosin alpha-1 after hepatectomy, propensity-matched cohort from three centres"
    rows = [
        ForestRow(long_study, long_outcome, "HR", 0.381, 0.229, 0.633, 468),
        ForestRow("Short trial", "Death", "HR", 0.9, 0.7, 1.1, 120),
    ]
    root = parse(forest_svg(rows, title="t"))
    left = _plot_left(root)
    row_texts = [
        t for g in root.iter(f"{SVG}g") if g.get("class") == "row" for t in g.iter(f"{SVG}text")
    ]
    labels = [t for t in row_texts if t.get("text-anchor") != "end"]
    assert labels
    for label in labels:
        text = "".join(label.itertext())
        assert text_width(text, float(label.get("font-size", "12")), True) < left - 8, text
    tooltips = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    assert long_study in tooltips
    shown = ["".join(t.itertext()) for t in labels]
    assert any(s.endswith("…") and long_study.startswith(s[:-1].rstrip()) for s in shown)
    # The long outcome wraps onto a second line rather than being cut at once.
    assert any(s.startswith("Recurrence-free survival") for s in shown)
    assert len(shown) == 3 + 2  # study, two outcome lines; then the short row's two lines


def test_a_row_whose_outcome_wraps_is_one_line_taller_and_the_next_row_moves_down() -> None:
    long_outcome = "Recurrence-free survival (recurrence or death) after curative resection"
    short_rows = [ForestRow("A", "Death", "HR", 0.8, 0.6, 1.1), ForestRow("B", "Death", "HR", 0.9)]
    wrapped_rows = [ForestRow("A", long_outcome, "HR", 0.8, 0.6, 1.1), short_rows[1]]

    def second_label_y(rows: list[ForestRow]) -> float:
        root = parse(forest_svg(rows, title="t"))
        labels = [t for t in root.iter(f"{SVG}text") if "".join(t.itertext()) == "B"]
        return float(labels[0].get("y", "nan"))

    assert second_label_y(wrapped_rows) - second_label_y(short_rows) == 13  # LINE_HEIGHT


def test_short_labels_leave_more_room_for_the_plot() -> None:
    short = [ForestRow("A", "Death", "HR", 0.8, 0.6, 1.1, 100)]
    long = [ForestRow("A much longer study name, 2019", "All-cause death", "HR", 0.8, 0.6, 1.1)]
    assert _plot_left(parse(forest_svg(short, title="t"))) < _plot_left(
        parse(forest_svg(long, title="t"))
    )


def _favours(root: ET.Element) -> list[tuple[str, str]]:
    """(panel's better, favours texts left to right) for each panel."""
    found = []
    for panel in root.iter(f"{SVG}g"):
        if panel.get("class") != "panel":
            continue
        for group in panel.iter(f"{SVG}g"):
            if group.get("class") == "favours":
                texts_ = [" ".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))]
                found.append((panel.get("data-better", ""), texts_[0]))
    return found


def test_each_side_of_the_axis_says_whom_it_favours_by_which_way_is_better() -> None:
    rows = [
        ForestRow(
            "Meta",
            "Complete response",
            "OR",
            0.54,
            0.30,
            0.97,
            199,
            better="higher",
            compound="Tα1",
            comparator="interferon-alpha",
            verdict="favours interferon-alpha",
        ),
        ForestRow(
            "Cohort",
            "Death",
            "HR",
            0.31,
            0.18,
            0.54,
            468,
            better="lower",
            compound="Tα1",
            comparator="no treatment",
            verdict="favours Tα1",
        ),
    ]
    root = parse(forest_svg(rows, title="t"))
    assert _favours(root) == [
        ("lower", "← favours Tα1 favours no treatment →"),
        ("higher", "← favours interferon-alpha favours Tα1 →"),
    ]
    shown = texts(root)
    assert "favours interferon-alpha" in shown and "favours Tα1" in shown
    assert (
        "Meta, Complete response: OR 0.54 (95% CI 0.30 to 0.97), n=199: favours "
        "interferon-alpha." in "".join(root.find(f"{SVG}desc").itertext())
    )  # type: ignore[union-attr]


def test_a_panel_whose_better_side_is_unknown_says_so_instead_of_guessing() -> None:
    rows = [ForestRow("Meta", "Sleep onset latency", "MD", -7.06, -9.75, -4.37, unit="minutes")]
    root = parse(forest_svg(rows, title="t"))
    assert _favours(root) == []
    shown = texts(root)
    assert "Which way is better is not recorded for these outcomes." in shown
    assert "Mean difference (minutes)" in shown
    assert "Sleep onset latency (MD, minutes)" in " ".join(shown)


def test_the_narrow_drawing_fits_a_phone_with_text_at_full_size() -> None:
    long_study = "Propensity-matched observational cohort from three centres, n=468"
    rows = [
        ForestRow(
            long_study,
            "Recurrence-free survival (recurrence or death)",
            "HR",
            0.381,
            0.229,
            0.633,
            468,
            better="lower",
            compound="thymosin alpha-1",
            comparator="no treatment",
            verdict="favours thymosin alpha-1",
        ),
        ForestRow(
            "Meta",
            "Complete response",
            "OR",
            0.54,
            0.30,
            0.97,
            199,
            better="higher",
            compound="thymosin alpha-1",
            comparator="interferon-alpha",
            verdict="favours interferon-alpha",
        ),
    ]
    root = parse(forest_svg(rows, title="Thymosin Alpha-1 for liver health", width=360))
    assert root.get("viewBox", "").startswith("0 0 360 ")
    for text in root.iter(f"{SVG}text"):
        size = float(text.get("font-size", "12"))
        assert size >= 11
        content = "".join(text.itertext())
        x = float(text.get("x", "0"))
        width = text_width(content, size, text.get("font-weight") in ("600", "bold"))
        anchor = text.get("text-anchor", "start")
        left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
        assert left >= 0 and left + width <= 360 + 0.5, content


def _truncated_a_letter_at_a_time(text: str, width: float, size: float, bold: bool) -> str:
    """The cut `forest._truncate` makes, found as it once was: dropping the last character
    until the rest and its ellipsis fit."""
    if forest.text_width(text, size, bold) <= width:
        return text
    whole = text
    while text and forest.text_width(text.rstrip() + "…", size, bold) > width:
        text = text[:-1]
    cut_mid_word = whole[len(text) : len(text) + 1].isalnum() and text[-1:].isalnum()
    if cut_mid_word and text.rfind(" ") > len(text) // 2:
        text = text[: text.rfind(" ")]
    return text.rstrip(" ,;(·") + "…"


@given(
    text=st.text(alphabet="aimW .,(I1%é…", max_size=60),
    width=st.floats(min_value=0, max_value=400),
    size=st.sampled_from([9.0, 11.0, 12.5]),
    bold=st.booleans(),
)
def test_truncation_keeps_the_longest_prefix_that_fits(
    text: str, width: float, size: float, bold: bool
) -> None:
    assert forest._truncate(text, width, size, bold) == _truncated_a_letter_at_a_time(
        text, width, size, bold
    )
