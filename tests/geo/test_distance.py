from clamor.geo.distance import haversine_km


def test_haversine_km():
    assert haversine_km(0, 0, 0, 0) == 0
    assert abs(haversine_km(0, 0, 0, 1) - 111.2) < 0.5
    assert abs(haversine_km(29.62, 51.65, 29.61, 52.53) - 85) < 5     # Kazerun to Shiraz
    assert abs(haversine_km(90, 0, -90, 0) - 20015) < 5               # pole to pole
