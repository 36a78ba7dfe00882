"""Extension concepts: a row no taxonomy label matches still becomes facts.

The concept is named from the row's label in the US-GAAP style ("Other tax payable" ->
OtherTaxPayable), keeps the printed label, and takes its type from what the row counts
(percent cells, per-share or share-count wording, else money) and its period type from
the columns it sits in. Rows with the same label in different sections get different
concepts (the section joins the name), so nothing collides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from exporter.labels import (
    is_all_caps,
    label_tokens,
    sign_words,
    strip_footnotes,
    without_sign_alternatives,
)
from exporter.tables.model import TableRow
from exporter.taxonomy import Concept, ConceptType, LineMeasure, PeriodType, Taxonomy
from exporter.unit_phrases import SCALE
from exporter.vocabulary import currency_marks, packaged_scale_words, vocabulary

_WORD = re.compile(r"[A-Za-z0-9]+")
_MAX_NAME = 120
# A capitalised word run into the next one: "EthanolGallons", "CornBushels".
_LOST_BREAK = re.compile(r"(?:\b|(?<=[a-z]))[A-Z][a-z]{3,}(?=[A-Z][a-z])")
_PRINTED_WORD = re.compile(r"[a-z0-9'’]+|[$%/]")


def concept_name(text: str) -> str:
    """A CamelCase element name from label text ("Net (loss) gain, other" -> NetLossGainOther).

    A label of words printed in capitals ("NET CURRENT ASSETS") names the same line item
    as the label in mixed case: its words are capitalised alike (NetCurrentAssets). The
    capitals of a mixed-case label, or of one printed word alone ("EBITDA", "IPR&D"), are
    an acronym's, kept as printed."""
    label = strip_footnotes(text).replace("'", "")
    words = _WORD.findall(label)
    if len(label.split()) > 1 and is_all_caps(label):
        words = [w.lower() for w in words]
    name = "".join(w[:1].upper() + w[1:] for w in words)[:_MAX_NAME]
    if not name:
        return "Unlabelled"
    return name if name[0].isalpha() else f"N{name}"


def row_kind(row: TableRow, taxonomy: Taxonomy) -> ConceptType:
    """What an unmatched row counts, from its cells and its wording (taxonomy row kinds)."""
    if any(c.number.rate for c in row.cells):
        return ConceptType.PERCENT
    if any(c.number.multiple for c in row.cells):
        return ConceptType.PURE
    # What a row counts is often said in brackets ("Equity ratio (%)", "EPS (in EUR)"); a
    # heading that states the scale ("(In millions, except percentages)") says how the
    # amounts are printed and which rows are not amounts, not what this row counts.
    heading = tuple(s for s in row.sections[-1:] if not SCALE.search(s))
    words = label_tokens(" ".join((*heading, row.label)), drop_parenthesised=False)
    whole = all(c.number.fraction_digits == 0 for c in row.cells)
    for kind, concept_type in (
        ("percent", ConceptType.PERCENT),
        ("ratio", ConceptType.PURE),
        ("shares", ConceptType.SHARES),
        ("per_share", ConceptType.PER_SHARE),
    ):
        phrases = [label_tokens(p) for p in taxonomy.row_kinds.get(kind, ())]
        if any(p and _contiguous(words, p) for p in phrases):
            if concept_type is ConceptType.PER_SHARE and whole and row.cells:
                continue
            return concept_type
    if whole and row.cells and _headed_by_shares(row.label, taxonomy):
        return ConceptType.SHARES
    if _divides_quantities(_own_words(row.label), taxonomy):
        return ConceptType.PURE
    if _counts_things(row, taxonomy, whole):
        return ConceptType.DECIMAL
    return ConceptType.MONETARY


_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _headed_by_shares(label: str, taxonomy: Taxonomy) -> bool:
    """A label whose head noun names shares ("Total Shares (Oustanding/Exercised)"): a
    count of shares, not money, whatever misspelt or unlisted words qualify it. The head
    ends the words before a qualifier ("Warrants to purchase ordinary shares" are
    warrants; "Earnings per share" divides by shares)."""
    own = _own_words(_BRACKETED.sub(" ", label))
    qualifiers = _word_set(taxonomy, "head_qualifiers")
    cut = next((i for i, w in enumerate(own) if w in qualifiers), len(own))
    head = own[:cut]
    if any(w[:1].isdigit() for w in head):
        return False  # "59,796 shares": a count printed in the label, not its figure's
    return any(p and head[-len(p) :] == p for p in _phrases(taxonomy, "share_count_heads"))


