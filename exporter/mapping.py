"""Stage 3, mapping: each table row to a taxonomy concept, by its label and its context.

Candidates come from the taxonomy's labels and synonyms (exact word sequence, then the
same words in any order, then close word overlap). Context narrows them: a concept with
`within` phrases needs one of them in the row's section path or label; the kind of
numbers in the row must suit the concept's type; a concept the table's statement presents
is preferred; an instant concept in a duration column needs a start or end label. The
issuer's own name in a label reads as "company", so synonyms need not know it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache

from pydantic import BaseModel, ConfigDict

from exporter.extensions import (
    ExtensionRegistry,
    heads_balances,
    opens_the_period,
    per_quantity,
    prices_a_unit,
    states_its_unit,
)
from exporter.labels import (
    QUALIFIERS,
    contains_phrase,
    label_tokens,
    strip_footnotes,
    without_item_marks,
)
from exporter.models import FROZEN
from exporter.numbers import PrintedNumber
from exporter.period_phrases import says_only_comparison
from exporter.table_parts import table_parts
from exporter.tables.headers import compared_with
from exporter.tables.model import Column, ColumnBlock, StatementTable, TableRow
from exporter.tables.rates import rate_unit_in_label
from exporter.tables.rows import LOST_IN_LABEL, label_figure_runs, without_scale
from exporter.tables.scale import without_unit_phrase
from exporter.taxonomy import Concept, ConceptType, PeriodType, Relation, Taxonomy
from exporter.vocabulary import packaged_currencies, packaged_scale_words, vocabulary

_SUFFIXES = frozenset(
    {
        "inc",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "co",
        "plc",
        "company",
        "holding",
        "holdings",
        "group",
        "sa",
        "ag",
        "nv",
        "se",
        "llc",
        "lp",
    }
)
_FUZZY_THRESHOLD = 0.9
# Words whose presence on one side only changes what a label means: a close match that
# differs by one of them is no match ("Non-GAAP diluted EPS" is not "Diluted EPS").
_DISTINGUISHING = frozenset(
    {
        "nongaap",
        "gaap",
        "adjusted",
        "basic",
        "diluted",
        "current",
        "noncurrent",
        "per",
        "ads",
        "margin",
        "percentage",
        "%",
        "before",
        "after",
        "gross",
        "net",
        "total",
        "other",
        "continuing",
        "discontinued",
        "attributable",
        "noncontrolling",
        "comprehensive",
    }
)
_PARTICULARS = re.compile(
    r"\s*(?:;|,\s*(?:less|net of|including|excluding|par value|no par value)\b|\(\$).*$"
    # a par value stated after the name: ", $.01 par value: ...", " of NIS 0 par value"
    r"|(?:,|\s+of)\s+(?:[A-Z]{3}\s*|[$\u20ac\u00a3\u00a5]\s*)?[\d.,]+\s+(?:par|nominal)\s+value\b.*$",
    re.IGNORECASE,
)


def _without_particulars(label: str) -> str:
    """The label's name without the amounts and terms printed after it."""
    return _PARTICULARS.sub("", label).strip()


_CLAUSE_START = re.compile(r";|,\s*(?:less|net of|including|excluding)\b", re.IGNORECASE)


def _shorter_names(label: str) -> tuple[str, ...]:
    """The label cut before each term printed after its name, the last cut first:
    "Acquisitions of businesses, net of cash acquired, including Halden in 2025" is tried
    as "..., net of cash acquired" before "Acquisitions of businesses"."""
    cuts = [m.start() for m in _CLAUSE_START.finditer(label)]
    return tuple(label[:at].strip() for at in reversed(cuts) if label[:at].strip())


@cache
def _period_it_is_for() -> re.Pattern[str]:
    """ "for the half-year", "for the three months", "for the 2nd quarter": the span a
    label says its figure covers (the periods' words, `periods.toml`)."""
    words = vocabulary()
    units = "|".join(re.escape(u) for forms in words.units.values() for u in forms)
    counts = "|".join(re.escape(c) for c in (*words.counts, *words.ordinals))
    return re.compile(
        rf"\s+for\s+the\s+(?:(?:{counts}|\d{{1,2}})[\s-]+)?(?:{units})\b", re.IGNORECASE
    )


def _without_its_period(label: str) -> str:
    """The label without the span it says its figure covers ("Profit for the half-year
    attributable to members" is "Profit attributable to members"): the column dates the
    figure; the words name no other line item."""
    return _period_it_is_for().sub("", label).strip()


_EXACT, _BAG = 1.0, 0.97
_WITHIN_BONUS, _STATEMENT_BONUS = 0.02, 0.01
_PER_SHARE_LIMIT = 10_000


class Anchor(StrEnum):
    """Where in a duration column an instant concept's value sits."""

    START = "start"
    END = "end"


class RowMapping(BaseModel):
    """The concept a row maps to (or why none), with the label text that matched."""

    model_config = FROZEN

    table: int
    block: int
    row: int
    label: str
    concept: str | None
    anchor: Anchor | None = None
    score: float = 0.0
    matched: str = ""
    reason: str = ""
    extension: bool = False
    # Concepts for cells that count something else than the row (by column index): change
    # columns, ratio columns ("EBIT / Sales %"), per-share columns of a money row.
    overrides: tuple[tuple[int, str], ...] = ()
    # A row of a breakdown ("Net sales by reportable segment: / Greater China"): the
    # member of the heading's concept that the row's label names.
    member: str | None = None
    # A row of a table whose columns name line items ("Net sales", "EBIT") and whose rows
    # name members: every cell's concept is its column's (`overrides`), and its member the
    # row's, in place of the column's.
    transposed: bool = False
    # A row of a measure spread over the income statement ("Stock-based compensation
    # expense was allocated as follows:" over "Research and development"): the line item
    # its label names, whose member of the location axis the row's figures are.
    location: str | None = None


class Mapping(BaseModel):
    """Every row's mapping, and the extension concepts made for rows nothing matched."""

    model_config = FROZEN

    rows: tuple[RowMapping, ...]
    extensions: tuple[Concept, ...]
    # (general, chosen) concepts the release's structure chose (`Choice`): where every row
    # of the general concept took one chosen concept, prose figures of it follow.
    chosen: tuple[tuple[str, str], ...] = ()


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True)

    concept: str
    text: str
    tokens: tuple[str, ...]
    anchor: Anchor | None


class _Candidate(BaseModel):
    model_config = ConfigDict(frozen=True)

    entry: _Entry
    score: float


_INDEXES: dict[int, tuple[_Entry, ...]] = {}


def _index(taxonomy: Taxonomy) -> tuple[_Entry, ...]:
    """Every label, synonym and start/end label of every concept, as words (built once)."""
    key = id(taxonomy)
    if key not in _INDEXES:
        _INDEXES[key] = _build_index(taxonomy)
    return _INDEXES[key]


def _build_index(taxonomy: Taxonomy) -> tuple[_Entry, ...]:
    entries: list[_Entry] = []
    for concept in taxonomy.concepts.values():
        # An element in force for some periods only is reached through a `Choice`, which
        # knows the release's period; its own label would claim rows of any period.
        if concept.abstract or concept.in_force_from or concept.in_force_until:
            continue
        texts: list[tuple[str, Anchor | None]] = [(concept.label, None)]
        texts += [(s, None) for s in concept.synonyms]
        texts += [(s, Anchor.START) for s in concept.start_labels]
        texts += [(s, Anchor.END) for s in concept.end_labels]
        for text, anchor in texts:
            tokens = label_tokens(text)
            if tokens:
                entries.append(
                    _Entry(concept=concept.name, text=text, tokens=tokens, anchor=anchor)
                )
    return tuple(entries)


def issuer_tokens(issuer: str | None) -> tuple[str, ...]:
    """The distinctive words of the issuer's name (corporate suffixes dropped)."""
    if not issuer:
        return ()
    tokens = label_tokens(issuer, drop_parenthesised=False)
    return tuple(t for t in tokens if t not in _SUFFIXES)


def replace_issuer(tokens: tuple[str, ...], issuer: tuple[str, ...]) -> tuple[str, ...]:
    """Replace the issuer's name (and suffixes after it) by "company"."""
    if not issuer:
        return tokens
    n = len(issuer)
    for start in range(len(tokens) - n + 1):
        if tokens[start : start + n] == issuer:
            end = start + n
            while end < len(tokens) and tokens[end] in _SUFFIXES:
                end += 1
            return (*tokens[:start], "company", *replace_issuer(tokens[end:], issuer))
    return tokens


def _similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


def _fits_numbers(concept: Concept, row: TableRow) -> bool:
    """Percent rows need a percent concept, multiples ("1.32x") a pure one; per-share
    concepts do not take share counts."""
    numbers = [c.number for c in row.cells]
    if any(n.rate for n in numbers):
        return concept.type is ConceptType.PERCENT
    if any(n.multiple for n in numbers):
        return concept.type is ConceptType.PURE
    if concept.type is ConceptType.PER_SHARE:
        return all(abs(n.value) < _PER_SHARE_LIMIT or n.fraction_digits for n in numbers)
    return True


def _fits_period(
    candidate: _Candidate,
    concept: Concept,
    durations: bool,
    balance_at_end: bool = False,
    quarters: bool = False,
) -> bool:
    """Whether the concept's period type suits the columns: a flow needs durations, or
    dates that end quarters (`quarters`, see `Column.flow_period`)."""
    if concept.period is PeriodType.DURATION:
        return durations or quarters
    if not durations or candidate.entry.anchor is not None or concept.end_labels:
        return True
    return balance_at_end and candidate.score >= _EXACT


def _balance_at_end(
    kind: str, context: tuple[tuple[str, ...], ...], averages: frozenset[str]
) -> bool:
    """Whether a balance named in a table of duration columns is the balance at their end
    ("Total assets" in a highlights table under "Q3 2024"). Not in a cash flow statement,
    nor under words of change ("Changes in operating assets and liabilities"), where a
    balance's name stands for its movement, nor where the words say it is an average."""
    if kind == "cash_flow":
        return False
    if any(averages & set(text) for text in context):
        return False
    return not any(contains_phrase(text, p) for text in context for p in _change_phrases())


