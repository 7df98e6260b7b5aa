import pytest

from clamor.ingest.decode import decode_bytes

SAMPLES = {
    "utf-8": "Protesters in Zürich said the “reform” was a façade.",
    "utf-16": "Protesters in Zürich said the “reform” was a façade.",
    "cp1252": "Protesters in Zürich said the “reform” was a façade — they marched on.",
    "cp1256": "خرج المتظاهرون إلى شوارع القاهرة يوم الجمعة مطالبين بإصلاحات سياسية واقتصادية عاجلة",
    "cp1251": "Протестующие вышли на улицы Москвы в пятницу, требуя отставки правительства.",
}


@pytest.mark.parametrize("encoding", sorted(SAMPLES))
def test_decodes_common_encodings(encoding):
    text = SAMPLES[encoding]
    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_utf8_bom_is_removed():
    decoded, encoding = decode_bytes("\ufeffHello world".encode("utf-8"))
    assert decoded == "Hello world"
    assert encoding == "utf-8-sig"