def _shares_at_a_date(label: str, taxonomy: Taxonomy) -> bool:
    """Shares headed as a count and not averaged over the period ("Total Shares
    (Outstanding/Exercised)", not "Weighted average shares"): the shares at the date."""
    own = set(_own_words(label))
    return _headed_by_shares(label, taxonomy) and not own & _word_set(taxonomy, "averages")


def _counts_things(row: TableRow, taxonomy: Taxonomy, whole: bool) -> bool:
    """A row of people or things, not money: its label starts with a count's words and
    its numbers are whole ("Employees", "Number of stores"), or it names a physical unit,
    a quantity's verb or a rate per span of time and no price ("Gallons sold (in
    millions)", "Credits sold", "Shipments per day", but not "Average price per gallon",
    "Cost of goods sold" or "Revenue per day").

    Matched on the printed words, not their stems: "Employee retention credit receivable"
    is money, "Employees" a headcount."""
    own = _own_words(row.label)
    counts = _phrases(taxonomy, "counts")
    money = _phrases(taxonomy, "quantity_prices")
    section = tuple(_PRINTED_WORD.findall(" ".join(row.sections[-1:]).lower()))
    # A line of a money section ("Homes" under "Revenues:") is money.
    under_money = any(section[i : i + len(p)] == p for p in money for i in range(len(section)))
    if whole and not under_money and any(own[: len(p)] == p for p in counts):
        return True
    if whole and not under_money and _names_its_count(row.label, own, counts, taxonomy):
        return True
    # "Traffic (millions of passengers) 61.2": a count its label scales may print decimals.
    scaled = whole or (row.scale or 0) > 0
    if not under_money and not _prints_money(row) and _heads_a_count(row.label, scaled, taxonomy):
        return True
    units = _unit_words(taxonomy) | {w for p in _phrases(taxonomy, "quantity_verbs") for w in p}
    timed = any(_contiguous(own, p) for p in _phrases(taxonomy, "time_rates"))
    return (bool(units & set(_numerators(own))) or timed) and not any(
        own[i : i + len(p)] == p for p in money for i in range(len(own))
    )


def _divides_quantities(own: tuple[str, ...], taxonomy: Taxonomy) -> bool:
    """A quantity of one unit per another's ("Head grade (g/t Au)", "Grade (oz/ton)",
    "Gas-oil ratio (mcf/bbl)"): a grade or a yield, a ratio of two quantities, neither
    money nor a count."""
    units = _unit_words(taxonomy, divided=True)
    return any(
        own[j] in _DIVIDES and own[j - 1] in units and own[j + 1] in units
        for j in range(1, len(own) - 1)
    )


_BRACKETED = re.compile(r"\(([^()]*)\)")


def _names_its_count(
    label: str, own: tuple[str, ...], counts: list[tuple[str, ...]], taxonomy: Taxonomy
) -> bool:
    """A row whose unit is a count of things, said in brackets ("Net new orders (homes)")
    or by its last words ("Active selling communities", "Video subscribers"), with no
    money word ("Average selling price", "Deposits from customers" are money)."""
    money = _phrases(taxonomy, "quantity_prices")
    if any(own[i : i + len(p)] == p for p in money for i in range(len(own))):
        return False
    for inside in _BRACKETED.findall(label):
        words = tuple(_PRINTED_WORD.findall(inside.lower()))
        if any(words == p for p in counts):
            return True
    bare = tuple(_PRINTED_WORD.findall(_BRACKETED.sub(" ", label).lower()))
    relating = _word_set(taxonomy, "relating_words")
    return any(
        bare[-len(p) :] == p and (len(bare) == len(p) or bare[-len(p) - 1] not in relating)
        for p in counts
    )


_HEAD_BREAK = re.compile(r"[,:;]")
# "000", "'000", "000s": the thousands a bracket counts its unit in ("('000 tonnes)").
_ZEROS = re.compile(r"^'?0+'?s?$")


