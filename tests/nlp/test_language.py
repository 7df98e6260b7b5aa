import pytest

from clamor.nlp.language import identify_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police fired tear gas at hundreds of protesters in the capital on Friday.", "en"),
        ("POLICE FIRED TEAR GAS AT HUNDREDS OF PROTESTERS IN THE CAPITAL ON FRIDAY.", "en"),
        ("police fired tear gas at hundreds of protesters in the capital on friday.", "en"),
        ("La police a tiré des gaz lacrymogènes sur des centaines de manifestants vendredi.", "fr"),
        ("خرج المتظاهرون إلى شوارع القاهرة يوم الجمعة مطالبين بإصلاحات سياسية", "ar"),
        ("Протестующие вышли на улицы Москвы в пятницу, требуя отставки правительства.", "ru"),
    ],
)
def test_identifies_language_whatever_the_case(text, language):
    found, score = identify_language(text)
    assert found == language
    assert 0.0 < score <= 1.0


def test_no_letters_no_language():
    assert identify_language("12345 --- 678") == (None, 0.0)


class _FakeIdentifier:
    def __init__(self, ranked):
        self.ranked = ranked

    def rank(self, text):
        return self.ranked


def test_uncertain_guess_yields_to_a_close_preferred_language(monkeypatch):
    from clamor.nlp import language

    fake = _FakeIdentifier([("pcm", 0.51), ("en", 0.44), ("bcl", 0.04)])
    monkeypatch.setattr(language, "_identifier", lambda: fake)
    assert identify_language("Bank buying and selling rates", prefer=("en",)) == ("en", 0.44)
    assert identify_language("Bank buying and selling rates", prefer=())[0] == "pcm"
    fake.ranked = [("pcm", 0.51), ("en", 0.10), ("bcl", 0.04)]
    assert identify_language("Bank buying and selling rates", prefer=("en",))[0] == "pcm"


def test_confident_other_language_is_kept():
    text = "La police a tiré des gaz lacrymogènes sur des centaines de manifestants vendredi."
    assert identify_language(text, prefer=("en",))[0] == "fr"