@cache
def _change_phrases() -> tuple[tuple[str, ...], ...]:
    """The words of change as phrases: "period over period" says change, "period" alone
    ("Period-End Balances") does not."""
    return tuple(t for t in (label_tokens(w) for w in vocabulary().words["change"]) if t)


def _says(context: tuple[tuple[str, ...], ...], phrase: str) -> bool:
    """Whether one of the row's texts (its label or one of its sections) says `phrase`.

    Each text is searched on its own, so words from two sections never form a phrase.
    """
    words = label_tokens(phrase)
    return any(contains_phrase(text, words) for text in context)


def _score(
    candidate: _Candidate,
    concept: Concept,
    context: tuple[tuple[str, ...], ...],
    statement: frozenset[str],
) -> float | None:
    score = candidate.score
    if any(_says(context, p) for p in concept.not_within):
        return None
    if concept.within:
        if not any(_says(context, p) for p in concept.within):
            return None
        score += _WITHIN_BONUS
    if concept.name in statement:
        score += _STATEMENT_BONUS
    return score


def _qualified(tokens: tuple[str, ...], sections: list[tuple[str, ...]]) -> tuple[str, ...]:
    """A row under a heading that only qualifies ("Diluted", "Basic and diluted") and says
    no qualifier itself reads as if its label carried the heading's words."""
    if not tokens or QUALIFIERS.intersection(tokens) or not sections:
        return tokens
    heading = sections[-1]
    if heading and set(heading) <= QUALIFIERS and set(heading) != {"and"}:
        return (*tokens, *heading)
    return tokens


class Mapper:
    """Maps rows to concepts; holds the taxonomy's label index and the issuer's name."""

    def __init__(self, taxonomy: Taxonomy, issuer: str | None) -> None:
        self.taxonomy = taxonomy
        self.entries = _index(taxonomy)
        self.by_tokens: dict[tuple[str, ...], list[_Entry]] = {}
        self.by_bag: dict[tuple[str, ...], list[_Entry]] = {}
        for entry in self.entries:
            self.by_tokens.setdefault(entry.tokens, []).append(entry)
            self.by_bag.setdefault(tuple(sorted(entry.tokens)), []).append(entry)
        self.issuer = issuer_tokens(issuer)
        self._money: dict[int, bool] = {}
        # The currencies' signs and codes, as a cell may print them ("$1,234", "EUR 5").
        marks = sorted(
            (
                n
                for names in taxonomy.currencies.values()
                for n in names
                if not n.isalpha() or n.isupper()
            ),
            key=len,
            reverse=True,
        )
        self._currency_marks = re.compile("|".join(re.escape(m) for m in marks))
        self._flow_words = frozenset(
            t for w in taxonomy.row_kinds.get("flow_headings", ()) for t in label_tokens(w)
        )
        # "Earnings per share (EUR)", "Dividend (in US$)": the currency the row is
        # printed in, not part of the line item's name.
        spellings = sorted(
            (re.escape(n) for names in taxonomy.currencies.values() for n in names),
            key=len,
            reverse=True,
        )
        # "(EUR)", "(in EUR)", or at the label's end ", SEK" and " in CHF"
        currency = "|".join(spellings)
        self._currency = re.compile(
            rf"\(\s*(?:in\s+)?(?:{currency})\s*\)|(?:,\s*|\s+in\s+)(?:{currency})\s*$",
            re.IGNORECASE,
        )
        # "EBITDA margin in %", "Revenue (in EUR k)": the units a row's label may end
        # with, which say how it is printed (see `without_unit_phrase`).
        self._currency_names = frozenset(
            n.lower()
            for n in (
                *(n for names in taxonomy.currencies.values() for n in names),
                *taxonomy.currencies,
            )
        )
        self._percent_signs = frozenset(taxonomy.row_kinds.get("percent_signs", ()))
        self._rate_points = taxonomy.narrative.words.rate_points
        words = "|".join(re.escape(w) for w in taxonomy.dimensions.breakdown_words)
        self._breakdown = re.compile(rf"\s+(?:{words})\s+\w", re.IGNORECASE) if words else None
        self._basis = [label_tokens(w) for w in taxonomy.dimensions.basis_headings]
        bases = "|".join(
            re.escape(w).replace(r"\ ", r"\s+")
            for w in sorted(taxonomy.dimensions.reported_bases, key=len, reverse=True)
        )
        # A basis word standing alone: not the "GAAP" of "Non-GAAP".
        self._reported_basis = (
            re.compile(rf"(?<![\w-])(?:{bases})(?![\w-])", re.IGNORECASE) if bases else None
        )
        self.averages = frozenset(
            t for w in taxonomy.row_kinds.get("averages", ()) for t in label_tokens(w)
        )
        self._statements = {
            s.kind: taxonomy.statement_concepts(s.kind) for s in taxonomy.statements
        }

    def says_breakdown(self, text: str) -> bool:
        """Whether a heading says what it is broken down by ("Net sales by segment")."""
        return bool(self._breakdown and self._breakdown.search(text))

    @property
    def basis_phrases(self) -> list[tuple[str, ...]]:
        """The words of the headings that put line items on a non-GAAP basis."""
        return self._basis

    def says_basis(self, text: str) -> bool:
        """Whether a heading puts the line items below it on a non-GAAP basis."""
        words = label_tokens(text)
        return any(contains_phrase(words, basis) for basis in self._basis)

    def says_only_per_share(self, text: str) -> bool:
        """Whether a header is per-share wording and nothing else ("Per Diluted Share"):
        it says how a line item is divided, not which."""
        words = label_tokens(text)
        per_share = self.taxonomy.row_kinds.get("per_share", ())
        return bool(words) and any(words == label_tokens(p) for p in per_share)

    def breakdown_name(self, text: str) -> str:
        """A heading's line item without what it is broken down by, or its colon."""
        match = self._breakdown.search(text) if self._breakdown else None
        name = text[: match.start()] if match else text
        return name.strip().rstrip(":").strip()

    def tokens(self, text: str) -> tuple[str, ...]:
        return replace_issuer(label_tokens(text), self.issuer)

    def candidates(self, tokens: tuple[str, ...]) -> list[_Candidate]:
        """Exact matches, else same words in any order, else close word overlap."""
        exact = self.by_tokens.get(tokens, [])
        found = [_Candidate(entry=entry, score=_EXACT) for entry in exact]
        found += [
            _Candidate(entry=entry, score=_BAG)
            for entry in self.by_bag.get(tuple(sorted(tokens)), [])
            if entry not in exact
        ]
        if found:
            return found
        for entry in self.entries:
            similarity = _similarity(tokens, entry.tokens)
            differing = set(tokens) ^ set(entry.tokens)
            if similarity >= _FUZZY_THRESHOLD and not differing & _DISTINGUISHING:
                found.append(_Candidate(entry=entry, score=similarity * 0.95))
        return found

    def best(
        self,
        row: TableRow,
        kind: str,
        durations: bool,
        lead: str = "",
        ends: bool = True,
        quarters: bool = False,
    ) -> tuple[_Candidate, float] | None:
        """The best candidate for a row, with its score, or None.

        A label that carries particulars after its name ("Common stock, no par value;
        900,000,000 shares authorized", "Accounts receivable, less allowances of $47")
        is tried again without them when the whole label matches nothing. A row under a
        qualifying heading ("Diluted") is tried with the heading's words first.
        """
        labels = (
            row.label,
            *_shorter_names(row.label),
            _without_particulars(row.label),
            _without_its_period(row.label),
            self._without_reported_basis(row.label),
        )
        if self._per_unit(row.label):
            # "Depreciation, depletion and amortization ($/Boe)" is one Boe's cost: cut to
            # its name, it would be the period's total.
            labels = tuple(label for label in labels if self._per_unit(label))
        for label in dict.fromkeys(labels):
            found = self._best(label, row, kind, durations, lead, ends, quarters)
            if found is not None:
                return found
        return None

    def _without_reported_basis(self, label: str) -> str:
        """The label without the words saying its figure is on the reported basis
        ("Earnings per share - GAAP" is "Earnings per share"), with the punctuation that
        set them off."""
        if self._reported_basis is None or not self._reported_basis.search(label):
            return label
        rest = re.sub(r"\(\s*\)", " ", self._reported_basis.sub(" ", label))
        return re.sub(r"\s+", " ", rest).strip(" ,-\u2013\u2014:;")

    def counts_not_money(self, label: str, concept: Concept) -> bool:
        """Whether a label that states the physical unit it counts ("Sales (thousands of
        MWh)") was matched by its other words to an amount of money: a volume is never
        the revenue its "sales" would name."""
        return concept.type is ConceptType.MONETARY and states_its_unit(label, self.taxonomy)

    def _per_unit(self, label: str) -> bool:
        """Whether the label divides by a physical unit ("($/Boe)", "per Mcf", "$/t"): an
        amount of one unit, never the period's total of the line item it names."""
        return bool(per_quantity(label, self.taxonomy)) or prices_a_unit(label, self.taxonomy)

    def _best(
        self,
        label: str,
        row: TableRow,
        kind: str,
        durations: bool,
        lead: str = "",
        ends: bool = True,
        quarters: bool = False,
    ) -> tuple[_Candidate, float] | None:
        printed = self.tokens(label)
        headings = [self.tokens(s) for s in row.sections]
        qualified = _qualified(printed, headings)
        continued = self._continued(printed, headings)
        for tokens in dict.fromkeys((*continued, qualified, printed)):
            found = self._best_of(tokens, row, kind, durations, lead, ends, quarters)
            if found is not None:
                return found
        return None

    def _continued(
        self, tokens: tuple[str, ...], sections: list[tuple[str, ...]]
    ) -> tuple[tuple[str, ...], ...]:
        """A row under a heading its label finishes ("Attributable to:" over "Owners of the
        parent"): the whole heading's words and the label's read as one label ("Total
        comprehensive income attributable to: / Owners of the Company" is comprehensive
        income, not profit), then the finishing phrase's and the label's."""
        heading = sections[-1] if sections else ()
        for phrase in self.taxonomy.row_kinds.get("continued_headings", ()):
            words = label_tokens(phrase)
            if tokens and words and heading[-len(words) :] == words:
                return tuple(dict.fromkeys(((*heading, *tokens), (*words, *tokens))))
        return (tokens,)

    def _best_of(
        self,
        tokens: tuple[str, ...],
        row: TableRow,
        kind: str,
        durations: bool,
        lead: str,
        ends: bool = True,
        quarters: bool = False,
    ) -> tuple[_Candidate, float] | None:
        if not tokens:
            return None
        sections = (lead, *row.sections) if lead else row.sections
        context = (*(self.tokens(section) for section in sections), tokens)
        statement = self._statements.get(kind, frozenset())
        best: tuple[_Candidate, float] | None = None
        at_end = ends and _balance_at_end(kind, context, self.averages)
        for candidate in self.candidates(tokens):
            concept = self.taxonomy.concepts[candidate.entry.concept]
            fits = _fits_period(candidate, concept, durations, at_end, quarters)
            if not (_fits_numbers(concept, row) and fits):
                continue
            score = _score(candidate, concept, context, statement)
            if score is not None and (best is None or score > best[1]):
                best = (candidate, score)
        return best

    def among_flows(self, table: StatementTable, row: TableRow) -> bool:
        """A row of a statement of flows (an income statement), or under a heading naming
        income or expense ("Interest income:"): never a balance at a date."""
        if row.sections and heads_balances(row.sections[-1], self.taxonomy):
            return False
        if table.kind in _FLOWS_ONLY and self._titled(table):
            return True
        return bool(row.sections) and self.names_flows(row.sections[-1])

    def may_stand_at_end(self, table: StatementTable, row: TableRow) -> bool:
        """Whether a balance named in this row of duration columns would be the balance at
        their end, as for a taxonomy concept: not in a cash flow statement, under words of
        change or of an average (see `_balance_at_end`)."""
        context = (*(self.tokens(s) for s in row.sections), self.tokens(row.label))
        return _balance_at_end(table.kind, context, self.averages)

    def names_flows(self, heading: str) -> bool:
        """Whether a section heading names income or expense ("Interest income:")."""
        return bool(set(label_tokens(heading)) & self._flow_words)

    def _titled(self, table: StatementTable) -> bool:
        """Whether the table's own title names its statement ("Statements of Income"), not
        its rows alone (a "Key figures" table of income rows, net debt and equity ratio)."""
        statement = self.taxonomy.statement(table.kind)
        return statement is not None and statement.matches_title(table.title)

    def holds_money(self, table: StatementTable) -> bool:
        """Whether a table holds money: its print shows it, or one of its rows is a money
        line item of the taxonomy. A table of operating data that does neither ("Stores
        opened | 18 | 14") counts things."""
        if table.index not in self._money:
            self._money[table.index] = _prints_money(table, self._currency_marks) or any(
                self._money_row(table, b, r, row)
                for b, block in enumerate(table.blocks)
                for r, row in enumerate(block.rows)
                if row.cells
            )
        return self._money[table.index]

    def _money_row(self, table: StatementTable, b: int, r: int, row: TableRow) -> bool:
        concept = self.map_row(table, b, r, row, durations=True).concept
        return concept is not None and self.taxonomy.concepts[concept].type is ConceptType.MONETARY

    def item_label(self, label: str) -> str:
        """The line item's name: the label without the scale, currency or points of a rate
        it is printed in, and without the item's number or letter and the arithmetic printed with it
        ("3 Total income (1+2)", "a) Cost of materials consumed")."""
        named = without_item_marks(label)
        if rate_unit := rate_unit_in_label(named, self._rate_points):
            named = named[: rate_unit[1]]
        named = without_unit_phrase(named, self._currency_names, self._percent_signs)
        return self._currency.sub("", without_scale(named)).strip()

    def own_label(self, row: TableRow, table: StatementTable | None = None) -> str:
        """The line item's name with what its heading divides it by: "Lease operating
        expenses" under "Average costs per Boe:" is the cost per Boe, as a row labelled
        "Lease operating expenses per Boe" is, never the period's total cost."""
        label = self.item_label(row.item or row.label)
        if table is None or not self._minor_unit_divides_units(table):
            label = self._per_share_in_minor_unit(row, label)
        heading = row.sections[-1] if row.sections else ""
        per = per_quantity(heading, self.taxonomy)
        if not per or per_quantity(label, self.taxonomy) or prices_a_unit(label, self.taxonomy):
            return label
        return f"{label} {per}"

    def looked_up_label(self, row: TableRow, table: StatementTable | None = None) -> str:
        """The label the taxonomy is searched with: the line item's own name (`own_label`)
        with the unit it is divided by in words that count. A bracketed "($/Boe)" is no
        word of a label's name, yet "Depreciation, depletion and amortization ($/Boe)" is
        the cost of one Boe, never the period's total depreciation."""
        label = self.own_label(row, table)
        per = per_quantity(label, self.taxonomy)
        if per and not contains_phrase(self.tokens(label), label_tokens(per)):
            return f"{label} {per}"
        return label

    def _per_share_in_minor_unit(self, row: TableRow, label: str) -> str:
        """A row printed in the currency's hundredth ("Interim dividend (p)", "Dividend
        (cents)") is an amount per share, as a release's table prints no other money in
        pence or cents: its name says so, unless it or its heading already does or it
        divides by something else ("Fuel cost per litre (p)")."""
        per_share = self.taxonomy.row_kinds.get("per_share", ())
        if row.scale is None or row.scale >= 0 or not per_share or "per" in label_tokens(label):
            return label
        phrases = [label_tokens(p) for p in per_share]
        texts = (label, *row.sections[-1:])
        if any(p and contains_phrase(label_tokens(t), p) for t in texts for p in phrases):
            return label
        return f"{label} {per_share[0]}"

    def _minor_unit_divides_units(self, table: StatementTable) -> bool:
        """Whether the table's rows in the currency's hundredth are amounts per unit of
        something other than a share: some of them divide by it ("Cost per ASM (CASM)
        (cents)", "Fuel cost per litre (p)") and none is named per share. Its other rows in
        cents ("Passenger yield (cents)") are then such amounts too, not per share."""
        per_share = [label_tokens(p) for p in self.taxonomy.row_kinds.get("per_share", ())]
        minor = [
            label_tokens(" ".join((*row.sections[-1:], row.label)))
            for block in table.blocks
            for row in block.rows
            if row.scale is not None and row.scale < 0
        ]
        if any(p and contains_phrase(words, p) for words in minor for p in per_share):
            return False
        return any("per" in words for words in minor)

    def _averaged(self, table: StatementTable, b: int) -> bool:
        """Whether the table's title or its block's value headers say its amounts are
        averages over the periods."""
        texts = (table.title, table.caption, *(c.header for c in table.blocks[b].columns))
        return any(self.averages & set(label_tokens(text)) for text in texts)

    def map_row(
        self,
        table: StatementTable,
        b: int,
        r: int,
        row: TableRow,
        durations: bool,
        quarters: bool = False,
    ) -> RowMapping:
        base = {"table": table.index, "block": b, "row": r, "label": row.label}
        unscaled = row.model_copy(update={"label": self.looked_up_label(row, table)})
        # Over trailing-twelve-month columns a balance is an average of the period's
        # balances ("Balance sheet accounts represent the average ..."), not its end; so it
        # is under columns or a title that say so ("Average Balance", "Average Balances,
        # Interest and Yields/Rates").
        ends = not any(c.trailing for c in table.blocks[b].columns) and not self._averaged(table, b)
        best = self.best(unscaled, table.kind, durations, table.lead, ends, quarters)
        if best is None:
            return RowMapping(**base, concept=None, reason="no taxonomy label or synonym matches")
        candidate, score = best
        concept = self.taxonomy.concepts[candidate.entry.concept]
        if self.counts_not_money(row.label, concept):
            return RowMapping(**base, concept=None, reason=_QUANTITY_NOT_MONEY)
        anchor = candidate.entry.anchor
        if concept.period is PeriodType.INSTANT and durations and self.among_flows(table, row):
            # "Interest-bearing deposits in other banks" under "Interest income:": the
            # income the balance earned, not the balance.
            return RowMapping(**base, concept=None, reason="a balance's name among flows")
        if concept.period is PeriodType.INSTANT and durations and anchor is None:
            anchor = Anchor.END
        return RowMapping(
            **base,
            concept=concept.name,
            anchor=anchor,
            score=round(score, 3),
            matched=candidate.entry.text,
        )


