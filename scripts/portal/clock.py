"""The build's idea of "now": injectable, so that past and upcoming can be tested.

Whether an event is past or upcoming, which news are new and which reviews
are due depends on the day the site is built. Production asks the system
clock; tests and reproducible builds set
``PORTAL_BUILD_DATE`` (``2026-11-28`` or ``2026-11-28T09:00:00+01:00``), and
the core's functions take a `Clock` argument instead of reading the time.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping
from zoneinfo import ZoneInfo

from portal.findings import ConfigurationError

TIMEZONE = ZoneInfo("Europe/Berlin")
"""Every date and time of the portal is one of Mecklenburg-Vorpommern."""

Clock = Callable[[], datetime.datetime]
"""Returns the current moment, aware."""

ENVIRONMENT_VARIABLE = "PORTAL_BUILD_DATE"


def system_clock() -> datetime.datetime:
    return datetime.datetime.now(tz=TIMEZONE)


def fixed_clock(moment: datetime.datetime | datetime.date) -> Clock:
    """A clock that always says `moment` (a day means its noon in Berlin)."""
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time(12), tzinfo=TIMEZONE)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIMEZONE)
    frozen = moment

    def now() -> datetime.datetime:
        return frozen

    return now


def clock_from_environment(environ: Mapping[str, str] | None = None) -> Clock:
    """The system clock, or the moment ``PORTAL_BUILD_DATE`` names."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "").strip()
    if not value:
        return system_clock
    try:
        if len(value) == 10:
            return fixed_clock(datetime.date.fromisoformat(value))
        return fixed_clock(datetime.datetime.fromisoformat(value))
    except ValueError as error:
        raise ConfigurationError(
            f"{ENVIRONMENT_VARIABLE}={value!r} ist kein Datum: "
            "erwartet wird JJJJ-MM-TT oder JJJJ-MM-TTTHH:MM:SS+01:00."
        ) from error
