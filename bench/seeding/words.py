"""The words the seeded texts are made of, and the benchmark's searches."""

import itertools
import random

# Words of the Alliance's field in its four languages, spread among made-up words (see
# vocabulary): search finds a few hundred to a few thousand products for each.
DOMAIN_WORDS = """
    seguridad justicia prevención violencia juvenil reclutamiento crimen organizado policía
    comunitaria cárceles penitenciario reinserción homicidios extorsión narcotráfico lavado
    activos frontera migración trata personas género víctimas fiscalía tribunales datos
    evaluación impacto security justice prevention violence youth recruitment organised crime
    policing community prisons rehabilitation homicide extortion trafficking laundering border
    migration gender victims prosecution courts data evaluation impact evidence hotspots schools
    employment training municipal segurança justiça prevenção violência juventude recrutamento
    crime polícia prisões reinserção sécurité justice prévention violence jeunesse recrutement
    criminalité police prisons réinsertion observatorio indicadores encuesta victimización
    cohesión social resiliencia gobernanza ciberdelito armas fuego control drogas alternativas
    penales mediación conflictos barrios
""".split()  # noqa: SIM905 - a list of words reads best as words
# The made-up words are two to four of these.
SYLLABLES = """
    ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi
    mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo
    za ze zi zo tra tre tri pla ple pli cla cle bra bre gra gre
""".split()  # noqa: SIM905 - a list of words reads best as words
# The most frequent words of real text in the four languages.
STOPWORDS = """
    de la el en y que los las del por para con una un the of and to in for is on with da do em
    os das dos le les des et pour dans est
""".split()  # noqa: SIM905 - a list of words reads best as words
VOCABULARY_SIZE = 6000

# Twenty searches for the benchmark: one word and several, common and rare.
SEARCH_QUERIES = [
    "seguridad",
    "violencia juvenil",
    "prevención",
    "justicia tribunales",
    "policía comunitaria",
    "crime prevention",
    "homicidios",
    "extorsión",
    "youth violence",
    "prisons rehabilitation",
    "segurança",
    "trata personas",
    "data evaluation",
    "sécurité",
    "lavado activos",
    "gender victims",
    "observatorio indicadores",
    "ciberdelito",
    "mediación conflictos barrios",
    "reinserción",
]


def vocabulary(rng: random.Random) -> list[str]:
    """Stop words first (the most frequent, as in real text), then made-up words with the
    Alliance's words spread among the first 1,500: common enough to find, not everywhere."""
    domain = list(dict.fromkeys(DOMAIN_WORDS))
    seen = set(domain) | set(STOPWORDS)
    made_up = []
    while len(made_up) < VOCABULARY_SIZE - len(domain) - len(STOPWORDS):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            made_up.append(word)
    for word in domain:
        made_up.insert(rng.randint(20, 1500), word)
    return STOPWORDS + made_up


class Words:
    """Words drawn with a Zipf-like law: rank r is drawn with weight 1 / (r + 10)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = vocabulary(rng)
        self.cum = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(self.words))))

    def text(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cum, k=n))