def _row_mapping(
    mapper: Mapper,
    registry: ExtensionRegistry,
    table: StatementTable,
    b: int,
    r: int,
    row: TableRow,
    durations: bool,
    quarters: bool = False,
    dated: bool = False,
) -> RowMapping:
    """The row's taxonomy concept, else an extension concept made for it. Under dates that
    end quarters (`quarters`), a row among flows ("Income Statement:") is made a flow;
    under other dates only (`dated`), a flow is listed, never written as a balance."""
    if label_figure_runs(row.label):
        # The label holds cells the reader did not tell apart: which of its words name the
        # line item is unknown, and no concept is named by figures ("TotalAssets4691858305").
        base = {"table": table.index, "block": b, "row": r, "label": row.label}
        return RowMapping(**base, concept=None, reason=LOST_IN_LABEL)
    mapping = mapper.map_row(table, b, r, row, durations, quarters)
    if mapping.concept is not None:
        return mapping
    if dated and not (durations or quarters) and _names_a_flow(mapper, table, b, r, row):
        return mapping.model_copy(update={"reason": _FLOW_AT_A_DATE})
    flows = durations or (quarters and mapper.among_flows(table, row))
    named = row.model_copy(update={"label": mapper.own_label(row, table) or row.label})
    money = mapper.holds_money(table)
    title = f"{table.title} {table.caption}"
    at_end = mapper.may_stand_at_end(table, row)
    concept = registry.propose(
        named, flows, money=money, printed=row, title=title, balance_at_end=at_end
    )
    update: dict[str, object] = {
        "concept": concept.name,
        "extension": True,
        "reason": "no taxonomy label matches; extension concept",
    }
    if concept.period is PeriodType.INSTANT and durations:
        opens = opens_the_period(row.label, registry.taxonomy)
        update["anchor"] = Anchor.START if opens else Anchor.END
    return mapping.model_copy(update=update)


