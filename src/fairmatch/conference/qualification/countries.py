"""Country groups a rule may name besides single countries."""

# "foreign" and "domestic" are relative to the edition's host country; the others are fixed.
RELATIVE_GROUPS = ("foreign", "domestic")

FIXED_GROUPS: dict[str, frozenset[str]] = {
    "eu": frozenset(
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
    ),
    "asean": frozenset("BN KH ID LA MY MM PH SG TH VN".split()),
    "g7": frozenset("CA FR DE IT JP GB US".split()),
    "north_america": frozenset("CA MX US".split()),
    "east_asia": frozenset("CN HK JP KP KR MN MO TW".split()),
}

KNOWN_GROUPS = (*RELATIVE_GROUPS, *FIXED_GROUPS)


def country_in_group(*, country: str, group: str, host_country: str) -> bool:
    if group == "foreign":
        return country != host_country
    if group == "domestic":
        return country == host_country
    return country in FIXED_GROUPS[group]
