"""The three GDELT events layouts, told apart by their column count, read by column NAME.

- 2.0 events exports (Feb 2015–): 61 columns (GDELT-Event_Codebook-V2.0).
- 1.0 daily files (Apr 2013–): 58 columns, the 2.0 list without the three `*Geo_ADM2Code`
  columns; DATEADDED is YYYYMMDD (GDELT-Data_Format_Codebook, 1.0).
- 1.0 historical backfile (1979–Mar 2013, monthly/yearly files): 57 columns, the daily list
  without SOURCEURL, which the 1.0 codebook says only the daily files (from 1 April 2013) have.

All three are tab-separated with no header. Readers ask for a column by name, through the same
`Row` as the CSV readers (`Row(layout.header, cells).get("ActionGeo_Lat")`), so one piece of code
reads every layout, and a column a layout lacks (SOURCEURL in the backfile) reads as "".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.providers.tabular import Header

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
V2_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{field}" for field in _ACTOR)
    + tuple(f"Actor2{field}" for field in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    + ("NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
V1_DAILY_COLUMNS = tuple(name for name in V2_COLUMNS if not name.endswith("_ADM2Code"))
V1_BACKFILE_COLUMNS = V1_DAILY_COLUMNS[:-1]


@dataclass(frozen=True)
class GdeltLayout:
    """One published layout: its name (for messages) and its columns in file order."""

    name: str
    columns: tuple[str, ...]
    header: Header = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "header", Header(self.columns))

    @property
    def count(self) -> int:
        return len(self.columns)


LAYOUTS = {
    layout.count: layout
    for layout in (
        GdeltLayout("GDELT 2.0 events", V2_COLUMNS),
        GdeltLayout("GDELT 1.0 daily events", V1_DAILY_COLUMNS),
        GdeltLayout("GDELT 1.0 historical backfile", V1_BACKFILE_COLUMNS),
    )
}
assert sorted(LAYOUTS) == [57, 58, 61]


def layout_of(column_count: int) -> GdeltLayout | None:
    """The layout with that many columns, None for any other count."""
    return LAYOUTS.get(column_count)
