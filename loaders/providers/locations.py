"""Each provider's location columns → a RowLocation (names, point, precision) and what was unusable.

A row's most precise place is its location (town, village, site) unless the row is placed at a
region's or a country's centroid and the location merely repeats that region's name (UCDP
"Idlib governorate" at where_prec 4, ACLED geo_precision 3 "Idleb"): then it is that region.
Admin names deeper than the row's place are left out. Nothing here rejects a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.providers.coordinates import read_point
from loaders.providers.countries import (
    UnknownCountry,
    is_iso3,
    iso3_from_fips,
    iso3_from_name,
    iso3_from_numeric,
)
from loaders.providers.tabular import Row
from schema.geo import (
    ACLED_GEO_PRECISION,
    GDELT_GEO_TYPE,
    UCDP_WHERE_PREC,
    GeoPrecision,
    GeoProblem,
    PlaceLevel,
    RowLocation,
)
from schema.place_names import place_key

Found = tuple[RowLocation | None, tuple[GeoProblem, ...]]
ADMIN_LEVELS = (PlaceLevel.ADMIN1, PlaceLevel.ADMIN2, PlaceLevel.ADMIN3)


def _precision(
    text: str, column: str, scale: dict[int, GeoPrecision], problems: list[GeoProblem]
) -> tuple[GeoPrecision | None, int | None]:
    if not text.strip():
        return None, None
    try:
        code = int(float(text))
    except ValueError:
        code = None
    if code is None or code not in scale or float(text) != code:
        allowed = ", ".join(str(key) for key in sorted(scale))
        problems.append(GeoProblem(column, f"not a precision code ({allowed})", text, "precision"))
        return None, None
    return scale[code], code


def _settle(
    country_name: str | None,
    admins: list[str],
    location: str | None,
    precision: GeoPrecision | None,
) -> tuple[PlaceLevel, list[str], str | None]:
    """(the row's place level, the admin names down to it, the location name if it is one)."""
    if location and precision is not None and precision >= GeoPrecision.ADMIN2:
        key = place_key(location)
        chain = [(PlaceLevel.COUNTRY, country_name or ""), *zip(ADMIN_LEVELS, admins, strict=False)]
        for depth, (level, name) in enumerate(chain):  # the broadest region it repeats
            if name and place_key(name) == key:
                return level, admins[:depth], None
    if location:
        return PlaceLevel.LOCATION, admins, location
    return ([PlaceLevel.COUNTRY, *ADMIN_LEVELS])[len(admins)], admins, None


def _contiguous(*names: str) -> list[str]:
    """Admin names from admin1 down, stopping at the first missing level."""
    result = []
    for name in names:
        if not name:
            break
        result.append(name)
    return result


def _location(
    country: str | None,
    country_name: str | None,
    admins: list[str],
    location: str | None,
    point: tuple[float, float] | None,
    precision: tuple[GeoPrecision | None, int | None],
) -> RowLocation:
    level = None
    if country or country_name:
        level, admins, location = _settle(country_name, admins, location, precision[0])
    padded = [*admins, None, None, None]
    return RowLocation(
        level=level,
        country=country,
        country_name=country_name,
        admin1=padded[0],
        admin2=padded[1],
        admin3=padded[2],
        name=location,
        longitude=point[0] if point else None,
        latitude=point[1] if point else None,
        precision=precision[0],
        provider_precision=precision[1],
    )


def _country_by_name(name: str) -> str | None:
    try:
        return iso3_from_name(name)
    except UnknownCountry:
        return None  # the resolver tries the alias table, else keeps the name (place:x-<name>)


def acled_location(row: Row) -> Found:
    """ACLED iso/iso3, country, admin1–3, location, latitude, longitude, geo_precision."""
    problems: list[GeoProblem] = []
    name = row.get("country")
    iso3 = row.get("iso3").upper()
    if not is_iso3(iso3):
        try:
            iso3 = iso3_from_numeric(row.get("iso")) if row.get("iso") else ""
        except UnknownCountry:
            iso3 = ""
    country = iso3 or (_country_by_name(name) if name else None)
    admins = _contiguous(row.get("admin1"), row.get("admin2"), row.get("admin3"))
    location = row.get("location") or None
    point, problem = read_point(
        row.get("latitude"), row.get("longitude"), ("latitude", "longitude"), bool(name or location)
    )
    problems.extend([problem] if problem else [])
    precision = _precision(row.get("geo_precision"), "geo_precision", ACLED_GEO_PRECISION, problems)
    if not (country or name or point):
        return None, tuple(problems)
    return _location(country, name or None, admins, location, point, precision), tuple(problems)


def ucdp_location(row: Row) -> Found:
    """UCDP GED country (or iso3), adm_1, adm_2, where_coordinates, latitude, longitude, where_prec."""
    problems: list[GeoProblem] = []
    name = row.get("country")
    iso3 = row.get("iso3").upper()
    country = iso3 if is_iso3(iso3) else (_country_by_name(name) if name else None)
    admins = _contiguous(row.get("adm_1"), row.get("adm_2"))
    location = row.get("where_coordinates") or None
    point, problem = read_point(
        row.get("latitude"), row.get("longitude"), ("latitude", "longitude"), bool(name or location)
    )
    problems.extend([problem] if problem else [])
    precision = _precision(row.get("where_prec"), "where_prec", UCDP_WHERE_PREC, problems)
    if not (country or name or point):
        return None, tuple(problems)
    return _location(country, name or None, admins, location, point, precision), tuple(problems)




def _gdelt_names(full_name: str, geo_type: int | None) -> tuple[str, list[str], str | None]:
    """(country, admin names, city) from "City, ADM1, Country", "ADM1, Country" or "Country".

    The ADM1 part may itself hold commas ("Kyiv, Kyyiv, Misto, Ukraine"); "Israel (general)" and
    other ADM1 names that only repeat the country mean no known ADM1.
    """
    parts = [part.strip() for part in full_name.split(",") if part.strip()]
    country = parts[-1]
    if geo_type in (3, 4) or (geo_type is None and len(parts) >= 3):
        city, middle = parts[0], parts[1:-1]
    else:
        city, middle = None, parts[:-1]
    admin1 = ", ".join(middle)
    admins = [admin1] if admin1 and place_key(admin1) not in ("", place_key(country)) else []
    return country, admins, city


def gdelt_location(row: Row, prefix: str = "ActionGeo") -> Found:
    """A GDELT geo block, read by column name in every layout (gdelt_layouts.py): Type, FullName,
    CountryCode (FIPS 10-4), Lat, Long."""
    problems: list[GeoProblem] = []
    col = prefix + "_"
    full_name = row.get(col + "FullName")
    type_text = row.get(col + "Type")
    if type_text in ("", "0") and not full_name:
        return None, ()
    precision = _precision(type_text, col + "Type", GDELT_GEO_TYPE, problems)
    point, problem = read_point(
        row.get(col + "Lat"), row.get(col + "Long"), (col + "Lat", col + "Long"), bool(full_name)
    )
    problems.extend([problem] if problem else [])
    fips = row.get(col + "CountryCode")
    country: str | None = None
    if fips:
        try:
            country = iso3_from_fips(fips)
        except UnknownCountry as error:
            problems.append(GeoProblem(col + "CountryCode", str(error), fips, "place"))
    if country is None or not full_name:
        if point is None:
            return None, tuple(problems)
        return RowLocation(
            longitude=point[0],
            latitude=point[1],
            precision=precision[0],
            provider_precision=precision[1],
        ), tuple(problems)
    country_name, admins, city = _gdelt_names(full_name, precision[1])
    return _location(country, country_name, admins, city, point, precision), tuple(problems)
