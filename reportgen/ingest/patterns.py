"""Known kinds of lines, recognised by their words: furniture, credits, photo captions and
credits, datelines and bylines. Each test looks at one line; the line classifier
(reportgen/ingest/lines.py) weighs them with the line's position and neighbours."""

from __future__ import annotations

import re

from reportgen.ingest.blocks import _FURNITURE, ends_sentence, width
from reportgen.ingest.dates import dated, undated

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_NAME = f"[{_HAN}·]{{2,5}}"
_NAMES = f"{_NAME}(?:[\\s、,，]+{_NAME}){{0,6}}"
_SEP = r"\s*[|｜︱丨:：/]\s*"
_OPEN = r"[(（【\[]?\s*"
_CLOSE = r"\s*[)）】\]]?"

_ROLE = (
    r"(?:本报|本刊|本台|本网|新华社|中新社|人民日报|经济日报|光明日报)?(?:特约|实习|首席|驻\S{1,4})?"
    r"(?:记者|通讯员|实习生|作者|撰文|撰稿|文字|文图|图文|采写|主笔)"
)
_ROLE_OR_TEXT = rf"(?:(?:《[^》]{{1,12}}》\s*)?{_ROLE}(?:{_SEP}|\s*)|文{_SEP})"
_SPACED_NAMES = f"[{_HAN}·]{{1,5}}(?:[\\s、,，]+[{_HAN}·]{{1,5}}){{0,9}}"
_PHOTO_ROLE = rf"(?:图|摄影|摄)\s*{_SEP}"  # the photographer named after the writer ('图/李四')
BYLINE_ZH = re.compile(
    rf"^{_OPEN}(?:{_ROLE_OR_TEXT}{_SPACED_NAMES}\s*)+(?:{_PHOTO_ROLE}{_SPACED_NAMES})?{_CLOSE}$"
)
_BARE_NAMES = re.compile(rf"^{_NAME}(?:[\s、,，]+{_NAME}){{1,5}}$")
_BYLINE_EN = re.compile(
    r"^(?:(?:(?:words|text|written|story)\s+)?by\s*:?|(?:authors?|contributors?|writers?)\s*:)"
    r"\s*[A-Z][\w.'-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'-]*)*"
    r"(?:\s*[|｜—–-]\s*(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z&][\w.&'-]*){0,4})?$",  # '| Agency'
    re.I,
)
_MARKER = "■□●◎◆◇★☆▶►"  # a mark a print page sets before a byline ('■本报记者 张三')
# The writers an English wire story credits at its end ('Reporting by A and B; Editing by C').
_REPORTING_BY = re.compile(
    r"(?:^|[;,(]\s*)(?:additional\s+)?(?:reporting|writing) by\s+(?P<n>[^;()]+)", re.I
)
_TRAILING_BYLINE = re.compile(rf"[(（]\s*(?:{_ROLE_OR_TEXT}{_NAMES}\s*)+[)）]$")

_CREDIT_ROLES = (
    r"出品人?|联合出品|总?监制|总?策划|统筹|执行|责任编辑|责编|主编|编辑|编审|值班编辑|实习编辑|网页编辑"
    r"|新媒体编辑|校对|审核|审校|审签|终审|初审|复审|二审|三审|设计|视觉|海报|视频|剪辑|排版|美编"
    r"|翻译|编译|来源|稿源|供稿|本文来源|文章来源|资料来源|数据来源|转载自?|运营|技术支持|数据支持"
    r"|文案|配音|摄像|版式设计|版面设计|美术编辑|图表设计|插图"
)
CREDIT = re.compile(rf"^{_OPEN}(?:{_CREDIT_ROLES}){_SEP}\S")
_CREDIT_EN = re.compile(
    r"^(?:[-—–\s]*\(?(?:edited|editing|reporting|additional reporting|writing|compiled|produced|"
    r"translated)\s+by\b|.{0,40}\bcontributed to this (?:report|story|article)\.?$"
    r"|(?:editor|editors|source|sources|produced by|press release"
    r"|media release|media contact|contact)\s*:)",
    re.I,
)

