"""WD rules that need more than a word list: 的/地/得 in high-precision patterns.

Each pattern pairs a closed list of verbs or adverbial phrases with what must follow, so that
correct uses (新的更大贡献, 更好的干事创业条件, 好的做法) are not caught. Findings are suggestions.
"""
from __future__ import annotations

import re

from gwlint.linter.model import Applicability, Example, Fix, FixAvailability, Severity, Span
from gwlint.linter.rule import checker, meta

_VERBS = "估计|准备|建|修|做|干|抓|办|落实|推进|完成|讲|写|搞|想|考虑|安排|部署|谋划|说|看|走|跑|学|改"
_DEGREE = "更|再|很|十分|非常|特别|越来越|比较|还|太|不够|不太"
_ADJ = "好|快|实|细|深|多|高|大|充分|周全|扎实|到位|平|宽|透|准|稳|早|远|清楚|明白|具体|周到|全面|精准"
# V + 的 + degree adverb + adjective -> 得
_DE_TO_DE2 = re.compile(rf"(?:{_VERBS})(的)(?=(?:{_DEGREE})(?:{_ADJ}))")
# 更好的 + clear verb -> 更好地
_BETTER_VERB = "完成|落实|推进|贯彻|推动|促进|解决|满足|发挥|带动|服务于|保障|维护|实现|融入|统筹|适应|摆布|开展|谋划|抓好|做好|加强|提升|改进|整改"
_DE_TO_DI_BETTER = re.compile(rf"(?:更好|更快|更加有效|更加积极|更加主动|积极主动|认真细致|扎扎实实|实实在在|"
                              rf"有条不紊|心悦诚服|科学合理|稳步有序|有序|全面|深入|切实)(的)(?=\s*(?:{_BETTER_VERB}|在|把|将|对|向|“))")
_QUDE = re.compile(r"取(的)(?=[了]?(?:成绩|成效|进展|突破|胜利|实效|成果))")

WD003 = meta(
    "WD003", "de-di-de", "“的”“地”“得”误用",
    what="用高精度的搭配规则检查“的”“地”“得”误用：动词+“的”+程度副词+形容词（“估计的更充分”应为“得”），"
         "状语+“的”+动词（“更好的完成”“有条不紊的在推进”应为“地”），“取的成绩”应为“取得”。",
    why="“的”“地”“得”分别连接定语、状语、补语；误用是审稿时常见的红笔修改。",
    basis="《现代汉语词典》第7版“的”“地”“得”条；现代汉语语法规范",
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="只是建议，需逐条确认（不安全修复）。",
    severity=Severity.INFO,
    examples=(Example(bad="把困难估计的更充分一些。", fixed="把困难估计得更充分一些。"),
              Example(bad="争取更好的完成全年任务。", fixed="争取更好地完成全年任务。"),
              Example(bad="各项工作有条不紊的在推进。", fixed="各项工作有条不紊地在推进。"),
              Example(good="作出新的更大贡献，创造更好的干事创业条件，推广好的做法。")),
)


@checker(WD003)
def de_di_de(doc, ctx):
    text = doc.masked
    for pattern, right, why in ((_DE_TO_DE2, "得", "动词后连接补语用“得”"),
                                (_DE_TO_DI_BETTER, "地", "连接状语和动词用“地”"),
                                (_QUDE, "得", "应为“取得”")):
        for m in pattern.finditer(text):
            span = Span(m.start(1), m.end(1))
            shown = doc.text[m.start():m.end(1) + 3]
            yield ctx.report(span, f"“的”应为“{right}”：“{shown}……”（{why}）",
                             fix=Fix.replace(span, right, f"改为“{right}”", Applicability.UNSAFE))


RULES = (de_di_de,)
