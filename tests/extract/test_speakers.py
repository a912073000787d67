"""Speakers: a person with a title, a body, a role in a named body; a pronoun is the person
before; vague groups and fragments are nobody."""

from __future__ import annotations

from reportgen.extract.speakers import NOBODY, Speaker, en_speaker, named_person, zh_speaker

LIANG = Speaker("梁婧", "", person=True)


def test_zh_speaker() -> None:
    assert zh_speaker("对此，中国银行研究院高级研究员梁婧") == Speaker(
        "梁婧", "中国银行研究院高级研究员", person=True
    )
    assert zh_speaker("国际货币基金组织") == Speaker("国际货币基金组织")
    assert zh_speaker("业内人士") is NOBODY
    assert zh_speaker("") is NOBODY


def test_zh_pronoun_is_the_person_before() -> None:
    assert zh_speaker("他", LIANG) == LIANG
    assert zh_speaker("他", Speaker("国际货币基金组织")) is NOBODY
    assert zh_speaker("她") is NOBODY


def test_named_person() -> None:
    assert named_person("种粮大户贾国峰喜笑颜开") == Speaker("贾国峰", "", person=True)
    assert named_person("这段时间") is NOBODY


def test_en_speaker() -> None:
    assert en_speaker("Jane Doe, the city's planner") == Speaker(
        "Jane Doe", "the city's planner", person=True
    )
    jane = Speaker("Jane Doe", "", person=True)
    assert en_speaker("he", jane) == jane
    assert en_speaker("Officials") is NOBODY