_IMAGE_CREDIT = re.compile(
    rf"^{_OPEN}(?:图片来源|图片提供|图片|图源|图[①-⑳\d一二三四五六七八九十]*|配图|供图|制图|摄影|摄"
    rf"|资料图片?|资料照片)(?:{_SEP}|\s+)\S"
    r"|^[(（]?\s*资料图片?\s*[)）]?$"
    r"|[(（]\s*资料图片?\s*[)）]$"
    r"|[(（][^()（）]{0,30}(?:摄|供图|图片来源)[^()（）]{0,20}[)）]$"
    r"|^[(（]\s*[^()（）\s]{2,12}发\s*[)）]$"
    r"|(?:^|[\s。！？!?])[^\s。！？!?，,]{2,12}(?:供图|供照|图片提供)$"
    r"|^(?:photos?|photographs?|images?|pictures?|(?:photo|image) (?:credit|source)"
    r"|credit|illustration|graphic|pictured|above|below|top|left|right|file photo)\s*[:：]"
    r"|[.!?]\s+(?:photo(?:graph)?s?|images?)\s*:\s*[^.!?]{2,60}\.?$"
    r"|^credit(?:\.{2,3}|…)\s*\S"
    r"|^(?:图片?(?:来自|源自|来源于)|图源(?!于))[^\s。！？!?，,:：|｜/]{1,10}$"  # 图片来自网络
    r"|(?:^|[.!?]\s+)(?:photo(?:graph)?s?(?: illustration)?|images?|pictures?|illustration"
    r"|graphic)\s+(?:by|via|courtesy(?: of)?)\s+[^.!?]{2,60}$"
    r"|(?-i:(?:^|\s)(?:REUTERS|AFP|AP|EPA|XINHUA)/[A-Z][\w.'-]*\w(?:\s+[A-Z][\w.'-]*\w){0,3}"
    r"(?:/File Photo)?$)"
    r"|^\(?(?:file|stock|handout) (?:photo|image|picture)s?\.?\)?$"
    r"|^\(?(?:(?:photo|image|picture)s?\s+)?courtesy\b[^()]{2,60}\)?$"
    r"|[(\[](?:[A-Z][\w.&'-]*\s+){0,3}(?:photos?|images?|pictures?)\s*(?:/|by\b|:|provided to\b)"
    r"[^()\[\]]{2,60}[)\]]$"
    r"|^(?:table|figure|chart|exhibit|fig\.)\s*\d+[.:：]\s*\S|^[表图]\s*\d+\s*[.:：、]\s*\S"
    r"|\((?:photos?|images?)(?:\s+by|\s*:)[^)]*\)$"
    r"|^[(（]?\s*(?:视觉中国|人民视觉|摄图网|图虫创意|东方IC|新华社发|Getty Images|AP Photo|Reuters"
    r"|AFP|EPA|CFP|VCG|IC photo|(?:视频|网络|网页|直播)截图)\s*[)）]?$"
    r"|^(?:本版|本文)?图片?均?由[^。！？!?]{2,20}提供$"
    r"|[(（]\s*(?:视觉中国|东方IC|Getty Images|AP Photo|Reuters|AFP|EPA|CFP|VCG|IC photo|Xinhua"
    r"|Bloomberg)(?:\s+via\s+Getty Images)?\s*[)）]$"
    r"|\((?:Xinhua|AFP|AP|Reuters|EPA|IC|CFP|VCG|China Daily|CNS)\s*/\s*[^()/]{2,40}\)$"
    r"|(?-i:[.!?]\s+[A-Z][a-z]+(?:\s+[A-Z][\w.'-]*[a-z]){1,2}\s*/\s*(?:The\s+)?[A-Z][\w&.'-]*\w"
    r"(?:\s+[A-Z][\w&.'-]*\w){0,3}$)"  # '… on Tuesday. Jane Doe/The Oregonian' closing a caption
    r"|(?-i:\([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,2}\s*/\s*(?:The\s+)?[A-Z][\w&.'-]*"
    r"(?:\s+[A-Z][\w&.'-]*){0,3}\)$)"  # '… on Tuesday (Jane Doe/The Oregonian)'
    r"|^(?:staff|file|staff file) photo(?:graph)?s?(?:\s+by\s+[^.!?]{2,40})?\.?$"
    r"|(?:^|[.!?]\s+|\s)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*/\s*(?:Getty Images|AFP|AP"
    r"|Reuters|EPA(?:-EFE)?|Bloomberg|Xinhua|Shutterstock|Alamy|(?:[A-Z][\w&.'-]*\s+){0,3}"
    r"(?:Images|Photos?|Pictures|Press))(?:\s+via\s+Getty Images)?\)?$",
    re.I,
)
# A photographer and the outlet (an acronym, 'The …', 'Staff') alone: 'Jane Doe/CNN'.
_NAME_CREDIT = re.compile(
    r"^\(?[A-Z][a-z]+(?:\s+[A-Z][\w.'-]*[a-z]){1,2}\s*/\s*"
    r"(?:The\s+[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}|[A-Z]{2,6}|Staff)\)?$"
)
_POINTER = "▲△↑▼▽↓"  # a caption's mark pointing at the picture over (or under) it
_PHOTO_BY = re.compile(
    rf"(?:^|[\s。！？!?）)”'\"])(?:(?:人民网|新华网|新华社|中新社|中新网|人民日报|本报|视觉中国)\s*)?"
    rf"(?:特约|实习)?(?:记者|通讯员)?\s*{_NAMES}\s*[/／]?\s*摄(?:影)?\s*(?:[(（][^()（）]{{1,12}}[)）])?$"
)