def _head_words(label: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The label's head: its words outside brackets up to a comma, a division or the first
    word that qualifies it ("Cost to acquire customers": "cost"; "Average sales
    price/gallon": "average sales price"; "Revenue passengers (thousands)": "revenue
    passengers")."""
    bare = _HEAD_BREAK.split(_BRACKETED.sub(" ", strip_footnotes(label)))[0].lower()
    words = tuple(_PRINTED_WORD.findall(bare))
    qualifying = _word_set(taxonomy, "qualifying_words") | _word_set(taxonomy, "relating_words")
    cut = next(
        (i for i, word in enumerate(words) if word in qualifying or word in _DIVIDES), len(words)
    )
    return words[:cut]


def _counted(words: tuple[str, ...], whole: bool, taxonomy: Taxonomy) -> bool:
    """Whether `words` end in a physical unit or, for whole numbers, in a thing counted
    (taxonomy `counts`)."""
    if not words:
        return False
    if words[-1] in _unit_words(taxonomy):
        return True
    counts = _phrases(taxonomy, "counts")
    return whole and any(len(p) <= len(words) and words[-len(p) :] == p for p in counts)


def _heads_a_count(label: str, whole: bool, taxonomy: Taxonomy) -> bool:
    """A label whose head noun is a thing counted or a physical unit ("Revenue passengers
    (thousands)", "Available seat miles (millions)", "Revenue ton-miles"), or whose
    bracket names one ("Crude oil sales volumes (barrels)", "Revenue freight ('000
    tonnes)"), in a row printing no currency. A money word before the head only says which of those
    things are counted ("revenue" passengers paid their fare); one that is the head
    ("Passenger revenue") or a bracket naming money or a price ("($/bbl)", "(per ton)")
    makes the row money. Counted things are whole; a unit's quantity may have decimals."""
    head = _head_words(label, taxonomy)
    money = {w for p in _phrases(taxonomy, "quantity_prices") for w in p}
    if states_its_unit(label, taxonomy):
        return True
    if not head or head[-1] in money or "$" in head:
        return False
    if _counted(head, whole, taxonomy):
        return True
    scales = {w for word in packaged_scale_words() for w in (word, f"{word}s")}
    relating = _word_set(taxonomy, "relating_words") | {"in", "/"}
    for inside in _BRACKETED.findall(label):
        words = tuple(_PRINTED_WORD.findall(inside.lower()))
        if money & set(words) or "per" in words or "/" in words:
            continue
        measure = tuple(
            w for w in words if w not in scales and w not in relating and not _ZEROS.match(w)
        )
        if _counted(measure, whole, taxonomy) and len(measure) <= 2:
            return True
    return False


def states_its_unit(label: str, taxonomy: Taxonomy) -> bool:
    """A label whose bracket names a physical unit and nothing else but its scale ("Sales
    (thousands of MWh)", "Deliveries (GWh)", "Production (MBbl)"): the row counts that
    unit, whatever money word its head says what is counted by ("sales" of electricity
    are volumes here). A bracket naming money or dividing ("($/MWh)", "(per Mcf)") is a
    price, not this."""
    scales = {w for word in packaged_scale_words() for w in (word, f"{word}s")}
    relating = _word_set(taxonomy, "relating_words") | _word_set(taxonomy, "qualifying_words")
    units = _unit_words(taxonomy)
    money = {w for p in _phrases(taxonomy, "quantity_prices") for w in p}
    for inside in _BRACKETED.findall(strip_footnotes(label)):
        words = tuple(_PRINTED_WORD.findall(inside.lower()))
        if money & set(words) or _DIVIDES & set(words) or "$" in inside:
            continue
        measure = tuple(
            w for w in words if w not in scales and w not in relating and not _ZEROS.match(w)
        )
        if len(measure) == 1 and measure[0] in units:
            return True
    return False


def _prints_money(row: TableRow) -> bool:
    """Whether a cell of the row prints a currency's mark ("$ 2.60")."""
    marks = currency_marks()
    return any(mark in cell.number.text for cell in row.cells for mark in marks)


def _counts_staff(row: TableRow, taxonomy: Taxonomy) -> bool:
    """A headcount ("Employees", "Headcount", "FTEs" with whole numbers): the people on
    the payroll at the period's end, an instant even in a column of durations; an
    average headcount ("Average number of employees") stays a duration."""
    own = _own_words(row.label)
    whole = all(c.number.fraction_digits == 0 for c in row.cells)
    averages = {w for p in _phrases(taxonomy, "averages") for w in p}
    staff = _phrases(taxonomy, "headcounts")
    return (
        whole
        and bool(row.cells)
        and not averages & set(own)
        and any(own[: len(p)] == p for p in staff)
    )


def _names_a_stock(row: TableRow, taxonomy: Taxonomy) -> bool:
    """What a business has at a date ("Total customers", "Annual recurring revenue",
    "Stores"; taxonomy.toml `stocks`): an instant even in a column of durations; an
    average of one ("Average customers") or a movement of it ("Stores opened during
    period", `stock_movements`) stays a duration."""
    own = _own_words(row.label)
    averages = {w for p in _phrases(taxonomy, "averages") for w in p}
    if averages & set(own) or any(
        _contiguous(own, p) for p in _phrases(taxonomy, "stock_movements")
    ):
        return False
    return any(p and own[: len(p)] == p for p in _phrases(taxonomy, "stocks"))


def _names_a_date(row: TableRow, taxonomy: Taxonomy, title: str = "") -> bool:
    """A balance the label places at the period's end or start ("Balance, end of period",
    "Book value per share"), a row under a heading of balances ("Period-End Balances",
    "Balance sheet data (at period end)"), or a row of a table whose title places its
    figures at the period's end ("Key Business Metrics (at period end)"): an instant
    even in a column of durations."""
    own = _own_words(row.label)
    kinds = ("period_end_balances", "period_start_balances")
    named = any(_contiguous(own, p) for kind in kinds for p in _phrases(taxonomy, kind))
    under = bool(row.sections) and heads_balances(row.sections[-1], taxonomy)
    return named or under or places_at_period_end(title, taxonomy)


_HEAD_END = re.compile(r"[,(;:\u2013\u2014]| - ")


def _head(label: str, taxonomy: Taxonomy) -> tuple[tuple[str, ...], ...]:
    """The label's head phrases, each a run of words whose last is its noun: the words
    before a qualifier, split where "and" joins two ("Cash and investments" is ("cash",),
    ("investments",); "Net cash provided by operating activities" is ("net", "cash",
    "provided"))."""
    words = _own_words(_HEAD_END.split(label, maxsplit=1)[0])
    qualifying = _word_set(taxonomy, "qualifying_words")
    joining = _word_set(taxonomy, "joining_words")
    phrases: list[tuple[str, ...]] = []
    current: list[str] = []
    for word in words:
        if word in qualifying and (current or phrases):
            break
        if word in joining:
            phrases.append(tuple(current))
            current = []
        else:
            current.append(word)
    return tuple(p for p in (*phrases, tuple(current)) if p)


def _qualified(label: str, taxonomy: Taxonomy) -> bool:
    """A label whose head a qualifier follows ("Cash from operations", "Loans to
    customers"): the qualifier may make a flow of a balance's noun, so its head alone
    says nothing of when the figure stands."""
    words = _own_words(_HEAD_END.split(label, maxsplit=1)[0])
    qualifying = _word_set(taxonomy, "qualifying_words")
    return any(w in qualifying for w in words[1:])


@dataclass(frozen=True)
class _HeadEvidence:
    """How the taxonomy's own labels use each word: the nouns heading its instant and its
    duration concepts' labels, counted, and every word of an instant concept's label."""

    instant_nouns: Counter[str]
    duration_nouns: Counter[str]
    instant_words: frozenset[str]
    instant_labels: frozenset[tuple[str, ...]]


_EVIDENCE: dict[int, _HeadEvidence] = {}


def _head_evidence(taxonomy: Taxonomy) -> _HeadEvidence:
    if id(taxonomy) not in _EVIDENCE:
        nouns: dict[PeriodType, Counter[str]] = {p: Counter() for p in PeriodType}
        words: set[str] = set()
        labels: set[tuple[str, ...]] = set()
        for concept in taxonomy.concepts.values():
            if concept.type is ConceptType.ABSTRACT or concept.extension:
                continue
            for label in (concept.label, *concept.synonyms):
                heads = _head(label, taxonomy)
                nouns[concept.period].update(h[-1] for h in heads)
                if concept.period is PeriodType.INSTANT:
                    words.update(w for h in heads for w in h)
                    labels.add(_own_words(label))
        _EVIDENCE[id(taxonomy)] = _HeadEvidence(
            nouns[PeriodType.INSTANT],
            nouns[PeriodType.DURATION],
            frozenset(words),
            frozenset(labels),
        )
    return _EVIDENCE[id(taxonomy)]


def _heads_like_a_balance(row: TableRow, taxonomy: Taxonomy) -> bool:
    """A label headed as the taxonomy heads its balances ("Cash and investments", "Net
    debt", "Customer deposits"): each head's noun heads more of the taxonomy's instant
    concepts' labels, by a margin, than of its duration concepts' ("cash", "investments",
    "debt"; not "income", "revenue", "flow"), and every word of the heads is one an
    instant concept's label carries (so "Net new deposits", a flow, is not one).

    A head with a qualifier after it ("Cash from operations") or an average of a balance
    ("Average loans") stays a duration, and so does a label an
    instant concept of the taxonomy is printed by ("Total assets"): the mapper weighed
    that concept for the row and refused it (an average's footnote, a ratio's base)."""
    heads = _head(row.label, taxonomy)
    evidence = _head_evidence(taxonomy)
    if _own_words(row.label) in evidence.instant_labels or _qualified(row.label, taxonomy):
        return False
    averages = {w for p in _phrases(taxonomy, "averages") for w in p}
    words = {w for h in heads for w in h}
    return (
        bool(heads)
        and not averages & set(_own_words(row.label))
        and words <= evidence.instant_words
        and all(_mostly_instant(h[-1], evidence) for h in heads)
    )


# How many more of the taxonomy's labels a noun must head as an instant than as a
# duration to name a balance: "borrowings" heads both about as often (a balance sheet's
# and a cash flow's line), and so says nothing.
_INSTANT_MARGIN = 2


def _mostly_instant(noun: str, evidence: _HeadEvidence) -> bool:
    instants = evidence.instant_nouns[noun]
    return instants > 0 and instants >= _INSTANT_MARGIN * evidence.duration_nouns[noun]


def places_at_period_end(title: str, taxonomy: Taxonomy) -> bool:
    """A title that places its figures at the period's end: a word of an instant
    (periods.toml: "at", "as of") just before a period's end (the taxonomy's period-end
    words: "period end", "end of the quarter"), as in "Key metrics (at period end)" or
    "Customers as of quarter-end". A title merely naming one ("Year-End Highlights")
    says nothing of when its figures stand."""
    words = _own_words(title)
    instants = [tuple(_PRINTED_WORD.findall(w)) for w in vocabulary().words["instant"]]
    ends = _phrases(taxonomy, "period_end_balances")
    for i in range(len(words)):
        for instant in instants:
            if not instant or words[i : i + len(instant)] != instant:
                continue
            rest = words[i + len(instant) :]
            rest = rest[1:] if rest[:1] == ("the",) else rest
            if any(p and rest[: len(p)] == p for p in ends):
                return True
    return False


def heads_balances(heading: str, taxonomy: Taxonomy) -> bool:
    """A section heading whose rows are balances at the period's end, whatever the
    columns' periods: it names a balance sheet ("Balance sheet data", "Selected balance
    sheet items") or the period's end ("Period-End Balances", "At period end")."""
    balance_sheet = taxonomy.statement("balance_sheet")
    if balance_sheet is not None and balance_sheet.matches_title(heading):
        return True
    own = _own_words(heading)
    return any(_contiguous(own, p) for p in _phrases(taxonomy, "period_end_balances"))


def opens_the_period(label: str, taxonomy: Taxonomy) -> bool:
    """A balance the label places at the period's start ("Balance, beginning of period"):
    the day before the column's period starts."""
    own = _own_words(label)
    return any(_contiguous(own, p) for p in _phrases(taxonomy, "period_start_balances"))


def prices_a_unit(label: str, taxonomy: Taxonomy) -> bool:
    """A price or cost of one unit of something ("Average sales price/gallon", "Average
    delivered cost / bushel", "Price per credit", "Netback ($/boe)"): printed in plain
    currency units whatever scale the table states for its amounts."""
    own = _own_words(label)
    prices = {w for p in _phrases(taxonomy, "unit_prices") for w in p}
    money = {w for p in _phrases(taxonomy, "quantity_prices") for w in p}
    units = _unit_words(taxonomy, divided=True)
    # "Operating netback ($/boe)", "Royalties ($ per bbl)", "Mining ($/t)": money divided
    # by a quantity.
    if "$" in own and any(
        word in ("per", "/") and own[j + 1 : j + 2] and own[j + 1] in units
        for j, word in enumerate(own)
    ):
        return True
    first = next((i for i, word in enumerate(own) if word in prices), None)
    if first is None:
        return False
    # "Cost of sales/revenues" joins two amounts; "cost / bushel" divides by a unit.
    return any(
        word in ("per", "/") and own[j + 1 : j + 2] and own[j + 1] not in money
        for j, word in enumerate(own[first + 1 :], start=first + 1)
    )


# Physical units by the power of ten a prefix of the unit stands for ("MBbl", "MMcf").
_UNIT_PREFIXES = (("quantities", 0), ("quantity_thousands", 3), ("quantity_millions", 6))
_DIVIDES = frozenset({"per", "/"})


def _unit_words(taxonomy: Taxonomy, divided: bool = False) -> set[str]:
    """Every physical unit's word, plain or prefixed ("bbl", "mbbl", "mmcf"); `divided`:
    also the symbols that read as a unit only where something is divided by them or
    they by another unit ("t" in "$/t", "g" in "g/t")."""
    kinds = [kind for kind, _ in _UNIT_PREFIXES] + (["unit_symbols"] if divided else [])
    return {w for kind in kinds for p in _phrases(taxonomy, kind) for w in p}


def _numerators(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that are not divided by: "Gathering per Boe" counts no Boe, "Oil
    (Bbl/d)" counts barrels."""
    return tuple(w for j, w in enumerate(words) if not (j and words[j - 1] in _DIVIDES))


def quantity_exponent(label: str, taxonomy: Taxonomy) -> int:
    """The power of ten a volume's label states by its unit's prefix: "Oil (MBbl)" counts
    thousands of barrels (3), "Natural gas (Bcf)" millions of Mcf (6), "Oil (Bbl/d)"
    barrels (0). Oil and gas producers print volumes so, with no "(in thousands)"."""
    own = set(_numerators(_own_words(label)))
    for kind, exponent in reversed(_UNIT_PREFIXES):
        if any(w in own for p in _phrases(taxonomy, kind) for w in p):
            return exponent
    return 0


_DIVIDED = re.compile(r"(?:\bper\b|/)\s*([A-Za-z]+)", re.IGNORECASE)


def per_quantity(text: str, taxonomy: Taxonomy) -> str:
    """The words that divide by a physical unit ("per Boe" in "Average costs per Boe:",
    "($ per Mcfe)", "($/Bbl)"), as "per <unit>", or "": an amount so divided is one
    unit's, not the period's total."""
    units = _unit_words(taxonomy, divided=True)
    for match in _DIVIDED.finditer(text):
        if match.group(1).lower() in units:
            return f"per {match.group(1)}"
    return ""


def _own_words(label: str) -> tuple[str, ...]:
    """The label's printed words, lower case; where a copy lost the line break between a
    section name and the row ("Delivered Cost of CornBushels ground"), the words after
    the last such join."""
    joins = list(_LOST_BREAK.finditer(label))
    own = label[joins[-1].end() :] if joins else label
    return tuple(_PRINTED_WORD.findall(own.lower()))


def _word_set(taxonomy: Taxonomy, kind: str) -> frozenset[str]:
    """A list of single words of the taxonomy's row wording, as a set."""
    return frozenset(w.lower() for w in taxonomy.row_kinds.get(kind, ()))


def _phrases(taxonomy: Taxonomy, kind: str) -> list[tuple[str, ...]]:
    return [tuple(_PRINTED_WORD.findall(p.lower())) for p in taxonomy.row_kinds.get(kind, ())]


def _contiguous(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


class ExtensionRegistry:
    """Extension concepts proposed for one document, unique by name."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.concepts: dict[str, Concept] = {}
        self._keys: dict[tuple[str, tuple[str, ...], str], str] = {}
        # What each change concept was made as (percent or not, its qualifier), so a row
        # renamed by a choice keeps the same kind of change under its new stem.
        self._changes: dict[str, tuple[str, bool, str]] = {}

    def propose(
        self,
        row: TableRow,
        durations: bool,
        money: bool = True,
        printed: TableRow | None = None,
        title: str = "",
        balance_at_end: bool = False,
    ) -> Concept:
        """The extension concept for `row` (the same one for a repeat of the same row);
        `money` False: its table shows no money, so whole numbers there count things.
        `printed` is the row as printed when `row` names it without its unit's words
        ("Interim dividend (cps)": cents per share), which say what it counts. `title` is
        the table's title and caption, which may place its figures at the period's end.
        `balance_at_end`: where the row stands a balance would be the one at the columns'
        end (not a cash flow statement's movement), so a label headed as the taxonomy heads
        its balances ("Cash and investments") is one."""
        kind = self._kind(row, money, printed)
        period = PeriodType.DURATION if durations else PeriodType.INSTANT
        at_a_date = _names_a_date(row, self.taxonomy, title)
        # A balance is an amount: a ratio headed by a balance's noun ("Operating ratio",
        # "Loan-to-deposit ratio") follows its columns' periods.
        balance = kind is ConceptType.MONETARY and _heads_like_a_balance(row, self.taxonomy)
        stands = (
            _counts_staff(row, self.taxonomy)
            or _names_a_stock(row, self.taxonomy)
            or (balance_at_end and balance)
            or (kind is ConceptType.SHARES and _shares_at_a_date(row.label, self.taxonomy))
        )
        if durations and (stands or at_a_date):
            period = PeriodType.INSTANT
        label_key = _sign_neutral(row.label, self.taxonomy) or f"(unlabelled {row.page}:{row.line})"
        key = (label_key, _telling_section(row), period.value)
        if key in self._keys:
            return self.concepts[self._keys[key]]
        label = strip_footnotes(row.label) or _unlabelled(row)
        name = self._free_name(concept_name(label), row, period)
        concept = Concept(
            name=name,
            type=kind,
            period=period,
            label=label,
            documentation=f"Extension concept for the release's line item {label!r}.",
            extension=True,
        )
        self.concepts[name] = concept
        self._keys[key] = name
        return concept

    def _kind(self, row: TableRow, money: bool, printed: TableRow | None) -> ConceptType:
        """The item type of a new concept for `row`: its label's kind, where a money row of
        whole numbers in a table that shows no money counts things."""
        kind = row_kind(printed or row, self.taxonomy)
        whole = all(c.number.fraction_digits == 0 for c in row.cells)
        # A price of one unit ("Average realized price ($/oz)", "AISC per ounce sold") is
        # money by its own words, in a table of quantities too.
        priced = prices_a_unit((printed or row).label, self.taxonomy)
        if kind is ConceptType.MONETARY and not money and whole and not priced:
            return ConceptType.DECIMAL
        return kind

    def change_concept(self, base: Concept, percent: bool, qualifier: str = "") -> Concept:
        """The concept for a row's change column: "Revenue % change" for Revenues; a second
        change column of the same period names what sets it apart ("Change in % (local
        currencies)": RevenuesPercentChangeLocalCurrencies)."""
        suffix = "PercentChange" if percent else "Change"
        name = f"{base.name}{suffix}{concept_name(qualifier) if qualifier else ''}"
        words = f"{'% ' if percent else ''}change{f', {qualifier}' if qualifier else ''}"
        # A balance's change happens between two dates: over the span from the earlier to
        # the later (an increase or decrease), never a balance at the later date.
        against = (
            "from the earlier date to the later"
            if base.period is PeriodType.INSTANT
            else "against the prior period"
        )
        self._changes[name] = (base.name, percent, qualifier)
        return self._derived(
            name,
            ConceptType.PERCENT if percent else base.type,
            PeriodType.DURATION,
            f"{base.label} ({words})",
            f"Change of {base.label!r} {against}, as printed.",
        )

    def rebased(self, name: str, general: str, base: Concept) -> str | None:
        """The concept `name` (a change or variant of `general`) made for `base` instead,
        or None when `name` is not one of `general`'s change or variant concepts."""
        derived = self.concepts.get(name)
        suffix = name[len(general) :] if name.startswith(general) else ""
        if derived is None or not derived.extension:
            return None
        changed, percent, qualifier = self._changes.get(name, ("", False, ""))
        if changed == general:
            return self.change_concept(base, percent, qualifier).name
        if suffix in ("Percentage", "PerShare"):
            return self.variant(base, derived.type).name
        return None

    def variant(self, base: Concept, kind: ConceptType) -> Concept:
        """The concept for a base concept's figures printed as a ratio or per share."""
        words = {ConceptType.PERCENT: "as a percentage", ConceptType.PER_SHARE: "per share"}
        return self._derived(
            f"{base.name}{_VARIANT_SUFFIXES[kind]}",
            kind,
            base.period,
            f"{base.label} ({words[kind]})",
            f"{base.label!r} printed {words[kind]}.",
        )

    def measure(self, base: Concept, measure: LineMeasure) -> Concept:
        """The concept for one measure of a line over a period ("Loans" average balance:
        LoansAverageBalance): its own fact, never the line's balance at a date."""
        return self._derived(
            f"{base.name}{measure.name}",
            measure.type,
            PeriodType.DURATION,
            f"{base.label} ({measure.label})",
            f"The {measure.label} of {base.label!r} over the period.",
        )

    def _derived(
        self, name: str, kind: ConceptType, period: PeriodType, label: str, documentation: str
    ) -> Concept:
        """The extension concept `name` derived from another (its change, ratio or per-share
        variant, a measure of it), made the first time it is asked for."""
        if name not in self.concepts:
            self.concepts[name] = Concept(
                name=name,
                type=kind,
                period=period,
                label=label,
                documentation=documentation,
                extension=True,
            )
        return self.concepts[name]

    def retyped(self, name: str, kind: ConceptType) -> Concept:
        """The extension concept `name` proposed for a row, counting `kind` instead: a row
        printed only in a column of rates ("Net interest margin 3.66" under "Yield/Rate")
        is a rate though its cells print no "%"."""
        concept = self.concepts[name].model_copy(update={"type": kind})
        self.concepts[name] = concept
        return concept

    def _free_name(self, base: str, row: TableRow, period: PeriodType) -> str:
        candidates = [base]
        if row.sections:
            candidates.append(base + concept_name(row.sections[-1]))
        candidates.append(base + period.value.capitalize())
        for name in candidates:
            if name not in self.concepts and name not in self.taxonomy.concepts:
                return name
        number = 2
        while f"{base}{number}" in self.concepts or f"{base}{number}" in self.taxonomy.concepts:
            number += 1
        return f"{base}{number}"


_VARIANT_SUFFIXES = {ConceptType.PERCENT: "Percentage", ConceptType.PER_SHARE: "PerShare"}


def variant_base(concept: Concept, concepts: Mapping[str, Concept]) -> Concept | None:
    """The concept whose figures `concept` states as a ratio or per share (the base
    `ExtensionRegistry.variant` made it for), or None: "Gain on sale of business" per
    diluted share is a gain, as its money line is."""
    suffix = _VARIANT_SUFFIXES.get(concept.type)
    if not concept.extension or suffix is None or not concept.name.endswith(suffix):
        return None
    return concepts.get(concept.name.removesuffix(suffix))


def _telling_section(row: TableRow) -> tuple[str, ...]:
    """The row's section where it tells the row apart: "Other" under "Revenues" is other
    revenue, but "Advertising revenue" under "Revenues" is the line item a summary table
    prints without the heading."""
    if not row.sections or not row.label.strip():
        return ()
    section = set(label_tokens(row.sections[-1]))
    return () if section and section <= set(label_tokens(row.label)) else row.sections[-1:]


def _sign_neutral(label: str, taxonomy: Taxonomy) -> str:
    """`label` lowercased without a parenthesised alternative that only names the other
    sign ("Underwriting income (loss)" -> "underwriting income"), so that a release's
    rows for one line item, printed with it in one table and without it in another,
    name one concept."""
    words = sign_words(taxonomy.row_kinds.get("sign_alternatives", ()))
    return without_sign_alternatives(label, words)


def _unlabelled(row: TableRow) -> str:
    section = strip_footnotes(row.sections[-1]).rstrip(":") if row.sections else ""
    return f"Total {section}".strip() if section else f"Unlabelled row (line {row.line})"
