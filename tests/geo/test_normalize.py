from clamor.geo.normalize import acled_admin_name, name_key, skeleton_key, strip_admin_affix


def test_name_key_folds_accents_and_punctuation():
    assert name_key("Kāzerūn") == name_key("Kazerun") == "kazerun"
    assert name_key("Mar’ib") == "marib"
    assert name_key("  São   Paulo ") == "sao paulo"


def test_name_key_keeps_other_scripts():
    assert name_key("کازرون") == name_key("كازرون") != ""
    assert skeleton_key(name_key("کازرون")) == ""


def test_skeleton_joins_transliterations():
    assert skeleton_key("kazeroon") == skeleton_key("kazerun")
    assert skeleton_key("kazerun") != skeleton_key("kerman")


def test_strip_admin_affix():
    assert strip_admin_affix("lorestan province") == ("lorestan", "ADM1")
    assert strip_admin_affix("rapides parish") == ("rapides", "ADM2")
    assert strip_admin_affix("province of fars") == ("fars", "ADM1")
    assert strip_admin_affix("kazerun") == ("kazerun", None)


def test_acled_admin_name():
    assert acled_admin_name("Lorestan Province") == "Lorestan"
    assert acled_admin_name("Fars") == "Fars"