_ACCOUNT = (
    r"(?:用户)?(?:登录|注册|退出|忘记密码|找回密码|免费注册|log ?in|log ?out|sign ?in|register)"
)
_AD = re.compile(
    r"(?:尽在|下载|打开|安装).{0,15}(?:APP|客户端)|海量资讯|扫(?:描|一扫)?.{0,8}二维码"
    r"|关注.{0,12}(?:公众号|微信号|微博|视频号)|(?:点击|阅读)(?:原文|全文|更多)|^分享[到至]"
    r"|^(?:点击(?:上方)?(?:蓝字|关注)|关注我们|设为星标|点个?赞|点个?在看)"  # (prompts)
    r"|^【?(?:打印|关闭|纠错|收藏|返回顶部)(?:本页|窗口)?】|字号\s*[:：]?\s*[大中小]"
    r"|^(?:上一篇|下一篇|相关阅读|相关新闻|延伸阅读|推荐阅读|热点推荐|相关链接|为你推荐|猜你喜欢"
    r"|精彩推荐|热门推荐|热门搜索|热门标签|热词|点击排行|排行榜|扫一扫)"
    r"|^.{0,10}(?:APP|App|客户端|公众号|微信号|微博)$|^https?://\S+$|^www\.\S+$"
    r"|^(?:[\w().]+\s+){0,4}(?:first published|published|updated)\b.{0,20}\d{4}"
    r"|^(?:您所在的?位置|当前位置|您的位置|所在位置)\s*[:：]|^(?:[^>»›。，]{1,12}[>»›]\s*){2,}"
    r"|^返回.{0,10}(?:首页|顶部)|^打印|^(?:调整|设置|选择)?字[体号]|^【?字号"
    r"|^(?:浏览|阅读|点击)(?:次数|量)?\s*[:：]?\s*\d+"
    r"|^(?:首页|网站首页|图集|组图|\+\d+|点赞|收藏|评论|分享|举报|打印|返回|关闭窗口|在看|赞|(?:查看|加载)?更多\s*>*)$"
    rf"|^{_ACCOUNT}(?:\s*[|｜/·]\s*{_ACCOUNT})*$"
    r"|^(?:advertising|sponsored(?: content)?|powered by\s+\S.{0,40}|leave a (?:comment|reply))$"
    r"|^\[(?:ad|ads|advert|advertisement|adsense)[_-]?\d{0,3}\]$"  # a blog's ad shortcode
    r"|^(?:skip to (?:main )?(?:content|navigation)|skip navigation|跳转到主要内容|无障碍浏览?)$"
    r"|^(?:微信|微信好友|朋友圈|QQ|QQ空间|QQ好友|新浪微博|腾讯微博|豆瓣|人人网|复制链接|Facebook|Twitter"
    r"|LinkedIn|WhatsApp|Reddit|Pinterest|WeChat|Weibo|Email|E-mail|Copy link)$"  # share buttons
    r"|^\d+\s*min(?:ute)?s?\s+read$|^advertisement\b|^(?:share|share this|share this article"
    r"|read more|more|more stories|more news|see more|load more|related|related articles"
    r"|sign up|subscribe|follow us.*|comments?|menu|search|sections|open menu|close)$"
    r"|^(?:related|read more|see also|also read|read also)\s*:\s*\S.{0,80}$"  # (another story)
    r"|^(?:your video will (?:play|begin|start) in\b.{0,12}|replay|play video|watch(?: the)? video"
    r"|video (?:is )?(?:loading|unavailable)|视频加载中.{0,6}|点击播放|重新播放)$"  # video player
    r"|^(?:get|sign up for|subscribe to)\b.{0,60}\bnewsletter\.?$|^收藏到\S{1,20}$"
    r"|^this (?:article|story|post) (?:originally )?(?:appeared|was (?:first )?published)"
    r" (?:on|in)\b|^(?:[A-Z][\w&.-]*\s+){0,4}(?:media|press) release$"
    r"|^\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?!\d).{0,24}$",
    re.I,
)
END_MARK = re.compile(
    r"^(?:-*\s*ends?\s*-*|-30-|[(（【]完[)）】])$|^(?:©|\(c\)\s|copyright\b|版权所有)", re.I
)
_CODE = re.compile(r"^[\w.#:()\-\s,>*\[\]=\"'@]+\{\s*[\w-]+\s*:[^{};]+;")  # a style rule
_PRINT_SOURCE = re.compile(r"^《\s*[^》]{1,14}\s*》\s*[(（]?.{0,30}版\s*[)）]?$")
_PRINT_SOURCE_TAIL = re.compile(r"\s*《\s*[^》]{1,14}\s*》\s*[(（][^()（）]{0,30}版\s*[)）]$")
_ORIGINAL_TITLE = re.compile(r"^[(（【\[]?\s*原(?:标)?题(?:为)?\s*[:：《]")
_DEBRIS = re.compile(r"^(?:[#*\\\-=_~+>|\s]+|img|image|图片)$", re.I)
_AGENCY = r"[\u4e00-\u9fff]{0,8}(?:社|网|报|台|新闻|客户端)"
DATELINE_ZH = re.compile(
    rf"^(?P<d>{_AGENCY}[\u4e00-\u9fff]{{0,10}}?\d{{1,2}}月\d{{1,2}}日(?:电|讯|消息))"
    rf"(?P<who>\s*[(（]\s*(?:{_ROLE_OR_TEXT}{_NAMES}\s*)+[)）])?"
    r"(?P<title>\s*题\s*[:：]\s*(?P<t>.+))?"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
DATELINE_EN = re.compile(
    r"^(?P<d>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3}"
    r"(?:,\s*(?!" + _MONTH + r")[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*" + _MONTH + r")?"
    r"(?:\s*\((?:[A-Z][A-Za-z .&]{1,30})\))?\s*(?:--|—|–|-))\s+(?=\S)"
)


# A line that opens as a disclaimer, a consent button or a notice (any length).
_DISCLAIMER = re.compile(
    r"^我已(?:授权|阅读|同意).{0,20}$|^(?:img\s*|无)?(?:声明|免责声明|特别声明|版权声明|风险提示|法律声明)\s*[:：]"
    r"|^[【\[](?:声明|免责声明|特别声明|版权声明|风险提示|法律声明)[】\]]"
    r"|^(?:disclaimer|copyright notice)\s*:",
    re.I,
)
# A note on the article that may stand anywhere in its line (本文为…授权发布，转载请注明出处).
_NOTE = re.compile(
    r"转载请注明出处|不代表.{0,12}(?:立场|观点)|仅代表作者(?:本人|个人)?的?观点|未经授权.{0,6}不得转载"
)


_ABOUT_THIS = ("本文", "文章", "（本文", "(本文", "注：", "注:", "编者注")
# A related story's link as a portal lists it: a short title run into its date (…补仓2015/07/03).
_RELATED_DATED = re.compile(r"^[^。！？!?]{4,40}?\s*(?:19|20)\d\d[/-]\d{1,2}[/-]\d{1,2}$")


def end_mark(text: str) -> bool:
    """A release's end mark or a copyright line: short, never a sentence."""
    return bool(END_MARK.match(text)) and width(text) <= 24 and not ends_sentence(text)


def furniture(text: str) -> bool:
    """Page furniture, portal clutter and ads: never article text."""
    if _DISCLAIMER.match(text) or _NOTE.match(text):
        return True
    if _NOTE.search(text) and (text.startswith(_ABOUT_THIS) or width(text) <= 24):
        return True  # 本文为…授权发布，转载请注明出处: a note on the article, not in it
    if _RELATED_DATED.match(text) or _series_note(text):
        return True
    if width(text) > 80 and len(text) > 120:
        return False
    return bool(
        _FURNITURE.match(text)
        or _PRINT_SOURCE.match(text)
        or _ORIGINAL_TITLE.match(text)
        or _DEBRIS.match(text)
        or dated(text)
        or end_mark(text)
        or _CODE.match(text)
        or (_AD.search(text) is not None and _not_prose(text))
    )


def ad(text: str) -> bool:
    """A portal's link or ad words, never prose ('返回腾讯网首页>>', '点击阅读全文')."""
    return _AD.search(text) is not None and _not_prose(text)


# An editor's note on the column or series the article belongs to, or on the article's own
# corrections: about the article, not in it. (A note that opens the article's own subject is
# its introduction and stays text.)
_EDITOR_NOTE = re.compile(
    r"^[【\[(（]?\s*(?:编者按|编者的话|编者注|编前语?|editor[’']?s[’']? note)"
    r"\s*[】\])）]?\s*[:：]?",
    re.I,
)
_ABOUT_SERIES = re.compile(
    r"专栏|栏目|系列|敬请关注|特推出|今起推出|即日起|本期起"
    r"|\b(?:series|column|part of our"
    r"|this (?:story|article) (?:was|has been) (?:updated|corrected))",
    re.I,
)


def _series_note(text: str) -> bool:
    return bool(_EDITOR_NOTE.match(text)) and bool(_ABOUT_SERIES.search(text))


def _not_prose(text: str) -> bool:
    """Short, or not a finished sentence: ad words inside real prose do not make it an ad."""
    return width(text) <= 16 or not ends_sentence(text)


def credit(text: str) -> bool:
    """A credit line: producer, editor, proofreader, source (not the writers, not a photo's)."""
    if width(text) > 60:
        return False
    return bool(CREDIT.match(text) or _CREDIT_EN.match(text) or _editor_note(text))


def _editor_note(text: str) -> bool:
    return bool(re.match(r"^[(（]\s*(?:责任编辑|责编|编辑)\s*[:：].*[)）]$", text)) or bool(
        _CONTRIBUTED.match(text)
    )


# （本报记者某某参与采写）: who else worked on the story, the Chinese 'contributed to this report'.
_CONTRIBUTED = re.compile(
    r"^[(（]\s*[^()（）]{2,40}(?:参与采写|参与采访|参与报道|亦有贡献|对此文亦有贡献)\s*[)）]$"
)


def image_credit(text: str) -> bool:
    """A photo caption or image credit: '图片来源：…', '新华社记者 王某摄', '（资料图）', or a
    caption saying what the picture shows ('图为…', '上图：…')."""
    if width(text) > 150:
        return False
    if text.startswith(tuple(_POINTER)) and width(text) <= 80:
        return True  # '▲ 改造后的老街区': the line under a picture, pointing at it
    return bool(
        _IMAGE_CREDIT.search(text)
        or _NAME_CREDIT.match(text)
        or _PHOTO_BY.search(text)
        or _PICTURED.match(text)
        or _TABLE_UNITS.match(text)
    )


# The units line over a table ('Dollars in Millions', '单位：亿元'): part of its caption.
_TABLE_UNITS = re.compile(
    r"^[(（]?\s*(?:单位\s*[:：]\s*[^\s。()（）]{1,16}"
    r"|(?:(?:dollars|amounts?|figures?|values?)\s+)?in\s+(?:millions|billions|thousands)"
    r"(?:\s+of\s+\w+)?)\s*[)）]?$",
    re.I,
)


_PICTURED = re.compile(rf"^(?:[上下左右]?图为|图中为|[上下左右中]图{_SEP})\S.{{0,60}}$")


def photographer(text: str) -> bool:
    """A line that is nothing but a photographer's credit ('新华社记者 李四 摄', '(AP Photo/Jane
    Doe)', 'Photograph: Jane Doe/Reuters'): it stands right under its picture's caption."""
    text = text.strip()
    if width(text) > 40:
        return False
    match = _PHOTO_BY.search(text)
    credit = _PHOTOGRAPHER_EN.match(text) or _NAME_CREDIT.match(text)
    return (match is not None and match.start() == 0) or bool(credit)


_PHOTOGRAPHER_EN = re.compile(
    r"^\(?(?:[A-Z][\w.&'-]*\s+){0,3}photo(?:graph)?s?\s*(?:/|by\b|:)[^()]{2,60}\)?$", re.I
)


def caption_credit(text: str) -> str:
    """The credit a caption carries ('人民网 张三摄', '（资料图）'); the whole line when it is
    nothing but a credit ('图片来源：摄图网'); '' when it has none."""
    if width(text) > 150:
        return ""
    match = _PHOTO_BY.search(text)
    if match:
        return text[match.start() :].lstrip(" 。！？!?）)”'\"")
    match = _IMAGE_CREDIT.search(text) or _NAME_CREDIT.match(text)
    if match is None:
        return ""
    return text if match.start() == 0 else text[match.start() :].lstrip(" 。！？!?.")


_NAME_OUTLET = re.compile(
    rf"^{_NAME}(?:[\s、,，]+{_NAME}){{0,3}}\s*[/／]\s*[^/／\s]{{2,12}}(?:报|网|社|台|新闻|杂志|周刊)$"
)
_AFFILIATED = re.compile(r"^[(（]\s*(?:作者|撰稿)\s*[:：][^()（）]{2,40}[)）]$")
_POST = (  # a writer's post ('Staff writer', 'Senior Reporter')
    r"(?:(?:senior|chief|staff|contributing|special|political|business|investigative|the)\s+)*"
    r"(?:writer|reporter|correspondent|editor|contributor|columnist)s?"
)
# A writer named with their post, no 'By' ('Jane Doe | Staff writer', 'Jane Doe, Reporter').
_NAME_ROLE_EN = re.compile(
    r"^(?:by\s+)?(?-i:(?!The\s)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})"
    r"(?:\s+and\s+(?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}))?(?:\s*[,|｜•·—–-]\s*|\s+)"
    rf"{_POST}$",
    re.I,
)


def byline(text: str) -> bool:
    """A line naming the writers with their role ('本报记者 王明', '作者︱李华', 'By Jane Lee'),
    a print source line after it allowed ('本报记者 王明《人民日报》（…版）')."""
    dated_line = _PRINT_SOURCE_TAIL.sub("", text).lstrip(_MARKER + " ")
    text = undated(dated_line)
    if re.match(f"^{_ROLE_OR_TEXT}", text):  # ('作者：张三（某某大学教授）', '文｜张三 编辑｜李四')
        text = re.sub(
            rf"\s*(?:[（(][^()（）]{{2,30}}[)）]|\s(?:{_CREDIT_ROLES}){_SEP}.*)$", "", text
        )
    if width(text) > 40 or not text:
        return False
    return bool(
        BYLINE_ZH.match(text)
        or _BYLINE_EN.match(text)
        or _AFFILIATED.match(text)
        or _NAME_OUTLET.match(text)
        or _NAME_ROLE_EN.match(text)
        or dated_line != text
        and english_names(text)  # ('Jane Doe | May 2, 2023')
    )


def bare_names(text: str) -> bool:
    """Two or more short names and nothing else ('张三 李四'): a byline in the front matter."""
    return bool(_BARE_NAMES.match(text)) and width(text) <= 30


_EN_NAME = r"(?!The\s)[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){1,2}"
_EN_NAMES = re.compile(rf"^{_EN_NAME}(?:\s*(?:,|and|&)\s*{_EN_NAME})?$")


def english_names(text: str) -> bool:
    """One or two names in capitals and nothing else ('Jane Doe', 'JANE DOE and JOHN ROE'): a
    byline where a date goes with it (reportgen/ingest/lines.py)."""
    return bool(_EN_NAMES.match(text))


def dateline(text: str) -> re.Match | None:
    """The wire dateline the text opens with ('新华社北京11月1日电', 'WASHINGTON (Reuters) -')."""
    return DATELINE_ZH.match(text) or DATELINE_EN.match(text)


def trailing_byline(text: str) -> str:
    """A byline in brackets closing a paragraph ('……。（记者 张三）'), or ''."""
    match = _TRAILING_BYLINE.search(text[-60:])
    return match.group(0) if match else ""


def kind(text: str) -> str:
    """What a line is by its words alone: furniture, credit, caption, dateline, byline or ''."""
    text = text.replace("**", "").replace("__", "").strip()
    if credit(text):
        return "credit"
    if undated(text) != text and byline(text):
        return "byline"  # a byline carrying its date ('记者 张三 2024-08-18 10:20')
    if furniture(text):
        return "furniture"
    if image_credit(text):
        return "caption"
    if byline(text):
        return "byline"
    match = dateline(text)
    if match and (match.end() >= len(text.rstrip()) or match.groupdict().get("t")):
        return "dateline"
    return ""


_ROLE_WORDS = re.compile(
    rf"{_ROLE}(?:{_SEP})?|文{_SEP}|^(?:(?:words |text |written |story )?by\s*:?"
    r"|(?:authors?|contributors?|writers?)\s*:)\s*|[(（)）]",
    re.I,
)
_NOT_NAMES = re.compile(
    r"\b(?:CNN\w*|Reuters|AP|AFP|Bloomberg|Staff|Writer|Reporter|Correspondent|Editor|Updated"
    r"|Published|News|Times|Post|Journal|Press|Agency|Xinhua|Union|Party|Council|Ministry"
    r"|Department|Office|Government|Association|Institute|University|Committee|Media"
    r"|Release|Group|Company|Inc|Ltd|Limited|Bureau|Centre|Center|Foundation)s?\b",
    re.I,
)
_TASKS = {
    "整合", "综合", "报道", "编译", "发自", "采写", "摄影", "整理", "编辑", "实习生", "供稿",
    "责任编辑", "责编", "主编", "校对", "审核", "来源",
}  # fmt: skip
_NOT_NAME_ZH = re.compile(r"(?:网|报|社|台|新闻|中心|公司|集团|部|局|委|办|厅|署|院|会)$")
_BYLINE_END = re.compile(
    r"\s+[|·•]\s+|\s+[-–—]\s+|\bUpdated\b|\bPublished\b|\bPosted\b|\d+\s*min(?:ute)?s?\s+read"
    r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\b" + _MONTH + r"|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}:\d{2}|\d{4}年|发布时间|来源[:：]|\s(?:图|摄影|摄)\s*[|｜︱丨:：/]"
    r"|\s+leave a (?:comment|reply)\b|\s+\d*\s*comments?\s*$"  # a comment link run in
    r"|\s+for\s+(?:the\s+)?(?-i:[A-Z])|\s+" + _POST + r"\b",  # (… for The Daily Planet)
    re.I,
)


