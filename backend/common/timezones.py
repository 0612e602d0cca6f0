import functools
import zoneinfo

# IANA's areas; names outside them are legacy aliases (`Japan`, `EST5EDT`, `US/Eastern`) or
# not zones at all (`Factory`, `localtime`, `posixrules`, the `posix/` and `right/` trees).
AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    }
)


@functools.cache
def valid_timezones() -> frozenset[str]:
    """Real IANA zone names people pick: `Area/Location` (and plain `UTC`). City links like
    `Asia/Calcutta` stay in, since browsers still report them."""
    return frozenset(
        name
        for name in zoneinfo.available_timezones()
        if name == "UTC" or ("/" in name and name.split("/", 1)[0] in AREAS)
    )


def is_valid_timezone(name: str) -> bool:
    return name in valid_timezones()
