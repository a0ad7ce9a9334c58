"""Amounts in Vietnamese words, as a receipt prints them ("Số tiền bằng chữ")."""

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu", "tỷ")


def _group(n: int, *, full: bool) -> list[str]:
    """Words for 0 < n < 1000; `full` when a higher group precedes (reads "không trăm")."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0 and units and words:
        words.append("linh")
    elif tens == 1:
        words.append("mười")
    elif tens > 1:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens > 0:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def _below_billion_groups(n: int) -> list[int]:
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    return groups


def number_words(n: int) -> str:
    if n == 0:
        return DIGITS[0]
    if n >= 1000**3:
        billions, rest = divmod(n, 1000**3)
        tail = number_words(rest) if rest else ""
        joined = f"{number_words(billions)} tỷ"
        return f"{joined} {_pad(rest, tail)}".strip()
    groups = _below_billion_groups(n)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:
            words += _group(groups[index], full=index < len(groups) - 1)
            words += [SCALES[index]] if SCALES[index] else []
    return " ".join(words)


def _pad(rest: int, tail: str) -> str:
    # 1.000.000.005 reads "một tỷ không trăm linh năm": a lower part under 1000 still reads
    # its hundreds.
    if 0 < rest < 100:
        return " ".join(["không", "trăm", *_group(rest, full=True)[2:]])
    return tail


def vnd_words(amount: int) -> str:
    """8000 → "Tám nghìn đồng"."""
    text = f"{number_words(int(amount))} đồng"
    return text[0].upper() + text[1:]
