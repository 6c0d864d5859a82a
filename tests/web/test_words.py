"""Codes the interface shows in words: time zones and the solver's status."""

import pytest
from django.utils import translation

from fairmatch.core.templatetags.zones import zone_name
from fairmatch.scheduling.templatetags.schedule_words import solver_status


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "China (Shanghai) Time"),
        ("zh-hans", "中国（上海）时间"),
        ("ja", "中国（上海）時間"),
        ("ko", "중국(상하이) 시간"),
    ],
)
def test_a_time_zone_is_named_in_the_readers_language(language, expected):
    with translation.override(language):
        assert zone_name("Asia/Shanghai") == expected


def test_an_unknown_zone_is_shown_as_it_is():
    assert zone_name("Mars/Olympus_Mons") == "Mars/Olympus_Mons"


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        ("en", "feasible", "feasible (not proved optimal)"),
        ("zh-hans", "optimal", "最优（已证明）"),
        ("ja", "infeasible", "実行不可能"),
        ("ko", "unknown", "일정을 찾지 못함"),
    ],
)
def test_the_solvers_status_is_said_in_words(language, code, expected):
    with translation.override(language):
        assert solver_status(code) == expected