_FLOW_AT_A_DATE = (
    "a flow under dates that bound no period (not a quarter apart): its span is not printed"
)


def _names_a_flow(mapper: Mapper, table: StatementTable, b: int, r: int, row: TableRow) -> bool:
    """Whether a row is a flow by its own heading ("Income Statement:", "Interest
    expense:"), or outside a balance sheet by the period type of the taxonomy concept its
    label names once a flow may fit. A statement's title alone does not say it: a table
    titled an income statement may end in balances ("Book value per share")."""
    heading = row.sections[-1] if row.sections else ""
    if heading and heads_balances(heading, mapper.taxonomy):
        return False
    if heading and mapper.names_flows(heading):
        return True
    if table.kind == "balance_sheet":
        return False
    concept = mapper.map_row(table, b, r, row, durations=False, quarters=True).concept
    return concept is not None and mapper.taxonomy.concepts[concept].period is PeriodType.DURATION


def _prints_money(table: StatementTable, marks: re.Pattern[str]) -> bool:
    """Whether a table shows it holds money by its print: a statement, a money scale in
    its caption or title, or a currency's sign or code (`marks`) in some cell."""
    if table.kind != "other" or table.scale.money or table.scale.text:
        return True
    cells = (c.number.text for b in table.blocks for r in b.rows for c in r.cells)
    return any(marks.search(text) for text in cells)


# Statements of what happened over a period: a row there is never a balance at a date.
_FLOWS_ONLY = frozenset({"income_statement", "comprehensive_income"})


class CellKind(StrEnum):
    """What a cell counts, when it differs from its row (change, ratio, per-share columns)."""

    BASE = "base"
    CHANGE = "change"
    PERCENT = "percent"
    PER_SHARE = "per_share"


_PERCENT_TABLE = re.compile(
    r"\bpercentage of\b|\bas a percent\b|% of (?:total )?(?:net )?rev", re.IGNORECASE
)
_PERCENT_HEADER = re.compile(r"%|\bpercent", re.IGNORECASE)
_PER_SHARE_LIMIT_SMALL = 100
_CENTS_SCALE = -2


class CellKinds:
    """Decides each cell's kind from its column header, its table and its printed form."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.per_share = [label_tokens(w) for w in taxonomy.row_kinds.get("per_share", ())]

    def _says_per_share(self, text: str) -> bool:
        words = label_tokens(text)
        return any(p and contains_phrase(words, p) for p in self.per_share)

    def kinds(
        self, table: StatementTable, block: ColumnBlock, row: TableRow
    ) -> dict[int, CellKind]:
        percent_table = bool(_PERCENT_TABLE.search(f"{table.title} {table.caption}"))
        per_share_context = self._says_per_share(
            " ".join((table.title, table.lead, *row.sections, row.label))
        )
        result = {}
        for cell in row.cells:
            column = block.columns[cell.column]
            number = cell.number
            # Per-share amounts print cents, or dollars in cents' precision ("0.12").
            cents = column.scale == _CENTS_SCALE and not _PERCENT_HEADER.search(row.label)
            limit = _PER_SHARE_LIMIT_SMALL * (100 if cents else 1)
            small = abs(number.value) < limit and (number.fraction_digits >= 2 or cents)
            if column.change:
                kind = CellKind.CHANGE
            elif number.rate or percent_table or _heads_rates(column):
                kind = CellKind.PERCENT
            elif small and (per_share_context or self._says_per_share(column.header)):
                kind = CellKind.PER_SHARE
            elif number.value == 0 and self._says_per_share(column.header):
                # A dash in a per-share column is a per-share nil, like the figures above.
                kind = CellKind.PER_SHARE
            else:
                kind = CellKind.BASE
            result[cell.column] = kind
        return _nils_as_their_row(row, result)


def _heads_rates(column: Column) -> bool:
    """A column of percentages by its header: "%" or "percent" in it, or a rate's name
    ("Yield/Rate"), even where its cells print no "%"."""
    return column.rate or bool(_PERCENT_HEADER.search(column.header))


def _nils_as_their_row(row: TableRow, kinds: dict[int, CellKind]) -> dict[int, CellKind]:
    """A dash among per-share figures ("Gain on sale of business (0.19) — (0.19) —" in a
    reconciliation of diluted earnings per share) is a per-share nil: it prints no decimals
    to say so, but the row's other figures do."""
    nils = {c.column for c in row.cells if c.number.value == 0 and kinds[c.column] is CellKind.BASE}
    others = {kinds[c.column] for c in row.cells if c.column not in nils}
    if not nils or others != {CellKind.PER_SHARE}:
        return kinds
    return {column: CellKind.PER_SHARE if column in nils else k for column, k in kinds.items()}


def _base_kind(kinds: dict[int, CellKind]) -> CellKind:
    """The kind the row's own concept must count: base cells if any, else the commonest."""
    counted = [k for k in kinds.values() if k is not CellKind.CHANGE]
    if not counted or CellKind.BASE in counted:
        return CellKind.BASE
    return max(sorted(set(counted)), key=counted.count)


_VARIANT_TYPES = {CellKind.PERCENT: ConceptType.PERCENT, CellKind.PER_SHARE: ConceptType.PER_SHARE}


def _overrides(
    mapping: RowMapping,
    row: TableRow,
    block: ColumnBlock,
    kinds: dict[int, CellKind],
    base_kind: CellKind,
    registry: ExtensionRegistry,
    taxonomy: Taxonomy,
) -> RowMapping:
    """Concepts for the cells whose kind is not the row's (change columns, ratios, per share)."""
    if mapping.concept is None:
        return mapping
    base = taxonomy.concepts.get(mapping.concept) or registry.concepts[mapping.concept]
    # A change column is a rate where the column prints "%" anywhere or its header says
    # so; an amount change beside it ("Change: $27 | 1%") keeps its own concept. A margin's
    # change in points ("0.4ppt") in a column headed by a money unit ("Variance £m") does
    # not make the column's amounts rates.
    percent_columns = {
        c.column for r in block.rows for c in r.cells if c.number.rate and not c.number.points
    }
    percent_columns -= {i for i, column in enumerate(block.columns) if (column.scale or 0) > 0}
    percent_columns |= {i for i, column in enumerate(block.columns) if _heads_rates(column)}
    # A change printed in points ("(230) bps", "+2.7 pp") is the difference of two rates,
    # and one printed as a multiple ("+0.2x") the difference of two multiples: each in the
    # row's own type, not a relative change, whatever the column's other cells print.
    points = {c.column for c in row.cells if _difference_unit(c.number)}
    overrides = []
    qualifiers = _change_qualifiers(block)
    for column, kind in sorted(kinds.items()):
        if kind is base_kind:
            continue
        if kind is CellKind.CHANGE:
            percent = column in percent_columns and column not in points
            concept = registry.change_concept(base, percent, qualifiers.get(column, ""))
        elif base.type is _VARIANT_TYPES.get(kind):
            continue
        else:
            concept = registry.variant(base, _VARIANT_TYPES[kind])
        overrides.append((column, concept.name))
    return mapping.model_copy(update={"overrides": tuple(overrides)})


def _as_percent_changes(
    mapping: RowMapping,
    row: TableRow,
    block: ColumnBlock,
    registry: ExtensionRegistry,
    taxonomy: Taxonomy,
) -> RowMapping | None:
    """A row naming a line item in a table of growth rates (`ColumnBlock.percent_changes`):
    every cell is the item's percent change, or the percentage points an adjustment adds to
    it ("Net income" under "Mark-to-market net impact": NetIncomeLossPercentChange for that
    member), never the item itself with the rate read as an amount. None for other rows,
    and for a row whose own concept is already a rate (its cells are that rate's points)."""
    if not block.percent_changes or mapping.concept is None or not row.cells:
        return None
    base = taxonomy.concepts.get(mapping.concept) or registry.concepts[mapping.concept]
    if base.type is ConceptType.PERCENT:
        return None
    qualifiers = _change_qualifiers(block)
    overrides = tuple(
        (column, registry.change_concept(base, True, qualifiers.get(column, "")).name)
        for column in sorted({c.column for c in row.cells})
    )
    return mapping.model_copy(update={"overrides": overrides})


def _difference_unit(number: PrintedNumber) -> bool:
    """A change printed in the unit of what changed (points of a rate, a multiple), not
    as a percentage of it."""
    return number.points or number.basis_points or number.multiple


def _change_qualifiers(block: ColumnBlock) -> dict[int, str]:
    """Change columns of one period and member beyond the first ("Change in %" | "Change in
    % (local currencies)") by the words only their header has: each is a change of its own
    kind."""
    first: dict[object, tuple[set[str], str | None]] = {}
    qualifiers: dict[int, str] = _compared_changes(block)
    for index, column in enumerate(block.columns):
        if not column.change or index in qualifiers:
            continue
        words = _header_words_beyond_unit(column.header)
        key = (column.period, column.member)  # a member tells them apart already
        if key not in first:
            first[key] = (set(words), column.currency)
            continue
        first_words, first_currency = first[key]
        own = [w for w in words if w not in first_words]
        # A change of the figures in another currency's group ("--- US$ million ---") is
        # told apart by that currency's code, never by the words its group prints.
        if column.currency and column.currency != first_currency:
            own = [*own, "in", column.currency]
        if own:
            qualifiers[index] = " ".join(own)
    return qualifiers


def _header_words_beyond_unit(header: str) -> list[str]:
    """A change column's header words, less the currency and scale it is printed in ("US$
    million Y-o-Y %": y, o, y) and the words saying it is an amount or a percentage
    ("Δ abs. | Δ in %", periods.toml's `change_measures`): how a figure is printed names
    no kind of change."""
    text = f" {header.lower()} "
    printed = (*_currency_spellings(), *vocabulary().words["change_measures"])
    for spelling in sorted(printed, key=len, reverse=True):
        text = re.sub(rf"(?<![^\W\d_]){re.escape(spelling)}(?![^\W\d_])", " ", text)
    scales = packaged_scale_words()
    words = re.findall(r"[^\W\d_]+", text)
    return [w for w in words if w not in scales and w.removesuffix("s") not in scales]


