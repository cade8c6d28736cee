"""Anonymous demand statistics: recording events, counting them, publishing them safely.

- `models`: the tables (no person in them);
- `scrub`: which words of a message may be kept;
- `events`: what an event holds, made from a finished search;
- `recorder`: writing events without ever slowing or breaking the answer;
- `aggregate`: counting by period, place, group, need, channel, language and outcome;
- `disclosure`: hiding small cells and what would reveal them;
- `supply`: the services and capacity beside the demand;
- `export`: the published tables, as CSV or XLSX;
- `report`: the planners' HTML page with charts, from the published tables;
- `simulate`: synthetic demand for demos and benchmarks;
- `retention`: deleting old or synthetic events.
"""

from bot.stats import models  # noqa: F401 - registers the tables on the catalogue's metadata
from bot.stats.recorder import StatsRecorder, record_feedback, record_search

__all__ = ["StatsRecorder", "record_feedback", "record_search"]
