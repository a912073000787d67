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


def test_zh_speaker_names_the_segmenter_misses() -> None:
    assert zh_speaker("付小姐") == Speaker("付小姐", "", person=True)
    assert zh_speaker("小姐") is NOBODY
    assert zh_speaker("大连市环保志愿者协会副会长唐在林").name == "唐在林"
    assert zh_speaker("山西代表团团长、省贸促会会长陈河才").name == "陈河才"
    assert zh_speaker("美国波士顿动力创始人Marc Raibert") == Speaker(
        "Marc Raibert", "美国波士顿动力创始人", person=True
    )
    assert zh_speaker("DCCI互联网研究院院长刘兴亮从资本的角度").name == "刘兴亮"


def test_named_person_after_a_modifier_or_by_address() -> None:
    assert named_person("在一家助贷平台做中层的孙丹（化名）最近准备跳槽了").name == "孙丹"
    assert named_person("付小姐表示不是不接受涨价，只是觉得很意外").name == "付小姐"
    assert named_person("归功于女士们") is NOBODY


def test_en_pronoun_may_be_a_body_through_its_spokesperson() -> None:
    union = Speaker("Service Employees International Union")
    assert en_speaker("she", union) == union


def test_named_person_in_latin_letters_after_a_title() -> None:
    text = "美国波士顿动力创始人Marc Raibert表示，非常不看好人形机器人行业。"
    assert named_person(text).name == "Marc Raibert"


def test_zh_title_starts_after_an_ellipsis() -> None:
    assert zh_speaker("……习近平总书记") == Speaker("习近平", "总书记", person=True)


def test_a_long_title_before_a_name_is_kept_whole() -> None:
    from reportgen.extract.speakers import named_person

    found = named_person("一到轮岗的日子，开封市交通运输局综合业务服务科科长宋玉就会安排妥当")
    assert (found.name, found.title) == ("宋玉", "开封市交通运输局综合业务服务科科长")
    assert named_person("种粮大户贾国峰喜笑颜开").title == ""  # no role, no title


def test_two_titles_joined_by_a_list_comma_are_one_title() -> None:
    from reportgen.extract.speakers import named_person, zh_speaker

    words = "中国纺织工业联合会副会长、中国纺织信息中心党委书记阎岩"
    for found in (zh_speaker(words), named_person(words)):
        assert found.name == "阎岩"
        assert found.title == "中国纺织工业联合会副会长、中国纺织信息中心党委书记"
    assert "苹果" not in zh_speaker("苹果、农技站站长陈晓东").title  # a list item is no title


def test_an_unnamed_member_of_a_named_body_is_nobody() -> None:
    """大连港一位工程师: the body is named, the speaker is not."""
    assert zh_speaker("大连港一位工程师") == NOBODY
    assert zh_speaker("东阳市委主要负责人") != NOBODY