@cache
def _currency_spellings() -> frozenset[str]:
    """Every spelling of a currency the packaged taxonomy knows, lower case."""
    return frozenset(s.lower() for names in packaged_currencies().values() for s in names)


def _compared_changes(block: ColumnBlock) -> dict[int, str]:
    """Change columns of one period and member that each name the period they compare with
    ("QoQ | YoY"), by that period: a change from the prior quarter and one from the prior
    year (RevenuesPercentChangeFromPriorQuarter, ...FromPriorYear), as the prose names them."""
    groups: dict[object, list[tuple[int, str | None]]] = {}
    for index, column in enumerate(block.columns):
        if column.change:
            key = (column.period, column.member)
            groups.setdefault(key, []).append((index, compared_with(column.header)))
    qualifiers: dict[int, str] = {}
    for columns in groups.values():
        named = [words for _, words in columns]
        if len(columns) > 1 and all(named) and len(set(named)) == len(named):
            qualifiers.update((index, f"from {words}") for index, words in columns if words)
    return qualifiers


def _as_kind(
    mapping: RowMapping, kind: CellKind, registry: ExtensionRegistry, taxonomy: Taxonomy
) -> RowMapping:
    """A row printed wholly as ratios or per-share amounts takes its concept's variant."""
    wanted = _VARIANT_TYPES.get(kind)
    if wanted is None or mapping.concept is None:
        return mapping
    base = taxonomy.concepts.get(mapping.concept) or registry.concepts[mapping.concept]
    if base.type is wanted:
        return mapping
    return mapping.model_copy(update={"concept": registry.variant(base, wanted).name})


def _line_measures(
    mapping: RowMapping,
    row: TableRow,
    block: ColumnBlock,
    registry: ExtensionRegistry,
    taxonomy: Taxonomy,
) -> RowMapping | None:
    """A row under columns that print measures of its line ("Average Balance | Interest
    | Yield/Rate" under each period): each cell is its column's measure of the row's line
    (`LoansAverageBalance`), never the line itself. A row printed in one such column
    alone, whose measure may stand for the line (`LineMeasure.alone`), is its own line
    item when it is a flow or a rate as the column is ("Net interest income" under
    "Interest", "Net interest margin" under "Yield/Rate"). None for other rows."""
    measures = {m.name: m for m in taxonomy.line_measures}
    named = {c.column: block.columns[c.column].measure for c in row.cells}
    if mapping.concept is None or not named or None in named.values():
        return None
    base = taxonomy.concepts.get(mapping.concept) or registry.concepts[mapping.concept]
    found = {measures[str(name)] for name in named.values()}
    if len(found) == 1 and (alone := found.pop()).alone:
        if mapping.extension and base.type is not alone.type:
            base = registry.retyped(base.name, alone.type)
        if base.type is alone.type and base.period is PeriodType.DURATION:
            return mapping.model_copy(update={"concept": base.name, "overrides": ()})
    overrides = tuple(
        (column, registry.measure(base, measures[str(name)]).name)
        for column, name in sorted(named.items())
    )
    return mapping.model_copy(
        update={
            "concept": overrides[0][1],
            "overrides": overrides,
            "reason": "the measure of its line its column names",
        }
    )


def _reported_until(tables: tuple[StatementTable, ...]) -> date | None:
    """The end of the latest period the release's tables report."""
    ends = [
        c.period.end for t in tables for b in t.blocks for c in b.columns if c.period is not None
    ]
    return max(ends, default=None)


def choose_concepts(
    rows: list[RowMapping], tables: tuple[StatementTable, ...], taxonomy: Taxonomy
) -> tuple[list[RowMapping], tuple[tuple[str, str], ...]]:
    """Rows whose general concept the release's structure narrows (see `Choice`), renamed;
    and the (general, chosen) pairs where every row of the general concept took one."""
    printed = {r.concept for r in rows if r.concept}
    day = _reported_until(tables)
    result = []
    taken: dict[str, set[str]] = {}
    for row in rows:
        if row.transposed:
            result.append(row)
            continue
        # A breakdown's member row is worded by its heading ("Net sales by segment").
        label = row.matched if row.member else row.label
        use = taxonomy.chosen(row.concept, label, printed, day) if row.concept else None
        if row.concept in {c.concept for c in taxonomy.choices}:
            taken.setdefault(row.concept, set()).add(use or row.concept)
        result.append(row.model_copy(update={"concept": use}) if use else row)
    chosen = tuple(
        (general, next(iter(used)))
        for general, used in sorted(taken.items())
        if len(used) == 1 and general not in used
    )
    return [_renamed(row, dict(chosen)) for row in result], chosen


def _derived_follow_choice(
    row: RowMapping, registry: ExtensionRegistry, taxonomy: Taxonomy
) -> RowMapping:
    """A row whose concept a choice renamed keeps change and variant columns named after
    the concept it now has ("Net income % change" beside NetIncomeLoss facts is
    NetIncomeLossPercentChange, not the general ProfitLoss's)."""
    base = taxonomy.concepts.get(row.concept or "")
    general = taxonomy.general(row.concept or "")
    if row.transposed or base is None or general is None or not row.overrides:
        return row
    overrides = tuple(
        (column, registry.rebased(name, general, base) or name) for column, name in row.overrides
    )
    return row.model_copy(update={"overrides": overrides})


def _renamed(row: RowMapping, chosen: dict[str, str]) -> RowMapping:
    """A transposed row's column concepts, as the release's other rows chose them."""
    if not row.transposed:
        return row
    overrides = tuple((column, chosen.get(name, name)) for column, name in row.overrides)
    return row.model_copy(update={"concept": overrides[0][1], "overrides": overrides})


_TITLE_PARTS = re.compile(r"\s+[\u2013\u2014-]\s+|:\s+")
_BREAKDOWN_MIN = 2
_QUANTITY_NOT_MONEY = "a row stating the physical unit it counts, matched only to money"


def _heading_concept(
    mapper: Mapper,
    table: StatementTable,
    texts: list[str],
    sections: tuple[str, ...],
    sample: TableRow,
    durations: bool,
) -> tuple[str, str] | None:
    """The taxonomy concept a breakdown's heading names, and the words that name it ("Net
    sales by reportable segment:" names net sales; the words after "by" say what the
    members are)."""
    for text in texts:
        name = mapper.breakdown_name(text)
        if not name:
            continue
        probe = sample.model_copy(update={"label": name, "sections": sections})
        found = mapper.best(probe, table.kind, durations, table.lead)
        if found is not None:
            return found[0].entry.concept, name
    return None


def _parts(taxonomy: Taxonomy, concept: str) -> set[str]:
    """The concept and the line items the taxonomy's calculations add up to it: rows a
    breakdown may print beside its members ("Services" under "Net sales by category")."""
    parts = {concept}
    for _, network in taxonomy.networks():
        for relation in network.relations:
            if relation.total == concept:
                parts.update(item for item, _ in relation.items)
    return parts


def _breakdown_group(
    mapper: Mapper,
    table: StatementTable,
    rows: list[tuple[TableRow, RowMapping]],
    texts: list[str],
    sections: tuple[str, ...],
    durations: bool,
    whole_table: bool,
) -> dict[int, dict[str, object]]:
    """Members for one group of rows under one heading, or none.

    The group is a breakdown when the release says so: its heading says what the concept
    is broken down by ("Net sales by reportable segment:"), or it is a whole table whose
    title names the concept ("Supplemental data - net revenues"). Then at least two of its
    rows must name no line item of the taxonomy (segments, regions and products are not
    line items), and every other row be the concept (the total), unlabelled, or, under a
    "by" heading, a line item the concept adds up ("Services" among product categories).
    """
    said_by = any(mapper.says_breakdown(text) for text in texts)
    named = [i for i, (row, m) in enumerate(rows) if m.extension and row.label.strip()]
    # A last row printing the sum of the rows above it is the total, whatever its label
    # ("Total Adjusted EBITDA" under "Adjusted EBITDA by segment").
    total = _printed_total(rows, named, mapper.taxonomy)
    named = [i for i in named if i != total]
    if len(named) < _BREAKDOWN_MIN or not (said_by or whole_table):
        return {}
    heading = _heading_concept(mapper, table, texts, sections, rows[named[0]][0], durations)
    if heading is None:
        return {}
    concept, heading_name = heading
    others = [i for i in range(len(rows)) if i not in named]
    # A heading that says what it is broken down by ("by category") may print line items
    # of its own beside the members; a table's title may only add its total.
    parts = _parts(mapper.taxonomy, concept) if said_by else {concept}
    if any(
        rows[i][1].concept not in parts and rows[i][0].label.strip() and i != total for i in others
    ):
        return {}
    update: dict[int, dict[str, object]] = {}
    reason = "a member of the breakdown its heading names"
    for i in named:
        update[i] = {
            "concept": concept,
            "member": strip_footnotes(rows[i][0].label),
            "extension": False,
            "reason": reason,
            "matched": heading_name,
        }
    for i in others:
        row, mapping = rows[i]
        if mapping.concept == concept or not row.label.strip() or i == total:
            update[i] = {"concept": concept, "extension": False, "reason": "the breakdown's total"}
    return update


def _location_group(
    mapper: Mapper,
    rows: list[tuple[TableRow, RowMapping]],
    texts: list[str],
    durations: bool,
) -> dict[int, dict[str, object]]:
    """Members of the income statement location axis for a group of rows spreading one
    measure over the statement's expense lines, or none.

    The group's title, heading or introducing sentence names a measure the taxonomy
    knows ("Amortization of purchased intangibles was as follows:"), at least two rows'
    labels name, alone, line items the location axis lists ("Cost of revenues",
    "Marketing and sales"), and every other row is the total of those (labelled or not):
    the located rows are the measure at their line, the total is the measure. A measure
    the rows add up to in the taxonomy ("Operating expenses:" over its lines) is no
    measure spread over them, but their sum.
    """
    located = {i: line for i, (row, _) in enumerate(rows) if (line := _located(mapper, row))}
    if len(located) < _BREAKDOWN_MIN or not all(_holds_amounts(rows[i][0]) for i in located):
        return {}
    lines = set(located.values())
    measure = _measure_named(mapper, texts, rows[next(iter(located))][0], durations, lines)
    if measure is None:
        return {}
    concept, words = measure
    others = [i for i in range(len(rows)) if i not in located]
    totals = [i for i in others if _totals(rows, i, list(located), concept)]
    if len(totals) != len(others):
        return {}
    update: dict[int, dict[str, object]] = {}
    for i, line in located.items():
        update[i] = {
            "concept": concept,
            "member": strip_footnotes(rows[i][0].label),
            "location": line,
            "extension": False,
            "reason": "the measure its introduction names, at the line its label names",
            "matched": words,
        }
    for i in totals:
        update[i] = {"concept": concept, "extension": False, "reason": "the measure's total"}
    return update


