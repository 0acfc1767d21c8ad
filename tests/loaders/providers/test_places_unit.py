"""Place names, ids, the FIPS crosswalk, coordinates and each provider's location columns (no database)."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest

from loaders.providers.acled import read_acled
from loaders.providers.coordinates import read_point
from loaders.providers.countries import FIPS_TABLE, UnknownCountry, iso3_from_fips, iso3_from_name
from loaders.providers.gdelt import read_gdelt
from loaders.providers.gdelt_layouts import layout_of
from loaders.providers.locations import gdelt_location
from loaders.providers.place_aliases import PlaceAliasTable
from loaders.providers.places import PlaceResolver
from loaders.providers.tabular import Row
from loaders.providers.ucdp import read_ucdp
from schema.geo import GeoPrecision, PlaceLevel, RowLocation
from schema.place_names import display_name, place_key, place_segment
from schema.providers import ProviderRecord, Rejected

from .conftest import DATA


def test_place_keys_fold_case_accents_punctuation_and_kind_words() -> None:
    assert {
        place_key(n) for n in ("Idlib", "IDLIB", "Ídlib", "Idlib governorate", "Idlib Province")
    } == {"idlib"}
    assert place_key("Deir-ez-Zor") == place_key("Deir ez Zor") == "deir ez zor"
    assert place_key("Dar'a") == place_key("Dar`a") == "dara"
    assert place_key("Ariha sub-district") == place_key("Ariha subdistrict") == "ariha"
    assert place_key("Israel (general)") == "israel"
    assert place_key("Governorate") == "governorate"  # a name that is only a kind word stays
    assert place_key("إدلب") == place_key("ادلب") == "ادلب"  # other scripts keep their letters
    assert place_segment("Maarrat al-Numan") == "maarrat-al-numan"
    assert display_name("Saraqab town") == "Saraqab"
    assert display_name("Idlib governorate") == "Idlib"


def test_fips_crosswalk_maps_every_code_to_an_iso_country_or_says_none() -> None:
    with FIPS_TABLE.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len({row["fips"] for row in rows}) == len(rows) > 250
    for row in rows:
        assert len(row["fips"]) == 2 and row["fips"].isupper()
        if row["iso3"] and row["iso3"] != "XKX":
            assert pycountry.countries.get(alpha_3=row["iso3"]) is not None, row
    # FIPS is not ISO: the same two letters often mean another country.
    expected = {
        "SY": "SYR",
        "TU": "TUR",
        "RS": "RUS",
        "UP": "UKR",
        "IZ": "IRQ",
        "IS": "ISR",
        "AS": "AUS",
        "AU": "AUT",
        "UK": "GBR",
        "GM": "DEU",
        "SF": "ZAF",
        "KV": "XKX",
        "GZ": "PSE",
        "WE": "PSE",
        "LE": "LBN",
        "US": "USA",
    }
    assert {code: iso3_from_fips(code) for code in expected} == expected
    with pytest.raises(UnknownCountry, match="unknown FIPS"):
        iso3_from_fips("ZZ")
    with pytest.raises(UnknownCountry, match="Akrotiri"):
        iso3_from_fips("AX")


def test_country_names_never_match_fuzzily() -> None:
    assert iso3_from_name("Syria") == "SYR"
    assert iso3_from_name("Yemen (North Yemen)") == "YEM"
    assert iso3_from_name("Kosovo") == "XKX"  # pycountry's fuzzy search says Serbia
    with pytest.raises(UnknownCountry):
        iso3_from_name("Northwest Syria")  # a region, not a country
    assert PlaceAliasTable.load().country_code("Kosovo") == "XKX"
    assert PlaceAliasTable.load().country_code("Russia (Soviet Union)") == "RUS"


@pytest.mark.parametrize(
    ("lat", "lon", "named", "point", "reason"),
    [
        ("35.8", "36.6", True, (36.6, 35.8), None),
        ("", "", True, None, None),
        ("90", "-180", True, (-180.0, 90.0), None),
        ("90.0001", "36", True, None, "latitude out of range"),
        ("35", "180.5", True, None, "longitude out of range"),
        ("nan", "36", True, None, "not a finite number"),
        ("35", "-inf", True, None, "not a finite number"),
        ("35,8", "36", True, None, "not a number"),
        ("35.8", "", True, None, "only one of"),
        ("0", "0", True, None, "0,0"),
        ("0", "0", False, (0.0, 0.0), None),
    ],
)
def test_coordinates_become_a_point_or_a_reason(
    lat: str, lon: str, named: bool, point: tuple[float, float] | None, reason: str | None
) -> None:
    found, problem = read_point(lat, lon, ("latitude", "longitude"), named)
    assert found == point
    if reason:
        assert problem is not None and reason in problem.reason and problem.lost == "point"
    else:
        assert problem is None


def _records(path: Path) -> dict[str, ProviderRecord]:
    reader = {"csv": read_acled}.get(path.suffix[1:]) if "acled" in path.name else None
    reader = reader or (read_ucdp if "ucdp" in path.name else read_gdelt)
    return {r.provider_id: r for r in reader(path) if not isinstance(r, Rejected)}


def _place_ids(records: dict[str, ProviderRecord]) -> dict[str, str | None]:
    resolver = PlaceResolver(PlaceAliasTable.load())
    result = {}
    for row_id, record in records.items():
        chain = resolver.resolve(record.location) if record.location else None
        result[row_id] = chain.place_id if chain else None
    return result


def test_one_place_many_spellings_across_providers() -> None:
    acled = _records(DATA / "acled_geo_2020.csv")
    ucdp = _records(DATA / "ucdp_ged_geo.csv")
    gdelt = _records(DATA / "gdelt_syria_2020.export.CSV")
    acled_ids, ucdp_ids = _place_ids(acled), _place_ids(ucdp)
    # ACLED admin1 "Idleb" at geo_precision 3 and UCDP "Idlib governorate" at where_prec 4: the
    # curated governorate; GDELT's "Idlib, Idlib, Syria" is the city inside it.
    assert acled_ids["SYR200002"] == ucdp_ids["300101"] == "place:idlib"
    assert _place_ids(gdelt)["900001"] == "place:idlib-city"
    assert ucdp_ids["300102"] == "place:syria"  # where_prec 6 "Syria": the country itself
    assert ucdp_ids["300103"] == acled_ids["SYR200005"] == "place:ariha"  # "Ariha town", "Ariha"
    assert acled_ids["SYR200007"] == ucdp_ids["300104"] == "place:syr:idlib:@saraqib"  # Saraqab
    assert acled_ids["SYR200003"] == "place:syr:idlib:@jisr-al-shughur"  # Jisr Ash-Shugur
    assert acled_ids["SYR200004"] == "place:syr:aleppo:@atareb"
    assert acled_ids["TUR200009"] == "place:tur:hatay:@reyhanli"
    assert acled_ids["SYR200010"] == "place:ariha"  # unknown precision: still the town


def test_place_chain_ids_follow_the_documented_scheme() -> None:
    resolver = PlaceResolver(PlaceAliasTable.load())
    chain = resolver.resolve(
        RowLocation(
            level=PlaceLevel.LOCATION,
            country="SYR",
            country_name="Syria",
            admin1="Idleb",
            admin2="Ariha",
            admin3="Ariha",
            name="Balyun",
        )
    )
    assert chain is not None
    assert [p.id for p in chain.places] == [
        "place:syria",
        "place:idlib",
        "place:syr:idlib:ariha",
        "place:syr:idlib:ariha:ariha",
        "place:syr:idlib:@balyun",
    ]
    assert [p.admin_level for p in chain.places] == [0, 1, 2, 3, None]
    no_iso = resolver.resolve(
        RowLocation(level=PlaceLevel.LOCATION, country_name="Atlantis", name="Poseidonia")
    )
    assert no_iso is not None and [p.id for p in no_iso.places] == [
        "place:x-atlantis",
        "place:x-atlantis:@poseidonia",
    ]
    resolver.resolve(RowLocation(level=PlaceLevel.COUNTRY, country_name="Kosovo"))
    kosovo = resolver.resolve(RowLocation(level=PlaceLevel.COUNTRY, country_name="Kosovo"))
    assert kosovo is not None and kosovo.place_id == "place:xkx"


def test_gdelt_geo_types_and_full_names() -> None:
    gdelt = _records(DATA / "gdelt_geo_2014.export.CSV")
    levels = {
        row_id: (r.location.level, r.location.precision, r.location.admin1, r.location.name)
        for row_id, r in gdelt.items()
        if r.location is not None
    }
    assert "410412358" not in levels  # geo type 0: no location, and no problem either
    assert gdelt["410412358"].geo_problems == ()
    assert levels["410412374"] == (PlaceLevel.COUNTRY, GeoPrecision.COUNTRY, None, None)  # 1 Iraq
    assert levels["410412376"] == (PlaceLevel.ADMIN1, GeoPrecision.ADMIN1, "Wisconsin", None)  # 2
    assert levels["410412364"] == (PlaceLevel.LOCATION, GeoPrecision.EXACT, "New York", "Manhattan")
    assert levels["410412386"] == (PlaceLevel.LOCATION, GeoPrecision.EXACT, "Kyyiv, Misto", "Kyiv")
    ids = _place_ids(gdelt)
    assert ids["990000001"] == "place:moscow"  # "Moscow, Moskva, Russia"
    assert ids["410412374"] == "place:irq"


def test_gdelt_general_adm1_means_no_adm1() -> None:
    cells = [""] * 61
    cells[51:58] = ["4", "Gaza, Israel (general), Israel", "IS", "IS00", "", "31.5", "34.4667"]
    location, problems = gdelt_location(Row(layout_of(61).header, cells))  # type: ignore[union-attr]
    assert problems == () and location is not None
    assert (location.country, location.admin1, location.name) == ("ISR", None, "Gaza")


def test_unusable_location_cells_cost_only_the_point_or_place() -> None:
    acled = _records(DATA / "acled_geo_2020.csv")
    assert len(acled) == 10  # nothing rejected
    lost = {row_id: [(p.column, p.lost) for p in r.geo_problems] for row_id, r in acled.items()}
    assert lost["SYR200005"] == [("latitude", "point")]
    assert lost["SYR200006"] == [("latitude", "point")]
    assert lost["SYR200008"] == [("latitude,longitude", "point")]
    assert lost["SYR200010"] == [("geo_precision", "precision")]
    for row_id in ("SYR200005", "SYR200006", "SYR200007", "SYR200008"):
        location = acled[row_id].location
        assert location is not None and location.longitude is None and location.level is not None
    gdelt = _records(DATA / "gdelt_geo_2014.export.CSV")
    assert len(gdelt) == 15
    unknown = gdelt["990000002"]
    assert unknown.location is not None and unknown.location.level is None  # place lost
    assert (unknown.location.longitude, unknown.location.latitude) == (
        30.5167,
        50.4333,
    )  # point kept
    assert [p.lost for p in unknown.geo_problems] == ["place"]


def test_alias_table_rejects_malformed_rows(tmp_path: Path) -> None:
    bad = tmp_path / "places.csv"
    bad.write_text("country,kind,within,spelling,name,place_id\nSYR,province,,Idleb,Idlib,\n")
    with pytest.raises(ValueError, match=r"places.csv:2"):
        PlaceAliasTable.load(bad)
    bad.write_text("country,kind,within,spelling,name,place_id\nSYR,admin1,,Idleb,Idlib,idlib\n")
    with pytest.raises(ValueError, match="place_id"):
        PlaceAliasTable.load(bad)
