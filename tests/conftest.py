"""Shared fixtures: where ../shared is, and small bilingual documents written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared (gold data) is not beside this checkout")
    return path


# A library notice: four Chinese paragraphs and their English translation.
ZH_PARAGRAPHS = [
    "市图书馆将于2025年3月1日起延长开放时间。周一至周五，开放时间为上午九点至晚上九点。",
    "新馆共有三层，藏书约四十万册。二楼设有儿童阅览室和自习区。",
    "读者可以通过手机预约座位。每次预约最长四小时，逾期未到将自动取消。",
    "如有疑问，请致电图书馆服务台。我们期待您的光临！",
]
EN_PARAGRAPHS = [
    "The city library will extend its opening hours from March 1, 2025. From Monday to Friday, it will open from 9 a.m. to 9 p.m.",
    "The new building has three floors and about 400,000 books. A children's reading room and a study area are on the second floor.",
    "Readers can book seats on their phones. Each booking lasts at most four hours, and bookings are cancelled automatically if the reader does not arrive.",
    "If you have any questions, please call the library service desk. We look forward to your visit!",
]


@pytest.fixture
def zh_then_en() -> str:
    return "\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS) + "\n"


@pytest.fixture
def en_then_zh() -> str:
    return "\n\n".join(EN_PARAGRAPHS + ZH_PARAGRAPHS) + "\n"


@pytest.fixture
def alternating() -> str:
    return "\n\n".join(p for pair in zip(ZH_PARAGRAPHS, EN_PARAGRAPHS) for p in pair) + "\n"
