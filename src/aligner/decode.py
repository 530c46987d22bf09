"""Bytes → text: BOMs, encoding detection, line ends, clear errors.

Accepted: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, UTF-16
without one (told by its NUL-byte pattern, or by decoding to clean CJK
text), GB18030 (a superset of GBK and GB2312, so it decodes both), Big5
and, for English, Windows-1252.
An explicit encoding overrides detection.

Detection order: BOM → known binary signatures → UTF-16 without BOM →
control-byte ratio (binary) → strict UTF-8 → damaged UTF-8 (error naming the
byte offset) → UTF-16 without NULs → GB18030 vs Big5 (share of common
Han characters in each reading) → Windows-1252, for an English file with
a few curly quotes or accented letters saved by an old Windows editor.

Invariants of the returned text: no BOM, LF line ends only, not blank.
"""

from __future__ import annotations

import codecs
import re

from aligner.errors import InputError, UsageError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Leading bytes of common binary formats that are sometimes passed by mistake.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BM", None),  # a BMP image only if the control-byte check agrees
    (b"PK\x03\x04", "a zip archive (docx/xlsx?)"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (doc/xls?)"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon"),
)

#: Legacy CJK decoders tried when the data is not UTF-8. GB18030 decodes
#: GBK and GB2312 as well; cp950 (Windows Big5) and Big5-HKSCS (Hong Kong)
#: only when plain Big5 fails.
_LEGACY = ("gb18030", "big5", "cp950", "big5hkscs")

#: Bytes inspected by the sampling checks (binary, UTF-16 pattern).
_SAMPLE = 1 << 16

