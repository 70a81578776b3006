"""The generated people: who they are and which programs they take part in.

40 % volunteers (employees), 60 % participants (newcomers); most people are in one
program, ~15 % in two, a few in three (``MORE_PROGRAMS``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from csr_analytics.generate.draws import pick, slug
from csr_analytics.generate.vocabulary import (
    PARTICIPANT_FIRST,
    PARTICIPANT_LAST,
    PROGRAMS,
    VOLUNTEER_FIRST,
    VOLUNTEER_LAST,
)

# program mix: persona -> (weights of the first program, probability of a 2nd and 3rd)
VOLUNTEER_SHARE = 0.40
VOLUNTEER_PROGRAM_WEIGHTS = (("buddy", 56), ("language", 37), ("mentorship", 25))
PARTICIPANT_PROGRAM_WEIGHTS = (
    ("buddy", 37), ("language", 25), ("mentorship", 17), ("upskilling", 42),
)  # fmt: skip
MORE_PROGRAMS = ((1, 0.82), (2, 0.15), (3, 0.03))
NEVER = 1 << 40  # a first activity later than any generated minute


@dataclass(slots=True)
class Person:
    """One person, as the programs see them; programs fill in what they learn."""

    idx: int
    first: str
    last: str
    email: str
    volunteer: bool
    programs: tuple[str, ...]
    company: str = ""
    buddy_ids: list[str] = field(default_factory=list)
    first_activity: int = NEVER  # minutes


def pick_programs(rng: random.Random, weights: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    """One, two or three programs drawn without replacement, in ``PROGRAMS`` order."""
    r = rng.random()
    k = (
        1
        if r < MORE_PROGRAMS[0][1]
        else (2 if r < MORE_PROGRAMS[0][1] + MORE_PROGRAMS[1][1] else 3)
    )
    pool = list(weights)
    chosen: list[str] = []
    for _ in range(min(k, len(pool))):
        total = sum(w for _, w in pool)
        x = rng.random() * total
        for i, (name, w) in enumerate(pool):
            x -= w
            if x < 0 or i == len(pool) - 1:
                chosen.append(name)
                pool.pop(i)
                break
    return tuple(p for p in PROGRAMS if p in chosen)


def make_person(rng: random.Random, idx: int) -> Person:
    """Person ``idx`` (0-based): a volunteer at example.com or a participant at example.org."""
    volunteer = rng.random() < VOLUNTEER_SHARE
    if volunteer:
        fn, ln = pick(rng, VOLUNTEER_FIRST), pick(rng, VOLUNTEER_LAST)
        programs = pick_programs(rng, VOLUNTEER_PROGRAM_WEIGHTS)
        email = f"{slug(fn)}.{slug(ln)}{idx + 1}@example.com"
    else:
        fn, ln = pick(rng, PARTICIPANT_FIRST), pick(rng, PARTICIPANT_LAST)
        programs = pick_programs(rng, PARTICIPANT_PROGRAM_WEIGHTS)
        email = f"{slug(fn)}.{slug(ln)}{idx + 1}@example.org"
    return Person(idx, fn, ln, email, volunteer, programs)
