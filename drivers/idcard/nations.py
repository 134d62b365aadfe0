"""Nation (民族) codes of the ID card: GB 3304-91 numeric codes ``01``-``56``.

Names are given as printed on the card (``汉``, not ``汉族``); every name in the
standard is this name followed by ``族``. Order and codes follow Table 3 of
GB 3304-91 (by numeric code).
"""

from __future__ import annotations

NATIONS: dict[str, str] = {
    "01": "汉",
    "02": "蒙古",
    "03": "回",
    "04": "藏",
    "05": "维吾尔",
    "06": "苗",
    "07": "彝",
    "08": "壮",
    "09": "布依",
    "10": "朝鲜",
    "11": "满",
    "12": "侗",
    "13": "瑶",
    "14": "白",
    "15": "土家",
    "16": "哈尼",
    "17": "哈萨克",
    "18": "傣",
    "19": "黎",
    "20": "傈僳",
    "21": "佤",
    "22": "畲",
    "23": "高山",
    "24": "拉祜",
    "25": "水",
    "26": "东乡",
    "27": "纳西",
    "28": "景颇",
    "29": "柯尔克孜",
    "30": "土",
    "31": "达斡尔",
    "32": "仫佬",
    "33": "羌",
    "34": "布朗",
    "35": "撒拉",
    "36": "毛南",
    "37": "仡佬",
    "38": "锡伯",
    "39": "阿昌",
    "40": "普米",
    "41": "塔吉克",
    "42": "怒",
    "43": "乌孜别克",
    "44": "俄罗斯",
    "45": "鄂温克",
    "46": "德昂",
    "47": "保安",
    "48": "裕固",
    "49": "京",
    "50": "塔塔尔",
    "51": "独龙",
    "52": "鄂伦春",
    "53": "赫哲",
    "54": "门巴",
    "55": "珞巴",
    "56": "基诺",
}

NATION_CODES: dict[str, str] = {name: code for code, name in NATIONS.items()}


def nation_name(code: str) -> str | None:
    """The name for a two-digit code, ``None`` when the code is not in GB 3304."""
    return NATIONS.get(code)


def nation_code(name: str) -> str:
    """The code for a name as printed on the card (``汉``) or with ``族`` (``汉族``)."""
    short = name[:-1] if name.endswith("族") and name not in NATION_CODES else name
    try:
        return NATION_CODES[short]
    except KeyError:
        raise ValueError(f"unknown nation {name!r}") from None