_CJK = re.compile(r"[\u4e00-\u9fff]")
_TEXTLIKE = re.compile(r"[\u0009\u000a\u000d\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def decode(data: bytes, encoding: str | None = None, errors: str = "strict", name: str = "input") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding used)``.

    ``errors`` is ``"strict"`` (undecodable bytes raise) or ``"replace"``
    (they become U+FFFD). ``name`` labels error messages. The text has LF
    line ends and no BOM. Raises :class:`InputError` for empty, blank,
    binary or undecodable data and :class:`UsageError` for an unknown
    encoding or ``errors`` value.
    """
    if errors not in ("strict", "replace"):
        raise UsageError(f"unknown --errors value '{errors}' (choose from: strict, replace)")
    if not data.strip():
        raise InputError(f"{name}: file is empty" if not data else f"{name}: file has only whitespace")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding '{encoding}'") from None
        text = _decode_as(data, encoding, errors, name)
        used = encoding
    else:
        text, used = _detect_and_decode(data, errors, name)
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: file has only whitespace")
    return text, used


def _decode_as(data: bytes, encoding: str, errors: str, name: str) -> str:
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: invalid {encoding} at byte {exc.start} (use --encoding, or --errors replace)"
        ) from None


def _detect_and_decode(data: bytes, errors: str, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, errors, name), encoding
    for magic, what in _MAGIC:
        if data.startswith(magic) and (what is not None or _looks_binary(data[:_SAMPLE])):
            raise InputError(f"{name}: looks like binary data ({what or 'an image'}), not text")
    utf16 = _utf16_by_nul_pattern(data)
    if utf16:
        return _decode_as(data, utf16, errors, name), utf16
    if _looks_binary(data[:_SAMPLE]):
        raise InputError(f"{name}: looks like binary data (control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):
        # Damaged UTF-8, not another encoding: say where, never guess.
        if errors == "replace":
            return data.decode("utf-8", errors="replace"), "utf-8"
        raise InputError(f"{name}: invalid UTF-8 at byte {utf8_error.start} (use --errors replace to keep going)")
    utf16 = _utf16_by_content(data)
    if utf16:
        return data.decode(utf16), utf16
    guess = _guess_legacy(data)
    if guess is not None:
        return data.decode(guess), guess
    if _western(data):
        return data.decode("cp1252"), "cp1252"
    if errors == "replace":
        used = _least_damaged(data)
        return data.decode(used, errors="replace"), used
    raise InputError(
        f"{name}: invalid UTF-8 at byte {utf8_error.start} and no other encoding fits "
        "(use --encoding, or --errors replace)"
    )


def _western(data: bytes) -> bool:
    """Windows-1252 (or Latin-1) text: it decodes so, and its bytes above
    ASCII (curly quotes, accented letters) stand alone between ASCII ones.
    Chinese in a legacy encoding is pairs of such bytes."""
    sample = data[:_SAMPLE]
    high = [k for k, byte in enumerate(sample) if byte >= 0x80]
    if not high:
        return False
    paired = sum(1 for a, b in zip(high, high[1:]) if b == a + 1)
    if paired > 0.1 * len(high):
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    """True when the data is UTF-8 with a few damaged bytes: at most one bad
    sequence per 200 characters and some multi-byte characters decode fine,
    or at most three bad sequences in a long text that no legacy CJK
    encoding reads as plausible Chinese."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if multibyte > 0 and bad * 200 <= len(text):
        return True
    return bad <= 3 and len(text) > 200 and _guess_legacy(data) is None


def _looks_binary(sample: bytes) -> bool:
    """More than 1 % NUL or other C0 control bytes (tab, LF, CR, FF, ESC aside).

    A stray control character in real text is removed later by cleaning; a
    file full of them is not text.
    """
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > 0.01 * len(sample)


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit (almost) only at odd or only
    at even offsets and the data decodes cleanly that way; else None.

    ASCII characters in UTF-16 carry one NUL each, so a bilingual text has
    many; Chinese characters carry none, so a low NUL share is enough as
    long as it is one-sided.
    """
    sample = data[:_SAMPLE]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for many, few, encoding in ((odd_nul, even_nul, "utf-16-le"), (even_nul, odd_nul, "utf-16-be")):
        if many >= max(2, 0.02 * half) and few * 4 <= many and _decodes_as_text(data, encoding):
            return encoding
    return None


def _utf16_by_content(data: bytes) -> str | None:
    """UTF-16 without BOM and without ASCII (hence without NULs): accepted
    only when nearly every character decodes to CJK, ASCII or punctuation."""
    if len(data) % 2 or len(data) < 40:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        if _decodes_as_text(data, encoding, share=0.95):
            return encoding
    return None


def _decodes_as_text(data: bytes, encoding: str, share: float = 0.8) -> bool:
    """True when the first ``_SAMPLE`` bytes decode strictly as ``encoding``
    and at least ``share`` of the characters are ordinary text."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        text = decoder.decode(data[:_SAMPLE], final=len(data) <= _SAMPLE)
    except UnicodeDecodeError:
        return False
    return bool(text) and len(_TEXTLIKE.findall(text)) >= share * len(text)


def _guess_legacy(data: bytes) -> str | None:
    """The legacy CJK encoding that reads ``data`` as plausible Chinese, or None.

    Big5 bytes nearly always decode as GB18030 too (into rare characters),
    and much GBK text decodes as Big5, so decoding alone does not decide.
    The better reading is the one whose Han characters are common in real
    text (ties go to GB18030, the more common encoding). A reading in which
    fewer than a fifth of the Han characters are common is not accepted.
    """
    readings: dict[str, str] = {}
    for encoding in _LEGACY:
        if encoding in ("cp950", "big5hkscs") and readings.keys() & {"big5", "cp950"}:
            continue  # extensions of Big5, tried only when it fails
        try:
            readings[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    scores = {enc: _plausibility(text) for enc, text in readings.items()}
    scores = {enc: score for enc, score in scores.items() if score >= 0.2}
    if not scores:
        return None
    if len(scores) == 1:
        return next(iter(scores))
    return max(scores, key=lambda enc: scores[enc])


def _least_damaged(data: bytes) -> str:
    """The decoder (UTF-8 or a legacy CJK one) with the fewest replacement
    characters; UTF-8 unless a legacy one is clearly better."""
    best, best_bad = "utf-8", data.decode("utf-8", errors="replace").count("\ufffd")
    for encoding in ("gb18030", "big5"):
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad * 4 < best_bad and _plausibility(text) >= 0.2:
            best, best_bad = encoding, bad
    return best


def _plausibility(text: str) -> float:
    """Share of Han characters (0..1) that are among the most common ones."""
    han = _CJK.findall(text)
    if not han:
        return 0.0
    return sum(1 for ch in han if ch in _COMMON or ch in _COMMON_TRAD) / len(han)


# The most frequent Han characters of modern Chinese, in both scripts.
_COMMON = set(
    "的一是不了在人有我他这個个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾杯租骑乏隆诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯颗骂赏液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩愤扑龄驱惜豪掩兼跃尸肃帕驶堡届欣惠册储飘桑闲惨洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾漂饮曹朵仔柔俩孟腐幼践籍牧凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧询汤盗肥尝匆辉奈扣廷澳嘛董迁凝慰厌脏腾幽怨鞋丢埋泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎臂蛇贺柱抛鼠瑟戈牢逊迈欺吨琴衰瓶恼燕仲诱狼池疼卢仗冠粒遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋抑秩帽哀宿踏烂袁侯抖夹昆肝擦猪炼恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚隶履涨耀扭坛拨沃绘伐堪仆郭牺歼墓雇廉契拼惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵讼氧浩羽斤酷掠妖祸侍乙妨贪挣汪尿莉悬唇翰仓轨枚盐览傅帅庙芬屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰笼丘桂滋聊挡纲肌茨壳痕碗穴膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉柴愉绳胎蓄眠竭喂傻慕浑奸扇柜悦拦诞饱乾泡贼亭夕爹酬儒姻卵氛泄杆挨僧蜜吟猩遂狭肖甜霜揽泊肺婴鸭缠辟锅饼辰垃圾锦敞淮绑阐颁汰粪刃宠郊耻辐纤劈琐碑".strip()
)

# Traditional forms of frequent characters, so Big5 text scores fairly.
_COMMON_TRAD = set(
    "們這個來為國說時會對發經過現學還實動樣與後將當麼種開見間問點體關長無於機進氣從業頭義還產機"
    "電話應裡讓語請們題門給聽見覺該讀寫東車馬買賣錢書記還後體會幾樣難條嗎應員區組們級報戰軍隊黨"
    "氣總統變轉覺權們務協議領導專數據環境際經濟歷史標準網絡價值選擇參與運計劃認識積極顯設備傳統"
).union("雙方繼續討論氣候變化術對話轉型環經濟資源論壇圓桌與締約峰會執協態創發")