def _spaced_names(tokens: list[str]) -> list[str]:
    """Two-character names set with a space inside ('方  敏', print style) joined again."""
    out: list[str] = []
    single = ""
    for token in tokens:
        if len(token) == 1 and re.fullmatch(f"[{_HAN}]", token):
            if single:
                out.append(single + token)
                single = ""
            else:
                single = token
            continue
        single = ""
        out.append(token)
    return out


_LABELLED = re.compile(
    rf"(?:作者|记者|撰文|(?<![{_HAN}])文)\s*[:：|｜︱丨/]\s*(?P<n>[^，,;；。]{{1,24}})"
)
RELATED = re.compile(
    r"^(?:相关阅读|相关新闻|相关报道|延伸阅读|推荐阅读|热点推荐|相关链接|为你推荐|猜你喜欢|精彩推荐"
    r"|热门推荐|更多新闻|相关文章|热门文章|最新文章|热点新闻|图片新闻|今日推荐|编辑推荐|往期回顾"
    r"|Related(?: articles| stories| coverage| content| news| links)?|More from .{1,30}"
    r"|More (?:stories|news|articles)|Most (?:read|popular|viewed|shared|emailed)|Trending(?: now)?"
    r"|Top stories|Latest(?: news| stories)?|You (?:may|might) also like|Editor'?s picks"
    r"|Recommended(?: for you| reading)?|Read next|Read more|Also read|See also)\s*[:：]?$",
    re.I,
)
SITE_NAME = re.compile(r"^[^，。,.\s]{2,16}(?:网站|门户网站|网|政府网|官网|频道)$")