def _located(mapper: Mapper, row: TableRow) -> str | None:
    """The line item of the location axis a row's label names on its own (without the
    headings and sentence over it, which may say what measure it is a part of)."""
    if not row.label.strip() or not row.cells:
        return None
    bare = row.model_copy(update={"sections": ()})
    found = mapper.best(bare, _INCOME_STATEMENT, True)
    line = found[0].entry.concept if found else None
    return line if line and mapper.taxonomy.dimensions.locating(line) else None


def _holds_amounts(row: TableRow) -> bool:
    """A row of amounts only (not the shares of revenue some tables print the lines as)."""
    return all(_is_amount(c.number) for c in row.cells)


def _measure_named(
    mapper: Mapper,
    texts: list[str],
    sample: TableRow,
    durations: bool,
    lines: set[str],
) -> tuple[str, str] | None:
    """The measure the first of `texts` that names one names, as an income statement
    line (the longest name of a concept found in its words; a monetary amount over a
    period), with the words that name it; none when the `lines` add up to it."""
    taxonomy = mapper.taxonomy
    for text in texts:
        words = mapper.tokens(text)
        named = sorted(
            {e.text: e for e in mapper.entries if contains_phrase(words, e.tokens)}.values(),
            key=lambda e: -len(e.tokens),
        )
        for entry in named:
            probe = sample.model_copy(update={"label": entry.text, "sections": ()})
            found = mapper.best(probe, _INCOME_STATEMENT, durations)
            concept = taxonomy.concepts.get(found[0].entry.concept) if found else None
            if concept is None or concept.type is not ConceptType.MONETARY:
                continue
            if concept.period is not PeriodType.DURATION or concept.name in lines:
                continue
            if lines & _descendants(taxonomy, concept.name):
                return None
            axis = taxonomy.dimensions.locating(next(iter(lines)))
            measures = axis.measures if axis else {}
            return measures.get(concept.name, concept.name), entry.text
    return None


def _descendants(taxonomy: Taxonomy, concept: str) -> set[str]:
    """Every line item the taxonomy's calculations add up, at any depth, to `concept`."""
    found: set[str] = set()
    pending = [concept]
    while pending:
        parts = _parts(taxonomy, pending.pop()) - found - {concept}
        found |= parts
        pending.extend(parts)
    return found


def _totals(
    rows: list[tuple[TableRow, RowMapping]], i: int, located: list[int], concept: str
) -> bool:
    """Whether row `i` is the total of the located rows: the measure by its label, or the
    sum of their figures column by column (labelled or not)."""
    row, mapping = rows[i]
    if mapping.concept == concept:
        return True
    by_column: dict[int, list[PrintedNumber]] = {}
    for j in located:
        for cell in rows[j][0].cells:
            by_column.setdefault(cell.column, []).append(cell.number)
    printed = [c for c in row.cells if _is_amount(c.number)]
    return bool(printed) and all(
        c.column in by_column and _foots(c.number, by_column[c.column]) for c in printed
    )


def _printed_total(
    rows: list[tuple[TableRow, RowMapping]], named: list[int], taxonomy: Taxonomy
) -> int | None:
    """The last of the `named` rows when, column by column, it prints the sum of the
    other named rows (at least two). In a roll-forward (a first row that opens the
    period) the last row is the closing balance, not a total of parts."""
    if len(named) <= _BREAKDOWN_MIN or opens_the_period(rows[named[0]][0].label, taxonomy):
        return None
    last, items = rows[named[-1]][0], [rows[i][0] for i in named[:-1]]
    by_column: dict[int, list[PrintedNumber]] = {}
    for item in items:
        for cell in item.cells:
            by_column.setdefault(cell.column, []).append(cell.number)
    printed = [c for c in last.cells if _is_amount(c.number)]
    if not printed or any(c.column not in by_column for c in printed):
        return None
    if all(_foots(c.number, by_column[c.column]) for c in printed):
        return named[-1]
    return None


def _is_amount(number: PrintedNumber) -> bool:
    """A number that adds up with others of its line (not a rate, a margin or a multiple)."""
    return not (number.percent or number.basis_points or number.multiple)


def _foots(total: PrintedNumber, items: list[PrintedNumber]) -> bool:
    """Whether `total` is the sum of `items` within their rounding (half a printed unit
    per item)."""
    slack = Decimal(len(items) + 1) / 2 * Decimal(10) ** -total.fraction_digits
    return abs(total.value - sum(n.value for n in items)) <= slack


def _breakdowns(
    mapper: Mapper,
    table: StatementTable,
    block: ColumnBlock,
    rows: list[tuple[TableRow, RowMapping]],
) -> list[dict[str, object] | None]:
    """For each mapped row, the change that makes it a member of a breakdown, if any.

    Rows under one section heading form a group; rows under no heading form one when the
    table has no sections at all, and then the table's title is the heading. Columns that
    are members themselves leave the rows alone: a fact has one member.
    """
    result: list[dict[str, object] | None] = [None] * len(rows)
    if any(c.member for c in block.columns):
        return result
    durations = _of_durations(block)
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, (row, _) in enumerate(rows):
        groups.setdefault(row.sections, []).append(i)
    for sections, indexes in groups.items():
        if sections:
            texts, outer = [sections[-1]], sections[:-1]
        elif len(groups) == 1 and table.title:
            texts, outer = list(reversed(_TITLE_PARTS.split(table.title))), ()
        else:
            continue
        group = [rows[i] for i in indexes]
        update = _breakdown_group(mapper, table, group, texts, outer, durations, not sections)
        if not update:
            introduced = [table.lead, *texts] if not sections and table.lead else texts
            update = _location_group(mapper, group, introduced, durations)
        for j, change in update.items():
            result[indexes[j]] = change
    return result


_SUPPLEMENTARY = "other"
_RECONCILIATION = "non_gaap"
_INCOME_STATEMENT = "income_statement"


def _columns_name_members(block: ColumnBlock) -> bool:
    """Whether every column of a block carries words of its own beside its period (the
    line items or bases a matrix's columns name), none of them a change."""
    columns = block.columns
    return bool(columns) and not any(c.change or not c.member for c in columns)


def _of_durations(block: ColumnBlock) -> bool:
    """Whether a block's columns hold figures over periods (else balances at dates)."""
    return any((p := c.figures_period) is not None and not p.is_instant for c in block.columns)


def _column_concepts(
    mapper: Mapper, registry: ExtensionRegistry, table: StatementTable, block: ColumnBlock
) -> dict[int, tuple[str, bool] | None]:
    """Each column's concept by its own header words (see `_column_concept`)."""
    durations = _of_durations(block)
    return {
        i: _column_concept(mapper, registry, table, block, i, durations)
        for i in range(len(block.columns))
    }


def _column_label(mapper: Mapper, block: ColumnBlock, column: int) -> str:
    """The words a column's own header names its line item by. A header that says only
    how a figure is divided ("Per Diluted Share" after "Net Income") is the column
    before it per share: a reconciliation prints a result, then the same result per
    share, and the per-share header leaves the result unsaid."""
    text = block.columns[column].member or ""
    before = block.columns[column - 1].member if column > 0 else None
    if before and mapper.says_only_per_share(text) and not mapper.says_only_per_share(before):
        return f"{before} {text}"
    return text


def _column_concept(
    mapper: Mapper,
    registry: ExtensionRegistry,
    table: StatementTable,
    block: ColumnBlock,
    column: int,
    durations: bool,
) -> tuple[str, bool] | None:
    """The concept a column's own header words name, and whether the taxonomy has it
    (else an extension made for those words); None for a column without such words."""
    text = _column_label(mapper, block, column)
    if not text:
        return None
    cells = tuple(c for row in block.rows for c in row.cells if c.column == column)[:1]
    probe = TableRow(label=text, cells=cells, line=block.line)
    found = mapper.best(probe, table.kind, durations, table.lead)
    if found is not None:
        concept = mapper.taxonomy.concepts[found[0].entry.concept]
        if not mapper.counts_not_money(text, concept):
            return concept.name, True
    return registry.propose(probe, durations).name, False


def _transposed(
    mapper: Mapper,
    registry: ExtensionRegistry,
    table: StatementTable,
    block: ColumnBlock,
    rows: list[tuple[TableRow, RowMapping]],
    default_members: frozenset[tuple[str, ...]],
) -> list[dict[str, object] | None]:
    """Rows of a table whose columns name line items and whose rows name members.

    A segment table prints "Net sales", "EBIT" and "EBIT / Sales %" as column headers
    under each year and the segments as rows: when every column carries words of its own,
    at least two of them name different concepts of the taxonomy, and the rows name
    none, each cell is its column's concept for the row's member (a row named as the
    whole, "Total", is the concept itself).
    """
    result: list[dict[str, object] | None] = [None] * len(rows)
    if not _columns_name_members(block):
        return result
    named = _column_concepts(mapper, registry, table, block)
    if len(_measures_named(mapper, block, named)) < _BREAKDOWN_MIN:
        return result
    labelled = [i for i, (row, _) in enumerate(rows) if row.label.strip()]
    if not labelled or any(not rows[i][1].extension for i in labelled):
        return result
    overrides = tuple((i, found[0]) for i, found in named.items() if found)
    for i in labelled:
        label = strip_footnotes(rows[i][0].label)
        member = None if label_tokens(label) in default_members else label
        result[i] = {
            "concept": overrides[0][1],
            "overrides": overrides,
            "member": member,
            "transposed": True,
            "extension": False,
            "reason": "a member of the line items its table's columns name",
        }
    return result


