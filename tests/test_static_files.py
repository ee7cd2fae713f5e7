"""Files the browser map loads from the static folder: content-hashed, written once."""

import json

import pytest

from layers.render.static_files import publish_json, versioned_url


def test_same_content_same_file_new_content_replaces_it(tmp_path):
    first = publish_json({"a": 1}, "regions_2016", static_dir=tmp_path)
    assert first.startswith("/app/static/generated/regions_2016.") and first.endswith(".json")
    path = tmp_path / "generated" / first.rsplit("/", 1)[1]
    assert json.loads(path.read_text()) == {"a": 1}
    stamp = path.stat().st_mtime_ns
    assert publish_json({"a": 1}, "regions_2016", static_dir=tmp_path) == first
    assert path.stat().st_mtime_ns == stamp  # not rewritten
    second = publish_json({"a": 2}, "regions_2016", static_dir=tmp_path)
    assert second != first and not path.exists()
    other = publish_json({"a": 1}, "regions_pre2016", static_dir=tmp_path)
    assert (tmp_path / "generated" / second.rsplit("/", 1)[1]).exists() and other != first
    assert not list((tmp_path / "generated").glob(".*.tmp"))


def test_text_is_compact_utf8(tmp_path):
    url = publish_json(
        {"nom": "Île-de-France"}, "x", base_url="/base/app/static/", static_dir=tmp_path
    )
    assert url.startswith("/base/app/static/generated/x.")
    text = (tmp_path / "generated" / url.rsplit("/", 1)[1]).read_text(encoding="utf-8")
    assert text == '{"nom":"Île-de-France"}'


@pytest.mark.parametrize("name", ["../x", "a/b", "A", "", "x.json"])
def test_names_are_plain_identifiers(tmp_path, name):
    with pytest.raises(ValueError, match="name must match"):
        publish_json({}, name, static_dir=tmp_path)


def test_versioned_url_changes_with_the_content(tmp_path):
    (tmp_path / "atlas").mkdir()
    script = tmp_path / "atlas" / "atlas.js"
    script.write_text("a")
    first = versioned_url("atlas/atlas.js", static_dir=tmp_path)
    assert first.startswith("/app/static/atlas/atlas.js?v=")
    script.write_text("b")
    assert versioned_url("atlas/atlas.js", static_dir=tmp_path) != first
    with pytest.raises(FileNotFoundError, match=r"missing\.js"):
        versioned_url("atlas/missing.js", static_dir=tmp_path)
