"""Deterministic generator of synthetic export folders, at any scale.

``csr-generate --people N --seed S --out DIR [--as-of YYYY-MM-DD]`` writes an export
folder in the layout of the specification (``exports.md``) that ``csr-load`` accepts:

```
DIR/buddy/        users.csv matches.csv events.csv event_attendance.csv skill_sessions.csv
                  checkins.csv feedback.csv milestones.csv
                  buddy_export_<as_of - 91 days>.json    (older JSON export: users, matches)
                  webhooks/events_<YYYY-MM>.jsonl         (the last two calendar months)
DIR/kintell/      users.csv language-for-ukraine-<YYYY-MM>.csv mentors-for-ukraine-<YYYY-MM>.csv
                  kintell-sessions-<YYYY-MM>.csv          (older combined export)
DIR/upskilling/   course_progress_<as_of>.csv course-completions_<as_of>.csv
                  credentials_<as_of>.csv
DIR/platform/     companies.csv company_users.csv program_investments.csv
                  employee_hour_costs.csv employment_outcomes.csv
DIR/q2q/          outcome_scores_<as_of>.csv
```

What the data looks like (rates are per person or per row, drawn from the seed):

- People: 40 % volunteers (employees of N/200 companies, some changing company, a few
  with overlapping memberships, ~7 % with no company), 60 % participants (newcomers).
  Programs: ~45 % Buddy, ~30 % language, ~20 % mentorship, ~25 % upskilling; most people
  are in one program, ~15 % in two, a few in three. In Buddy, language and mentorship
  about half of the people are participants and half volunteers.
- Buddy: matches with every ``end_reason``, active and ``inactive`` (paused) ones;
  informal events, formal-event attendance, skill sessions, check-ins, feedback and
  milestones per match and user; users who left; people with two accounts sharing an
  email; accounts whose email changed since the older JSON export (which shows matches
  that ended later as still active, so superseded rows exist).
- Webhooks for the last two months overlap the export: most webhook events are also in
  the export, a few only in webhooks (and some export rows have no webhook); ~5 % of
  envelopes are delivered twice (in one file or in the next); a few ended matches still
  show ``active`` in the export; a few envelopes of an unknown type, a few lines that
  are not JSON.
- Kintell: pairs with 1-20 sessions (some not held, some scheduled after the export,
  ratings 1-5 with decimals, CEFR levels rising for some learners), emails with case or
  whitespace variants; the per-program files cover the last 180 days, the older combined
  export everything up to its date (the overlap is the same session in both formats).
  The language and mentorship files use ``,`` and ``;`` (which one gets which depends
  on the seed).
- Upskilling: status histories (enrolled → in_progress → completed / dropped / still
  open), a completions-only export, credentials.
- Platform: investments per company, program and quarter (cash, in_kind, management;
  some grants spanning three quarters), hour costs for ~60 % of companies, employment
  outcomes and Q2Q scores for some participants.
- ~1 % invalid rows of varied kinds (bad UUIDs, enums, ranges, ``yesterday``, future
  timestamps, ``4,5`` in Kintell, unsupported currencies, orphans, ...) and a few
  malformed lines (a wrong field count, a webhook line that is not JSON). No file is
  rejected as a whole: every CSV has its required columns and a correct
  ``# Total Records``.

Determinism: the same arguments give byte-identical files. Every draw comes from
``random.Random`` instances seeded from ``--seed`` (one per block of people); nothing
reads the clock or iterates over a hash-ordered set.

Scale: people are generated in blocks of 2,000 and every row is streamed to its file, so
memory stays bounded; a CSV body is written to ``<file>.part`` and copied behind its
metadata lines once its record count is known.

Columns: every CSV's header is the raw contract's columns (the sources YAML), in its
order, except where the export files deliberately differ (``layout.FILE_SPELLING``,
``layout.FILE_ORDER``).

The package's modules:

- ``cli``: the ``csr-generate`` options and the printed summary.
- ``run``: one run start to end (files, companies, blocks of people, ``Summary``).
- ``layout``: which files are written where, their metadata and their headers.
- ``writers``: the CSV, JSONL and JSON-export writers.
- ``clock``, ``draws``: minutes and their text; random draws (UUIDs, picks, weights).
- ``context``: the state every program shares and the draws several make.
- ``invalid``: how each raw table's rows are broken on purpose.
- ``vocabulary``, ``people``: names and places; the people and their programs.
- ``platform``: companies, investments, hour costs, memberships.
- ``buddy``, ``buddy_match``, ``buddy_account``: the Buddy program; ``webhooks``: its
  webhook files.
- ``kintell``, ``upskilling``, ``outcomes`` (employment outcomes and Q2Q scores).
"""

from csr_analytics.generate.cli import main
from csr_analytics.generate.run import Summary, generate

__all__ = ["Summary", "generate", "main"]
