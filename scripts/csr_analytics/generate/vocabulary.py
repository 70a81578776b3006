"""The people and places of the generated world: the programs, first and last names of
participants and volunteers, cities, interests and languages. Each program's own word
lists (event types, courses, company names, ...) live in its module."""

from __future__ import annotations

PROGRAMS = ("buddy", "language", "mentorship", "upskilling")

PARTICIPANT_FIRST = (
    "Olena", "Oksana", "Iryna", "Andriy", "Dmytro", "Yuliia", "Kateryna", "Mykola", "Taras",
    "Nataliia", "Serhii", "Viktoriia", "Oleksandr", "Halyna", "Bohdan", "Sofiia", "Ahmad",
    "Fatima", "Omar", "Layla", "Yusuf", "Mariam", "Hassan", "Zahra", "Karim", "Amina",
    "Mohammad", "Nour", "Sami", "Rana", "Tesfaye", "Selam", "Hiwot", "Dawit", "Farhad", "Parisa",
)  # fmt: skip
PARTICIPANT_LAST = (
    "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
    "Oliynyk", "Lysenko", "Moroz", "Petrenko", "Savchenko", "Rudenko", "Marchenko",
    "Al-Hassan", "Haddad", "Rahimi", "Karimi", "Nazari", "Hosseini", "Mansour", "Khalil",
    "Abebe", "Bekele", "Girma", "Ahmadi",
)  # fmt: skip
VOLUNTEER_FIRST = (
    "Emma", "Liam", "Sophie", "Lukas", "Anna", "Jonas", "Mia", "Noah", "Laura", "Felix",
    "Sarah", "David", "Julia", "Max", "Hannah", "Ben", "Lea", "Paul", "Clara", "Tom", "Nina",
    "Jan", "Eva", "Simon", "Ingrid", "Mark", "Priya", "Chen", "Maria", "James", "Zoë", "Søren",
)  # fmt: skip
VOLUNTEER_LAST = (
    "Müller", "Schmidt", "Johansson", "Nielsen", "Jensen", "Hansen", "Berg", "Larsen",
    "Andersson", "Novak", "Smith", "Brown", "Wilson", "Taylor", "García", "Rossi", "Dubois",
    "Martin", "Fischer", "Weber", "Kowalski", "Nowak", "Horvat", "Patel", "Wang", "O'Brien",
)  # fmt: skip
CITIES = (
    "Berlin", "Hamburg", "Munich", "Stockholm", "Gothenburg", "Oslo", "Bergen", "Copenhagen",
    "Aarhus", "Warsaw", "Kraków", "Amsterdam", "Rotterdam", "Vienna", "Prague", "Dublin",
)  # fmt: skip
INTERESTS = (
    "music", "chess", "football", "cooking", "hiking", "reading", "photography", "yoga",
    "gaming", "painting", "cycling", "languages", "tech", "theatre",
)  # fmt: skip
PARTICIPANT_LANGS = ("uk", "uk", "uk", "ru", "ar", "ar", "fa", "ti", "en")
VOLUNTEER_LANGS = ("en", "en", "de", "sv", "no", "da", "pl", "nl")
