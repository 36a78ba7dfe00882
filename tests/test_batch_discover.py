"""Finding a batch's inputs and laying out its outputs: mirrored, collision-free."""

from __future__ import annotations

from pathlib import Path

from exporter.batch.discover import discover, read_list


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def _layout(found) -> list[tuple[str, str, str]]:
    return [(i.key, i.directory, i.stem) for i in found.inputs]


def test_a_directory_is_walked_by_extension_and_mirrored(tmp_path: Path) -> None:
    _touch(tmp_path / "in", "a.txt", "sub/b.htm", "sub/deep/c.pdf", "notes.json", ".hidden.txt")
    _touch(tmp_path / "in", ".git/d.txt")
    found = discover([str(tmp_path / "in")], tmp_path / "out")
    assert _layout(found) == [
        ("a.txt", "", "a"),
        ("sub/b.htm", "sub", "b"),
        ("sub/deep/c.pdf", "sub/deep", "c"),
    ]
    assert found.problems == ()


def test_extensions_can_be_chosen(tmp_path: Path) -> None:
    _touch(tmp_path, "a.txt", "b.htm")
    found = discover([str(tmp_path)], tmp_path / "out", extensions=("htm",))
    assert [i.key for i in found.inputs] == ["b.htm"]


def test_same_stem_in_one_directory_gets_the_extension(tmp_path: Path) -> None:
    _touch(tmp_path, "q4.txt", "q4.htm", "Q4.pdf", "other.txt")
    found = discover([str(tmp_path)], tmp_path / "out")
    stems = {i.key: i.stem for i in found.inputs}
    assert stems == {
        "Q4.pdf": "Q4-pdf",
        "q4.htm": "q4-htm",
        "q4.txt": "q4-txt",
        "other.txt": "other",
    }
    assert len({s.casefold() for s in stems.values()}) == len(stems)


def test_files_from_two_trees_mirror_below_their_common_root(tmp_path: Path) -> None:
    _touch(tmp_path, "2023/q4.txt", "2024/q4.txt")
    found = discover(
        [str(tmp_path / "2023" / "q4.txt"), str(tmp_path / "2024" / "q4.txt")], tmp_path / "out"
    )
    assert _layout(found) == [("2023/q4.txt", "2023", "q4"), ("2024/q4.txt", "2024", "q4")]


def test_a_single_file_lands_at_the_top(tmp_path: Path) -> None:
    _touch(tmp_path, "deep/down/r.txt")
    found = discover([str(tmp_path / "deep" / "down" / "r.txt")], tmp_path / "out")
    assert _layout(found) == [("r.txt", "", "r")]


def test_globs_are_expanded_from_their_literal_prefix(tmp_path: Path) -> None:
    _touch(tmp_path, "data/x/r.txt", "data/y/r.txt", "data/y/s.htm")
    found = discover([str(tmp_path / "data" / "*" / "*.txt")], tmp_path / "out")
    assert _layout(found) == [("x/r.txt", "x", "r"), ("y/r.txt", "y", "r")]
    recursive = discover([str(tmp_path / "data" / "**" / "*.htm")], tmp_path / "out")
    assert [i.key for i in recursive.inputs] == ["y/s.htm"]


def test_a_list_file_names_inputs(tmp_path: Path) -> None:
    _touch(tmp_path, "a/r.txt", "b/s.txt")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# releases\n{tmp_path / 'a' / 'r.txt'}\n\n{tmp_path / 'b'}\n")
    found = discover(read_list(listing), tmp_path / "out")
    assert [i.key for i in found.inputs] == ["a/r.txt", "b/s.txt"]


def test_missing_arguments_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    _touch(tmp_path, "r.txt")
    found = discover(
        [str(tmp_path / "r.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "*.htm")],
        tmp_path / "out",
    )
    assert [i.key for i in found.inputs] == ["r.txt"]
    assert len(found.problems) == 2
    assert "missing.txt: cannot open" in found.problems[0]
    assert "no file matches" in found.problems[1]


def test_the_output_directory_is_not_an_input(tmp_path: Path) -> None:
    _touch(tmp_path, "r.txt", "out/r.report.txt")
    found = discover([str(tmp_path)], tmp_path / "out")
    assert [i.key for i in found.inputs] == ["r.txt"]


def test_a_top_level_directory_named_like_the_taxonomy_is_renamed(tmp_path: Path) -> None:
    _touch(tmp_path, "taxonomy/xe-2025-01-01.txt", "r.txt")
    found = discover([str(tmp_path)], tmp_path / "out")
    assert _layout(found)[1] == ("taxonomy/xe-2025-01-01.txt", "_taxonomy", "xe-2025-01-01")


def test_the_same_file_twice_is_converted_once(tmp_path: Path) -> None:
    _touch(tmp_path, "r.txt")
    found = discover([str(tmp_path / "r.txt"), str(tmp_path)], tmp_path / "out")
    assert [i.key for i in found.inputs] == ["r.txt"]


def test_layout_does_not_depend_on_argument_order(tmp_path: Path) -> None:
    _touch(tmp_path, "b/r.txt", "a/r.txt", "a/r.htm")
    one = discover([str(tmp_path / "b"), str(tmp_path / "a")], tmp_path / "out")
    two = discover([str(tmp_path / "a"), str(tmp_path / "b")], tmp_path / "out")
    assert _layout(one) == _layout(two)
