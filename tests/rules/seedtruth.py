"""The five seed drafts and the ground truth's rule for their leftover lines
(notes/peer-bench/ground_truth.py), shared by the PH and WM seed tests."""
import os
import re

from gwlint.linter import Document
from gwlint.linter.source import read_source

SEEDS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "corpus", "seeds")
GT_WATERMARK = re.compile(
    r"仅供学习|禁止外传|酷乐文行|自建平台|实时分享|根据实际需求和形式任务|订阅立享"
    r"|打击倒卖|举报倒卖|会员群|QQ群|咨询QQ|QQ\d{5,}|由互联网用户分享整理|文章地址|https?://")


def seed_docs():
    for name in sorted(os.listdir(SEEDS)):
        yield name, Document.from_source(read_source(os.path.join(SEEDS, name)), path=name)
