"""Small hand-built content models for tests of charts and writers (no extractor involved)."""

from __future__ import annotations

from reportgen.model import (
    Caption,
    Fact,
    Model,
    Paragraph,
    Point,
    Quote,
    Relation,
    Source,
    Span,
    Theme,
)

ZH_TEXT = "\n\n".join(
    [
        "以改革推动发展",
        "示范新区:向“新”而行",
        "张三 李四",
        "2024年,示范区规上工业总产值突破1200亿元;研发投入强度达4.1%。",
        "俯瞰示范区",
        "平衡“守”与“变” 擦亮产业辨识度",
        "做强优势,培育新兴产业。示范区已集聚整车企业3家、上下游企业120余家。",
        "“产业发展不是数量叠加,而是要立足自身优势。”示范区主要负责人说。",
        "把握“时”与“势” 构筑开放新格局",
        "以改革破题,推进制度创新。示范区累计形成制度创新成果40项,其中国家级5项、省级12项。",
        "集聚800余家外资企业、世界500强投资项目近50个。",
        "统筹“硬”与“软” 打造人才强引擎",
        "翻开创新这张卷,成绩斐然。示范区创新指数150.2,位列全省第三,较上年提升12个点。",
        "园区新貌",
    ]
)


def _span(text: str, surface: str, start: int = 0) -> Span:
    i = text.index(surface, start)
    return Span(start=i, end=i + len(surface))


def _sentence(text: str, surface: str) -> tuple[str, Span]:
    i = text.index(surface)
    lo = max(text.rfind(c, 0, i) for c in "。;\n") + 1
    hi = min(j for j in (text.find(c, i) for c in "。;\n") if j != -1) + 1
    return text[lo:hi], Span(start=lo, end=hi)


def _fact(fid, surface, value, unit, norm, base, theme, qual="exact", word="", counts=""):
    _, sspan = _sentence(ZH_TEXT, surface)
    return Fact(
        id=fid,
        text=surface,
        value=value,
        unit=unit,
        qualifier=qual,
        qualifier_word=word,
        normalized=norm,
        base_unit=base,
        counts=counts,
        theme=theme,
        span=_span(ZH_TEXT, surface),
        sentence_span=sspan,
    )


def _para(text: str) -> Paragraph:
    return Paragraph(text=text, span=_span(ZH_TEXT, text))


def _theme(heading, verb, pair, tagline, paras, point):
    paragraphs = [_para(p) for p in paras]
    return Theme(
        heading=heading,
        verb=verb,
        pair=pair,
        tagline=tagline,
        paragraphs=paragraphs,
        points=[Point(text=point, paragraph=0, span=_span(ZH_TEXT, point))],
        span=Span(start=_span(ZH_TEXT, heading).start, end=paragraphs[-1].span.end),
    )


def zh_model() -> Model:
    """A three-theme Chinese model shaped like the seed, with every relation kind."""
    t = ZH_TEXT
    lines = t.split("\n\n")
    facts = [
        _fact(
            "f1", "突破1200亿元", 1200, "亿元", 1.2e11, "元", None, "over", "突破", "规上工业总产值"
        ),
        _fact("f2", "4.1%", 4.1, "%", 4.1, "%", None, counts="研发投入强度"),
        _fact("f3", "3家", 3, "家", 3, "家", 0, counts="整车企业"),
        _fact("f4", "120余家", 120, "家", 120, "家", 0, "over", "余", "上下游企业"),
        _fact("f5", "40项", 40, "项", 40, "项", 1, counts="制度创新成果"),
        _fact("f6", "5项", 5, "项", 5, "项", 1, counts="国家级"),
        _fact("f7", "12项", 12, "项", 12, "项", 1, counts="省级"),
        _fact("f8", "800余家", 800, "家", 800, "家", 1, "over", "余", "外资企业"),
        _fact("f9", "近50个", 50, "个", 50, "个", 1, "under", "近", "世界500强投资项目"),
        _fact("f10", "150.2", 150.2, "", 150.2, "", 2, counts="创新指数"),
        _fact("f11", "12个点", 12, "个点", 12, "个点", 2, counts="创新指数提升"),
    ]
    relations = [
        Relation(
            kind="part_of",
            text="40项,其中国家级5项、省级12项",
            span=_span(t, "40项,其中国家级5项、省级12项"),
            whole="f5",
            parts=["f6", "f7"],
            theme=1,
        ),
        Relation(
            kind="change",
            text="较上年提升12个点",
            span=_span(t, "较上年提升12个点"),
            fact="f11",
            of="f10",
            direction="up",
            reference="上年",
            theme=2,
        ),
        Relation(
            kind="rank",
            text="位列全省第三",
            span=_span(t, "全省第三"),
            fact="f10",
            position=3,
            scope="全省",
            subject="创新指数",
            theme=2,
        ),
    ]
    quote = "产业发展不是数量叠加,而是要立足自身优势。"
    themes = [
        _theme(
            lines[5], "平衡", ["守", "变"], "擦亮产业辨识度", lines[6:8], "做强优势,培育新兴产业。"
        ),
        _theme(
            lines[8],
            "把握",
            ["时", "势"],
            "构筑开放新格局",
            lines[9:11],
            "以改革破题,推进制度创新。",
        ),
        _theme(
            lines[11],
            "统筹",
            ["硬", "软"],
            "打造人才强引擎",
            lines[12:13],
            "翻开创新这张卷,成绩斐然。",
        ),
    ]
    return Model(
        headline=lines[1],
        series=lines[0],
        authors=["张三", "李四"],
        language="zh",
        source=Source(name="sample.txt", sha256="0" * 64),
        lead=[_para(lines[3])],
        themes=themes,
        facts=facts,
        relations=relations,
        quotes=[
            Quote(
                id="q1",
                text=quote,
                speaker="示范区主要负责人",
                theme=0,
                span=_span(t, quote),
                sentence_span=_span(t, lines[7]),
            )
        ],
        captions=[
            Caption(text=lines[4], theme=None, span=_span(t, lines[4])),
            Caption(text=lines[13], theme=2, span=_span(t, lines[13])),
        ],
        text=t,
    )