def labelled_names(text: str) -> list[str]:
    """Writers named by a label inside a metadata line ('来源：某报 作者：李在山') or a wire
    story's closing credit ('Reporting by A and B; Editing by C')."""
    reporting = [
        re.sub(r"\s+(?:in|from)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*", "", m.group("n"))
        for m in _REPORTING_BY.finditer(text)
    ]  # (the names less where they reported from: 'Tom Lee in London')
    if reporting:
        return [n for part in reporting for n in names(part)]
    match = _LABELLED.search(text)
    if match is None:
        return []
    return names(_NEXT_LABEL.split(match.group("n"))[0])


_NEXT_LABEL = re.compile(r"(?:责任编辑|责编|编辑|来源|校对|审核|摄影|通讯员|记者|发布)")


def names(text: str) -> list[str]:
    """The writers' names in a byline, without roles, dates, outlets or reading times."""
    text = undated(_PRINT_SOURCE_TAIL.sub("", text).strip("【】[] "))
    lead = re.match(rf"{_OPEN}{_ROLE_OR_TEXT}", text)  # ('文 | 张三': no bar to cut at)
    text = text[lead.end() :] if lead and re.search(f"[{_HAN}]", text) else text
    cut = _BYLINE_END.search(text)
    text = text[: cut.start()] if cut else text
    han = len(re.findall(f"[{_HAN}]", text))
    if han and han >= len(re.findall(r"[A-Za-z]", text)):
        text = _ROLE_WORDS.sub(" ", text)
        tokens = [t for t in re.split(r"[\s、,，|｜︱丨:：/]+", text) if t]
        found = [n for n in _spaced_names(tokens) if re.fullmatch(_NAME, n) and n not in _TASKS]
        return [n for n in found if not _NOT_NAME_ZH.search(n)]
    text = _ROLE_WORDS.sub("", text.strip())
    out = []
    for part in re.split(r",|;|\band\b|&", text):
        part = part.strip(" .")
        if part and not _NOT_NAMES.search(part) and re.match(r"^[A-Z]", part):
            out.append(part)
    return out