def _measures_named(
    mapper: Mapper, block: ColumnBlock, named: dict[int, tuple[str, bool] | None]
) -> set[str]:
    """The measures a block's columns name: the taxonomy's concepts, and the quantities
    a column states the physical unit of ("Sales (thousands of MWh)" beside "Revenues"):
    a volume is a measure of its own, never a member of the revenue beside it."""
    measures = {found[0] for found in named.values() if found and found[1]}
    for i, found in named.items():
        if (
            found
            and not found[1]
            and states_its_unit(_column_label(mapper, block, i), mapper.taxonomy)
        ):
            measures.add(found[0])
    return measures


def _basis_matrix(
    mapper: Mapper,
    registry: ExtensionRegistry,
    table: StatementTable,
    block: ColumnBlock,
    rows: list[tuple[TableRow, RowMapping]],
    default_members: frozenset[tuple[str, ...]],
) -> list[dict[str, object] | None]:
    """Rows of a reconciliation whose columns are measures and whose rows are bases.

    "Gross profit | Operating income | Net income | Diluted EPS" over the rows "GAAP",
    the adjustments, then "Non-GAAP": the row named as reported is each column's own
    concept, and the row named by a non-GAAP basis alone is, cell by cell, the line item
    its basis and its column name together ("Non-GAAP" and "Operating income" read as
    "Non-GAAP operating income"), as a reconciliation printed down the page names it. The
    adjustments in between adjust each measure by its own amount; the taxonomy has one
    concept per adjustment, not one per measure, so they are listed as not understood
    rather than made members of an axis the measures are not."""
    result: list[dict[str, object] | None] = [None] * len(rows)
    if not _columns_name_members(block):
        return result
    labels = [label_tokens(strip_footnotes(row.label)) for row, _ in rows]
    reported = [i for i, words in enumerate(labels) if words in default_members]
    adjusted = [i for i, words in enumerate(labels) if words and _only_basis(mapper, words)]
    if not reported or not adjusted:
        return result
    named = _column_concepts(mapper, registry, table, block)
    if len({found[0] for found in named.values() if found and found[1]}) < _BREAKDOWN_MIN:
        return result
    for i, (row, _) in enumerate(rows):
        if not row.label.strip() or not row.cells:
            continue
        if i in reported:
            overrides = tuple((j, found[0]) for j, found in named.items() if found)
        elif i in adjusted:
            overrides = _basis_concepts(mapper, registry, table, block, row, _of_durations(block))
        else:
            result[i] = {
                "concept": None,
                "extension": False,
                "reason": "an adjustment of each measure its table's columns name; the"
                " taxonomy has one concept per adjustment, not one per measure",
            }
            continue
        result[i] = {
            "concept": overrides[0][1],
            "overrides": overrides,
            "member": None,
            "transposed": True,
            "extension": False,
            "reason": "the measure its column names, on the basis its row names",
        }
    return result


def _bases_by_row(
    mapper: Mapper,
    registry: ExtensionRegistry,
    table: StatementTable,
    block: ColumnBlock,
    rows: list[tuple[TableRow, RowMapping]],
    default_members: frozenset[tuple[str, ...]],
) -> list[dict[str, object] | None]:
    """Rows of a reconciliation whose columns are line items and whose rows are bases.

    "Cost of sales | Gross profit | Operating profit | ... | Effective tax rate" over the
    rows "Reported, GAAP Measure", each item affecting comparability, then "Core,
    Non-GAAP Measure" is the GAAP-to-non-GAAP reconciliation turned on its side: each
    cell is its column's line item, and its row says on which basis, just as the same
    figures printed the other way round (line items as rows, "GAAP | adjustments |
    Non-GAAP" as columns) name each column. So each row is read as that column header
    would be: the row whose words name the whole (the reported figures) is the line item
    itself, every other row a member named after its label. Read so only where most of
    the columns are line items the taxonomy knows and the rows print the reported figures
    (one row) and a non-GAAP basis; a row with no figures stays a heading."""
    result: list[dict[str, object] | None] = [None] * len(rows)
    if not _columns_name_members(block):
        return result
    figures = [i for i, (row, _) in enumerate(rows) if row.label.strip() and row.cells]
    labels = {i: strip_footnotes(rows[i][0].label) for i in figures}
    based = {i for i in figures if mapper.says_basis(labels[i])}
    whole = {
        i
        for i in figures
        if i not in based and _names_whole(label_tokens(labels[i]), default_members)
    }
    if len(whole) != 1 or not based:
        return result
    named = _column_concepts(mapper, registry, table, block)
    known = [found[0] for found in named.values() if found and found[1]]
    if len(set(known)) < _BREAKDOWN_MIN or 2 * len(known) <= len(block.columns):
        return result
    overrides = tuple((i, found[0]) for i, found in named.items() if found)
    for i in figures:
        result[i] = {
            "concept": overrides[0][1],
            "overrides": overrides,
            "member": None if i in whole else labels[i],
            "transposed": True,
            "extension": False,
            "reason": "the line item its column names, on the basis its row names",
        }
    return result


def _names_whole(words: tuple[str, ...], default_members: frozenset[tuple[str, ...]]) -> bool:
    """A label whose words name the whole ("Reported, GAAP Measure"), as a column header
    holding them is the axis default."""
    return any(contains_phrase(words, d) for d in default_members)


def _only_basis(mapper: Mapper, words: tuple[str, ...]) -> bool:
    """A label that is a non-GAAP basis and nothing else ("Non-GAAP", "Adjusted")."""
    return mapper.says_basis(" ".join(words)) and any(words == b for b in mapper.basis_phrases)


def _basis_concepts(
    mapper: Mapper,
    registry: ExtensionRegistry,
    table: StatementTable,
    block: ColumnBlock,
    row: TableRow,
    durations: bool,
) -> tuple[tuple[int, str], ...]:
    """Each column's concept on the row's basis: the row's and the column's words read
    as one label, else the basis the row says in its plainest words with the column's
    ("As adjusted (non-GAAP)" and "Net Income" read as "Adjusted Net Income")."""
    found = []
    for j in range(len(block.columns)):
        cells = tuple(c for c in row.cells if c.column == j)
        column = _column_label(mapper, block, j)
        probes = [
            TableRow(label=f"{basis} {column}", cells=cells, line=row.line)
            for basis in _basis_wordings(mapper, row.label)
        ]
        best = next(
            (b for b in (mapper.best(p, table.kind, durations, table.lead) for p in probes) if b),
            None,
        )
        name = best[0].entry.concept if best else registry.propose(probes[-1], durations).name
        found.append((j, name))
    return tuple(found)


def _basis_wordings(mapper: Mapper, label: str) -> list[str]:
    """A basis row's label, then each basis phrase of the taxonomy its words hold."""
    words = label_tokens(label)
    held = [b for b in mapper.basis_phrases if b != words and contains_phrase(words, b)]
    return [label, *(" ".join(b) for b in held)]


def _sections_as_members(
    mapper: Mapper, table: StatementTable, rows: list[tuple[TableRow, RowMapping]]
) -> list[dict[str, object] | None]:
    """Members named by sibling headings that repeat the same line items.

    A supplementary table that prints "Net sales" and "EBIT" under "Flexibles", then again
    under "Rigid Packaging", reports one concept per line for each heading: where a line
    item recurs under two or more headings that name no line item themselves, each row
    is its concept in a context with its heading as member (not a concept of its own). A
    line the taxonomy does not know is recognised by its label, and every heading's row
    takes the extension made for the first.
    """
    result: list[dict[str, object] | None] = [None] * len(rows)
    if table.kind != _SUPPLEMENTARY:
        return result
    headings: dict[object, set[str]] = {}
    concepts: dict[object, str] = {}
    for row, mapping in rows:
        if row.sections and mapping.concept and not mapping.member:
            key = _line_item(row, mapping)
            headings.setdefault(key, set()).add(row.sections[-1])
            concepts.setdefault(key, mapping.concept)
    # Headings that repeat a line item the taxonomy knows are members; a line it does not
    # know joins them only under such headings (segment results with "Comparable sales
    # % change"), never on its own ("U.S." under every product name).
    members: set[str] = set()
    for key, found in headings.items():
        if isinstance(key, str) and len(found) >= _BREAKDOWN_MIN:
            members |= found
    named: dict[str, bool] = {heading: True for heading in _wholes(rows, members)}
    for i, (row, mapping) in enumerate(rows):
        key = _line_item(row, mapping)
        if not row.sections or len(headings.get(key, ())) < _BREAKDOWN_MIN:
            continue
        if not isinstance(key, str) and not headings[key] <= members:
            continue
        heading = row.sections[-1]
        if heading not in named:
            probe = row.model_copy(update={"label": heading, "sections": row.sections[:-1]})
            named[heading] = mapper.best(probe, table.kind, True, table.lead) is not None
        if not named[heading]:
            result[i] = {"member": strip_footnotes(heading), "concept": concepts[key]}
    return result


def _wholes(rows: list[tuple[TableRow, RowMapping]], headings: set[str]) -> set[str]:
    """Headings whose line items print the sum of the same line items under every other
    heading, column by column ("Total Calder Industrial" after its segments and
    "Corporate and eliminations"): the whole, not one more part.

    Amounts only (a margin does not add up); each sum may miss by the rounding of its
    items, and at least one line item must be printed under the whole and the others.
    """
    amounts: dict[str, dict[tuple[object, int], list[PrintedNumber]]] = {}
    for row, mapping in rows:
        if row.sections and row.sections[-1] in headings:
            found = amounts.setdefault(row.sections[-1], {})
            for cell in row.cells:
                if _is_amount(cell.number):
                    key = (_line_item(row, mapping), cell.column)
                    found.setdefault(key, []).append(cell.number)
    return {
        heading
        for heading, printed in amounts.items()
        if _adds_up(printed, [n for h, o in amounts.items() if h != heading for n in o.items()])
    }


