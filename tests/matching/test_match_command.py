"""``fairmatch match rank`` and ``suggest`` on plain JSON files."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

EDITION = {
    "buyers": [
        {
            "id": "jp-anim",
            "country": "JP",
            "languages": ["ja", "en"],
            "fields": ["animation"],
            "demands": [
                {
                    "field": "animation",
                    "kind": "outsourcing",
                    "value_usd": 9000000,
                    "text": "劇場作品の3DCGモデリング・リギング・レンダリング（3年間）。",
                }
            ],
        },
        {
            "id": "us-pharma",
            "country": "US",
            "languages": ["en"],
            "fields": ["pharma_rd"],
            "demands": [
                {
                    "field": "pharma_rd",
                    "kind": "outsourcing",
                    "value_usd": 4000000,
                    "text": "GLP toxicology and pharmacokinetic studies for three candidates.",
                }
            ],
        },
    ],
    "providers": [
        {
            "id": "cn-3d",
            "country": "CN",
            "languages": ["zh", "ja"],
            "fields": ["animation"],
            "capacity_usd": 20000000,
            "certifications": [],
            "text": "三维角色建模、绑定与渲染服务",
        },
        {
            "id": "cn-tox",
            "country": "CN",
            "languages": ["zh", "en"],
            "fields": ["pharma_rd"],
            "capacity_usd": 8000000,
            "certifications": ["GLP"],
            "text": "GLP毒理学与药代动力学研究",
        },
        {
            "id": "cn-2d",
            "country": "CN",
            "languages": ["zh"],
            "fields": ["animation"],
            "capacity_usd": 3000000,
            "certifications": [],
            "text": "二维动画中期制作与数字上色",
        },
    ],
}


def write(tmp_path, data, name="edition.json"):
    path = tmp_path / name
    path.write_text(
        json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data,
        encoding="utf-8",
    )
    return str(path)


def run(*args, capsys):
    call_command("match", *map(str, args))
    return capsys.readouterr().out


def test_rank_json_lists_top_k_each_way_with_score_and_components(tmp_path, capsys):
    document = json.loads(
        run("rank", write(tmp_path, EDITION), "--top", "2", "--json", capsys=capsys)
    )
    assert [m["provider"] for m in document["buyers"]["jp-anim"]] == ["cn-3d", "cn-2d"]
    assert [m["provider"] for m in document["buyers"]["us-pharma"]] == ["cn-tox", "cn-3d"]
    assert [m["buyer"] for m in document["providers"]["cn-tox"]] == ["us-pharma", "jp-anim"]
    assert set(document["providers"]) == {"cn-3d", "cn-tox", "cn-2d"}
    best = document["buyers"]["jp-anim"][0]
    assert set(best["components"]) == {
        "field",
        "kind",
        "size",
        "language",
        "certifications",
        "text",
        "meaning",
        "interest",
    }
    assert best["components"]["meaning"] > 0  # the default text model was used
    assert document["notices"] == []
    assert 0 < best["score"] <= 1
    assert best["reasons"][0] == {
        "component": "field",
        "template": "same field: %(field)s",
        "params": {"field": "animation"},
        "text": "same field: animation",
    }


def test_rank_text_output_shows_reasons(tmp_path, capsys):
    output = run("rank", write(tmp_path, EDITION), "--top", "1", capsys=capsys)
    assert output.splitlines()[:4] == [
        "Providers for each buyer",
        "jp-anim",
        output.splitlines()[2],
        "      same field: animation; capacity USD 20 M covers the USD 9 M contract; "
        "both speak ja; both describe 3D modelling and rigging, rendering",
    ]
    assert output.splitlines()[2].startswith("   1. cn-3d  0.")


def test_suggest_prints_objective_and_distributions(tmp_path, capsys):
    document = json.loads(
        run("suggest", write(tmp_path, EDITION), "--json", "--minimum", "1", capsys=capsys)
    )
    assert document["status"] == "optimal"
    assert {(p["buyer"], p["provider"]) for p in document["pairs"]} >= {
        ("jp-anim", "cn-3d"),
        ("us-pharma", "cn-tox"),
    }
    assert set(document["after"]) == {"buyers", "providers"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{",
            "not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)",
        ),
        (
            json.dumps(
                {
                    "buyers": [
                        EDITION["buyers"][0]
                        | {
                            "demands": [
                                {"field": "software", "kind": "outsourcing", "value_usd": "lots"}
                            ]
                        }
                    ],
                    "providers": [],
                }
            ),
            "buyers[0].demands[0].value_usd: must be a number",
        ),
        (
            json.dumps({"buyers": [], "providers": [{"id": "p", "capacity_usd": "x"}]}),
            "providers[0].capacity_usd: must be a number",
        ),
        (json.dumps({"buyers": []}), "providers: is required"),
    ],
)
def test_malformed_input_is_a_command_error_naming_the_field(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(CommandError) as error:
        call_command("match", "rank", path)
    assert str(error.value).endswith(message)


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("match", "rank", str(tmp_path / "missing.json"))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["rank", "--top", "0"], "argument --top: must be from 1 to 1000000, not '0'"),
        (["rank", "--top", "-3"], "argument --top: must be from 1 to 1000000, not '-3'"),
        (["rank", "--top", "²"], "argument --top: expected a whole number, not '²'"),
        (["rank", "--top", "9" * 30], "argument --top: must be from 1 to 1000000, not '"),
        (["suggest", "--minimum", "-1"], "argument --minimum: must be from 0 to 1000000"),
        (["suggest", "--min-score", "nan"], "argument --min-score: expected a number, not 'nan'"),
        (["suggest", "--min-score", "1.5"], "argument --min-score: must be at least 0 and at"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path, arguments, message):
    subcommand, *options = arguments
    with pytest.raises(CommandError) as error:
        call_command("match", subcommand, write(tmp_path, EDITION), *options)
    assert str(error.value).startswith(f"Error: {message}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000, "not valid JSON (nested too deeply)"),
        ('{"buyers": [], "providers": [], "x": ' + "9" * 5000 + "}", "(a number is too long)"),
        ('{"buyers": [{"id": "\\ud800"}], "providers": []}', "(an unpaired surrogate escape)"),
        ("[]", "input: must be an object"),
        ('"buyers"', "input: must be an object"),
    ],
)
def test_hostile_json_is_one_error_line(tmp_path, content, message):
    with pytest.raises(CommandError) as error:
        call_command("match", "rank", write(tmp_path, content))
    assert str(error.value).endswith(message)


def test_invalid_utf8_is_one_error_line(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"buyers": [{"id": "caf\xe9"}], "providers": []}')
    with pytest.raises(CommandError) as error:
        call_command("match", "rank", str(path))
    assert str(error.value).startswith(f"{path}: cannot read: 'utf-8' codec can't decode")


def test_rank_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(EDITION, ensure_ascii=False)))
    document = json.loads(run("rank", "-", "--top", "1", "--json", capsys=capsys))
    assert document["buyers"]["us-pharma"][0]["provider"] == "cn-tox"


BAD_TEXTS = {
    "empty": "",
    "one word": "animation",
    "uncovered language": "ለልጆች ተከታታይ ፊልም የሶስት አቅጣጫ አኒሜሽን ስራ እንፈልጋለን",
    "invented language": "qaStaHvIS wa' ram vIghro'mey ghoStaH jIyajbe'qu' Qapla' tlhIngan",
    "mixed scripts": "3D渲染 rendering レンダリング 렌더링 Рендеринг",
    "emoji": "🎬🎨✨ 3D 🐉🚀 animation!!! 👍",
    "20,000 characters": "三维动画渲染。" * 2858,
}


@pytest.mark.parametrize("name", BAD_TEXTS)
def test_rank_gives_every_pair_a_score_and_reasons_whatever_the_text(name, tmp_path, capsys):
    text = BAD_TEXTS[name]
    data = json.loads(json.dumps(EDITION))
    data["buyers"][0]["demands"][0]["text"] = text
    data["providers"][2]["text"] = text
    document = json.loads(run("rank", write(tmp_path, data), "--top", "3", "--json", capsys=capsys))
    for side in ("buyers", "providers"):
        for matches in document[side].values():
            assert matches
            for match in matches:
                assert 0 <= match["score"] <= 1
                assert match["reasons"] and all(r["text"] for r in match["reasons"])
    assert {m["provider"] for m in document["buyers"]["jp-anim"]} == {"cn-3d", "cn-tox", "cn-2d"}
    if name == "20,000 characters":
        assert [n["text"] for n in document["notices"]] == [
            f"the description of {who} has 20006 characters; only the first 5000 are compared"
            for who in ("jp-anim", "cn-2d")
        ]
    else:
        assert document["notices"] == []


def test_rank_reports_a_cut_text_on_standard_error_and_still_ranks(tmp_path, capsys):
    data = json.loads(json.dumps(EDITION))
    data["providers"][0]["text"] = "三维角色建模、绑定与渲染服务。" * 1500
    call_command("match", "rank", write(tmp_path, data), "--top", "1")
    captured = capsys.readouterr()
    assert captured.err == (
        "notice: the description of cn-3d has 22500 characters; only the first 5000 are compared\n"
    )
    assert captured.out.splitlines()[:2] == ["Providers for each buyer", "jp-anim"]
    assert captured.out.splitlines()[2].startswith("   1. cn-")