def _adds_up(
    whole: dict[tuple[object, int], list[PrintedNumber]],
    parts: list[tuple[tuple[object, int], list[PrintedNumber]]],
) -> bool:
    """Whether every amount of `whole` is the sum of `parts`' amounts of its line item and
    column, within their rounding (at least one such amount)."""
    sums: dict[tuple[object, int], list[PrintedNumber]] = {}
    for key, numbers in parts:
        sums.setdefault(key, []).extend(numbers)
    checked = [key for key, numbers in whole.items() if len(numbers) == 1 and key in sums]
    if not checked:
        return False
    return all(
        len(sums[key]) >= _BREAKDOWN_MIN and _foots(whole[key][0], sums[key]) for key in checked
    )


def _line_item(row: TableRow, mapping: RowMapping) -> object:
    """What makes two rows the same line item: the taxonomy concept, or for an extension
    (named apart per section) the label's words."""
    if mapping.extension:
        return label_tokens(strip_footnotes(row.label))
    return mapping.concept


_Mapped = tuple[TableRow, TableRow, dict[int, CellKind], RowMapping]


def _mapped_rows(
    mapper: Mapper,
    registry: ExtensionRegistry,
    cell_kinds: CellKinds,
    table: StatementTable,
    b: int,
    block: ColumnBlock,
) -> list[_Mapped]:
    """Each row of a block with numbers: the row, its value cells, its cell kinds and its
    mapping by label."""
    durations = _of_durations(block)
    quarters = any(c.flow_period is not None for c in block.columns)
    dated = any(c.period is not None for c in block.columns)
    mapped: list[_Mapped] = []
    for r, row in enumerate(block.rows):
        kinds = cell_kinds.kinds(table, block, row)
        cells = tuple(c for c in row.cells if kinds[c.column] is _base_kind(kinds))
        # A row printed only in change columns (a growth table) is named by its label
        # alone; its cells all take its concept's change concept.
        changes = any(k is CellKind.CHANGE for k in kinds.values())
        if cells or changes:
            values = row.model_copy(update={"cells": cells})
            # A row naming its own span ("Net Income - Quarter") is a flow over it.
            spans = durations or any(c.period is not None for c in cells)
            mapping = _row_mapping(mapper, registry, table, b, r, values, spans, quarters, dated)
            mapped.append((row, values, kinds, mapping))
    return _wider_totals(_change_rows(mapped, registry, mapper.taxonomy), mapper.taxonomy)


def _wider_totals(mapped: list[_Mapped], taxonomy: Taxonomy) -> list[_Mapped]:
    """A row named like an earlier row of its block, whose numbers are that row's plus
    those of the rows printed between them, is the total of the taxonomy relation whose
    items they are: "Total MGM stockholders' equity", "Noncontrolling interests", "Total
    stockholders' equity" is equity including noncontrolling interests. The label says
    "stockholders' equity" twice; the arithmetic and the taxonomy's tree say which is
    which."""
    result = list(mapped)
    relations = tuple(r for _, network in taxonomy.networks() for r in network.relations)
    for i, (row, values, kinds, mapping) in enumerate(mapped):
        if not mapping.concept or mapping.member or mapping.extension:
            continue
        earlier = [
            j
            for j in range(i)
            if mapped[j][3].concept == mapping.concept and not mapped[j][3].member
        ]
        if not earlier:
            continue
        parts = [mapped[j] for j in range(earlier[-1], i)]
        total = _total_of(parts, values, relations, mapping.concept)
        if total is not None:
            update = {"concept": total, "reason": "the total of the rows above it, by the sum"}
            result[i] = (row, values, kinds, mapping.model_copy(update=update))
    return result


def _total_of(
    parts: list[_Mapped], row: TableRow, relations: tuple[Relation, ...], concept: str
) -> str | None:
    """The total of the relation whose items are exactly `parts`' concepts, when `row`
    prints their weighted sum in every column."""
    names = [part[3].concept for part in parts]
    if len(names) < 2 or None in names or len(set(names)) != len(names):
        return None
    for relation in relations:
        weights = dict(relation.items)
        if relation.total == concept or set(names) != set(weights):
            continue
        columns = {c.column: c.number.value for c in row.cells}
        sums = dict.fromkeys(columns, Decimal(0))
        for part, name in zip(parts, names, strict=True):
            cells = {c.column: c.number.value for c in part[1].cells}
            for column in columns:
                sums[column] += weights[str(name)] * cells.get(column, Decimal(0))
        if columns and sums == columns:
            return relation.total
    return None


def _change_rows(
    mapped: list[_Mapped], registry: ExtensionRegistry, taxonomy: Taxonomy
) -> list[_Mapped]:
    """Rows that say only that they compare ("Current quarter vs prior year quarter",
    "% change") printed under a line item: the change of that line item, not a concept
    of their own."""
    result: list[_Mapped] = []
    above: RowMapping | None = None
    for row, values, kinds, mapping in mapped:
        if mapping.extension and says_only_comparison(row.label):
            if above is not None and above.concept is not None:
                base = taxonomy.concepts.get(above.concept) or registry.concepts[above.concept]
                percent = any(c.number.rate for c in values.cells)
                update = {
                    "concept": registry.change_concept(base, percent=percent).name,
                    "member": above.member,
                    "reason": "the change of the line item above it",
                }
                mapping = mapping.model_copy(update=update)
        else:
            above = mapping
        result.append((row, values, kinds, mapping))
    return result


def _basis_sections(
    mapper: Mapper, table: StatementTable, rows: list[tuple[TableRow, RowMapping]]
) -> list[dict[str, object] | None]:
    """Members named by a non-GAAP heading ("Non-GAAP – Continuing Operations") for the
    rows under it that name a GAAP line item ("Net income"), outside reconciliations
    (whose adjustments and non-GAAP measures have concepts of their own)."""
    result: list[dict[str, object] | None] = [None] * len(rows)
    if table.kind == _RECONCILIATION:
        return result
    for i, (row, mapping) in enumerate(rows):
        if mapping.extension or mapping.member or not mapping.concept or not row.sections:
            continue
        heading = row.sections[-1]
        if mapper.says_basis(heading) and not mapper.says_basis(row.label):
            result[i] = {"member": strip_footnotes(heading)}
    return result


def _names_line_item(mapper: Mapper, text: str) -> bool:
    """Whether `text`, read as a row's label, names a line item of the taxonomy."""
    probe = TableRow(label=text, line=0)
    return mapper.best(probe, _SUPPLEMENTARY, True) is not None


def _part_member(
    mapping: RowMapping, parts: dict[int, str], table: StatementTable
) -> dict[str, object] | None:
    """The part a table reports (`table_parts`) as the member of each of its line items
    that names no member of its own."""
    part = parts.get(table.index)
    if part is None or not mapping.concept or mapping.member:
        return None
    reason = f"in a table of {part!r}"
    return {"member": part, "reason": f"{mapping.reason}; {reason}" if mapping.reason else reason}


def map_tables(
    tables: tuple[StatementTable, ...], taxonomy: Taxonomy, issuer: str | None
) -> Mapping:
    """A mapping for every row with numbers, in every table; extensions for the unmatched."""
    mapper = Mapper(taxonomy, issuer)
    registry = ExtensionRegistry(taxonomy)
    cell_kinds = CellKinds(taxonomy)
    defaults = frozenset(label_tokens(w) for w in taxonomy.dimensions.default_members)
    parts = table_parts(
        tables, taxonomy, issuer, lambda text: _names_line_item(mapper, text), mapper.says_basis
    )
    result: list[RowMapping] = []
    for table in tables:
        blocks = [
            _mapped_rows(mapper, registry, cell_kinds, table, b, block)
            for b, block in enumerate(table.blocks)
        ]
        # Sibling headings repeat line items across the table's blocks too ("GAAP results"
        # over one header, "Adjusted non-GAAP results" under the next).
        every_pair = [(v, m) for mapped in blocks for _, v, _, m in mapped]
        repeated_all = _sections_as_members(mapper, table, every_pair)
        basis_all = _basis_sections(mapper, table, every_pair)
        offset = 0
        for block, mapped in zip(table.blocks, blocks, strict=True):
            pairs = [(v, m) for _, v, _, m in mapped]
            members = _breakdowns(mapper, table, block, pairs)
            repeated = repeated_all[offset : offset + len(pairs)]
            bases = basis_all[offset : offset + len(pairs)]
            offset += len(pairs)
            crossed = _transposed(mapper, registry, table, block, pairs, defaults)
            matrix = _basis_matrix(mapper, registry, table, block, pairs, defaults)
            if not any(matrix):
                matrix = _bases_by_row(mapper, registry, table, block, pairs, defaults)
            crossed = [m or c for m, c in zip(matrix, crossed, strict=True)]
            for (row, _, kinds, mapping), member, heading, basis, cross in zip(
                mapped, members, repeated, bases, crossed, strict=True
            ):
                if cross:
                    result.append(mapping.model_copy(update=cross))
                    continue
                update = member or heading or basis or _part_member(mapping, parts, table)
                mapping = mapping.model_copy(update=update) if update else mapping
                measured = _line_measures(mapping, row, block, registry, taxonomy)
                if measured is not None:
                    result.append(measured)
                    continue
                changes = _as_percent_changes(mapping, row, block, registry, taxonomy)
                if changes is not None:
                    result.append(changes)
                    continue
                base_kind = _base_kind(kinds)
                mapping = _as_kind(mapping, base_kind, registry, taxonomy)
                result.append(_overrides(mapping, row, block, kinds, base_kind, registry, taxonomy))
    result, chosen = choose_concepts(result, tables, taxonomy)
    renamed = [_derived_follow_choice(row, registry, taxonomy) for row in result]
    # The general concept's change and variant concepts a choice replaced are not declared.
    replaced = {
        old
        for before, after in zip(result, renamed, strict=True)
        for (_, old), (_, new) in zip(before.overrides, after.overrides, strict=True)
        if old != new
    }
    used = {n for row in renamed for n in (row.concept, *(name for _, name in row.overrides))}
    extensions = tuple(
        c for c in registry.concepts.values() if c.name in used or c.name not in replaced
    )
    return Mapping(rows=tuple(renamed), extensions=extensions, chosen=chosen)
