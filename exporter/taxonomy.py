"""The taxonomy as data: loads `taxonomy/*.toml` into typed models, checking it holds together.

Everything the exporter knows about line items comes from here: concept names, types,
period types, balances, labels and synonyms (what the mapper matches), the statement
title patterns, and the presentation and calculation trees. Nothing about a line item is
written in Python.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Set as AbstractSet
from datetime import date
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import Field

from exporter.errors import Location, TaxonomyError
from exporter.labels import contains_phrase, label_tokens
from exporter.models import Frozen
from exporter.resources import data_dir
from exporter.taxonomy_narrative import NarrativeSpec, check_spec, narrative_spec, split_concept


class ConceptType(StrEnum):
    """The closed set of item types the taxonomy uses, mapped to XBRL types on render."""

    ABSTRACT = "abstract"
    MONETARY = "monetary"
    PER_SHARE = "perShare"
    SHARES = "shares"
    PERCENT = "percent"
    PURE = "pure"
    DECIMAL = "decimal"
    STRING = "string"

    @property
    def numeric(self) -> bool:
        return self not in (ConceptType.ABSTRACT, ConceptType.STRING)


class PeriodType(StrEnum):
    INSTANT = "instant"
    DURATION = "duration"


class Balance(StrEnum):
    DEBIT = "debit"
    CREDIT = "credit"


class Concept(Frozen):
    """One taxonomy concept with everything the mapper and the renderer need."""

    name: str
    type: ConceptType
    period: PeriodType = PeriodType.DURATION
    balance: Balance | None = None
    label: str
    synonyms: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    not_within: tuple[str, ...] = ()
    start_labels: tuple[str, ...] = ()
    end_labels: tuple[str, ...] = ()
    documentation: str = ""
    # The issuer's own extension, made for a row no taxonomy label matches.
    extension: bool = False
    # The project's own concept: no us-gaap element states it (a loan-facilitation fee, a
    # figure per ADS, a non-GAAP measure). Every other concept carries the name, period
    # type, balance and item type of the us-gaap element it stands for.
    own: bool = False
    # The us-gaap element is the one in force for periods ending from / before these dates
    # (sales were `SalesRevenueNet` before the contract-with-customer elements of 2018).
    in_force_from: date | None = None
    in_force_until: date | None = None
    # A measure of our own for non-monetary figures with a unit (a month): see
    # taxonomy/narrative.toml [[unit]].
    unit: str | None = None

    @property
    def abstract(self) -> bool:
        return self.type is ConceptType.ABSTRACT

    def in_force(self, day: date | None) -> bool:
        """Whether the element is the one to use for a release reporting up to `day`."""
        if day is None:
            return self.in_force_from is None and self.in_force_until is None
        starts = self.in_force_from is None or self.in_force_from <= day
        return starts and (self.in_force_until is None or day < self.in_force_until)


def derived_concept(base: Concept, suffix: str, update: dict[str, object]) -> Concept:
    """A concept in the issuer's namespace derived from `base` for what a figure says
    about it (`RevenuesOutlookLow`): `base`'s type and period unless `update` says
    otherwise, and none of its wording, which names `base` itself."""
    fields = {
        "name": f"{base.name}{suffix}",
        "extension": True,
        "synonyms": (),
        "within": (),
        "not_within": (),
        "start_labels": (),
        "end_labels": (),
        **update,
    }
    return base.model_copy(update=fields)


def outlook_concept(base: Concept, range_end: str = "") -> Concept:
    """The release's outlook for `base`: a point (`RevenuesOutlook`), or the low or high
    end of a range (`range_end` "Low" or "High"). The prose reader and the tables'
    outlook columns derive it alike, so the same guidance is one concept in both."""
    end = f", {range_end.lower()} end of range" if range_end else ""
    return derived_concept(
        base,
        f"Outlook{range_end}",
        {
            "label": f"{base.label}, outlook{end}",
            "documentation": (
                f"The issuer's outlook for {base.label!r}{end}; not a reported result."
            ),
        },
    )


_OUTLOOK_SUFFIXES = ("Outlook", "OutlookLow", "OutlookHigh")


def is_outlook(concept: Concept) -> bool:
    """Whether `concept` is one `outlook_concept` derived: guidance, not a result."""
    return concept.extension and concept.name.endswith(_OUTLOOK_SUFFIXES)


class Choice(Frozen):
    """A concept choice that follows the release's structure rather than a row's own words.

    Rows are read against the general `concept` (its labels, its place in the calculation
    trees); where the row's label says one of `label_words` (any, when empty) and none of
    `unless_label_words`, the `use` element is in force for the release's period, and the
    release prints none of `unless_printed` (nor `use` itself), the row takes `use`: the
    element issuers tag for that line in that structure. Calculations treat `use` as the
    general concept.
    """

    concept: str
    use: str
    label_words: tuple[str, ...] = ()
    # A label saying one of these keeps the general concept ("Other long-term liabilities"
    # is non-current whatever the balance sheet's layout).
    unless_label_words: tuple[str, ...] = ()
    unless_printed: tuple[str, ...] = ()


class LineMeasure(Frozen):
    """One measure of a line item printed as a column of its own under each period.

    A bank's "Average balances, interest and yields/rates" table prints, for each line
    (loans, deposits), its average balance, its interest and its yield under every
    period: a column headed by one of `headers` holds this measure of the row's line, a
    concept of its own (the line's name and `name`, "LoansAverageBalance"), never the
    line item itself. A row printed in this column alone is the line item itself when
    `alone` ("Net interest income" only under "Interest", "Net interest margin" only
    under "Yield/Rate").
    """

    name: str
    label: str
    type: ConceptType
    headers: tuple[str, ...]
    alone: bool = False

    def heads(self, header: str) -> bool:
        """Whether a column's own header is one of this measure's names, word for word."""
        words = label_tokens(header)
        return bool(words) and any(words == label_tokens(h) for h in self.headers)


class TreeNode(Frozen):
    """A node of a presentation tree, or an item of a calculation tree with its weight."""

    concept: str
    weight: int = 1
    children: tuple[TreeNode, ...] = ()


class Relation(Frozen):
    """One calculation: total = sum of weight * item."""

    total: str
    items: tuple[tuple[str, int], ...]


class CalcNetwork(Frozen):
    """A calculation network: one extended link role, one decomposition per total."""

    key: str
    role: str
    relations: tuple[Relation, ...]


class Statement(Frozen):
    """A statement kind: how its tables are titled and its trees."""

    kind: str
    order: int
    match_priority: int
    role: str
    definition: str
    title_patterns: tuple[str, ...]
    presentation: tuple[TreeNode, ...]
    calculations: tuple[CalcNetwork, ...]
    # Presentation sections whose rows print their effect on cash (a cash flow's operating,
    # investing and financing activities), whatever the concept's balance.
    cash_effect_sections: tuple[str, ...] = ()
    # Sections of those whose credit lines are payments (investing and financing): money
    # paid out, positive in XBRL wherever a table prints it.
    payment_sections: tuple[str, ...] = ()
    # Presentation sections whose debit lines are expenses or costs (positive in XBRL).
    expense_sections: tuple[str, ...] = ()
    # Lines outside those sections, and sections, that a statement printing its costs or
    # its liabilities as deductions prints as deductions too (income taxes; a UK balance
    # sheet's liabilities, in brackets above its net assets).
    deduction_lines: tuple[str, ...] = ()
    deduction_sections: tuple[str, ...] = ()
    # Groups of row labels that together show a table is this statement (any label of each
    # group), for tables whose title does not say.
    row_evidence: tuple[tuple[str, ...], ...] = ()
    # The statement's printed sums are reconciliations: each line after the measure it
    # starts from adjusts it, so a credit line (a gain, an income) the sum deducts is a
    # positive amount, and one it adds back is a loss.
    adjusts: bool = False

    def matches_title(self, title: str) -> bool:
        return any(re.search(p, title, re.IGNORECASE) for p in self.title_patterns)


class Axis(Frozen):
    """A dimension for columns that split one period's figures (segments, reporting basis)."""

    name: str
    label: str
    documentation: str = ""
    words: tuple[str, ...] = ()
    # A header names a member of this axis only when it says one of `words` and nothing
    # else ("Retained earnings"), not when it holds one among other words ("Net income
    # attributable to noncontrolling interests" names no component of equity).
    whole: bool = False
    # The taxonomy's member for a header's words, where it has one ("retained earnings":
    # "RetainedEarningsMember"); other members are named after their header.
    members: dict[str, str] = Field(default_factory=dict)
    # Words of a heading over the members (the table's title, the header over the columns,
    # the heading over the rows: "Revenue by geographic area", "Net sales by reportable
    # segment") that say the members are of this axis, whatever their own words.
    headings: tuple[str, ...] = ()
    # The line items whose rows are this axis's members wherever a table spreads one
    # measure over them (the income statement's expense lines, each with us-gaap's member
    # where it has one; "" names the member after the row), and the concept that measure
    # takes where its words name another statement's line (the cash flow's add-back of
    # stock-based compensation is, spread over expense lines, the allocated expense).
    line_items: dict[str, str] = Field(default_factory=dict)
    measures: dict[str, str] = Field(default_factory=dict)

    def member_name(self, words: tuple[str, ...]) -> str | None:
        """The taxonomy's member a header's label tokens name, if any."""
        return next((m for w, m in self.members.items() if label_tokens(w) == words), None)

    def names(self, words: tuple[str, ...]) -> bool:
        """Whether a header's label tokens name a member of this axis."""
        if self.whole:
            return any(words == label_tokens(w) for w in self.words)
        text = f" {' '.join(words)} "
        return any(f" {' '.join(label_tokens(w))} " in text for w in self.words)

    def headed_by(self, heading: str) -> bool:
        """Whether a heading over the members says they are of this axis."""
        text = f" {' '.join(label_tokens(heading))} "
        return any(f" {' '.join(label_tokens(w))} " in text for w in self.headings)

    @property
    def domain(self) -> str:
        return self.name.removesuffix("Axis") + "Domain"


class Restatement(Frozen):
    """Columns printing one period's figures both as restated and as first reported.

    The restated figures are what the issuer now reports: they are the period's facts.
    The figures they replace, and the adjustments between the two, are members of the
    restatement axis, named by `superseded_member` and `adjustment_member`.
    """

    restated: tuple[str, ...] = ()
    superseded: tuple[str, ...] = ()
    adjustment: tuple[str, ...] = ()
    superseded_member: str = ""
    adjustment_member: str = ""


class Dimensions(Frozen):
    hypercube: str
    default_members: tuple[str, ...]
    axes: tuple[Axis, ...]
    breakdown_words: tuple[str, ...] = ()
    basis_headings: tuple[str, ...] = ()
    # The words that say a figure is on the reported basis ("Earnings per share - GAAP",
    # "Statutory revenue"): the basis of the whole, not part of the line item's name.
    reported_bases: tuple[str, ...] = ()
    restatement: Restatement = Restatement()
    # The axis whose words name the components of equity, the columns of a statement of
    # changes in equity ("Share capital", "Retained earnings").
    equity_components_axis: str = ""

    def axis_for(
        self,
        words: tuple[str, ...],
        headings: tuple[str, ...] = (),
        siblings: tuple[tuple[str, ...], ...] = (),
    ) -> Axis:
        """The axis of a member with the label tokens `words` under `headings`, printed
        beside the members `siblings` (the other columns of its split): an axis whose words
        name it and that no heading decides (restatement, reporting basis, components of
        equity); else the first axis a heading names ("by reportable segment" keeps the
        areas an issuer reports as its segments on the segments axis); else the first
        whose words name it and every sibling ("U.S. | International", not "Domestic |
        International"); else the last, the fallback."""
        named = [a for a in self.axes if a.names(words)]
        undecided = next((a for a in named if not a.headings), None)
        if undecided is not None:
            return undecided
        headed = next((a for a in self.axes if any(a.headed_by(h) for h in headings)), None)
        if headed is not None:
            return headed
        shared = (a for a in named if all(a.names(s) for s in siblings))
        return next(shared, self.axes[-1])

    def locating(self, line_item: str) -> Axis | None:
        """The axis whose members are the line items a measure is spread over, when it
        has `line_item` among them."""
        return next((a for a in self.axes if line_item in a.line_items), None)

    @property
    def equity_component_words(self) -> tuple[tuple[str, ...], ...]:
        """The words of each component of equity the taxonomy names, as label tokens."""
        axis = next((a for a in self.axes if a.name == self.equity_components_axis), None)
        return tuple(label_tokens(w) for w in axis.words) if axis else ()


class Taxonomy(Frozen):
    """The whole taxonomy, as loaded from its TOML source."""

    prefix: str
    namespace: str
    name: str
    title: str
    extension_namespace: str
    # Said in the documentation of every concept that is the project's own (`Concept.own`).
    own_note: str
    ticker_scheme: str
    currencies: dict[str, tuple[str, ...]]
    # Words around a currency that state it is the release's ("figures are in", "unless
    # otherwise stated"): keys "before" and "after".
    currency_statements: dict[str, tuple[str, ...]]
    # Spellings several currencies share ("$", "dollars"): they name the release's own
    # currency, the US dollar unless the release states or signs another.
    shared_currency_names: frozenset[str] = frozenset()
    row_kinds: dict[str, tuple[str, ...]]
    concepts: dict[str, Concept] = Field(repr=False)
    statements: tuple[Statement, ...]
    dimensions: Dimensions
    narrative: NarrativeSpec = NarrativeSpec()
    choices: tuple[Choice, ...] = ()
    line_measures: tuple[LineMeasure, ...] = ()

    @cached_property
    def own_currency_names(self) -> dict[str, tuple[str, ...]]:
        """Each currency's spellings that name it alone (not "$", which several share)."""
        return {
            code: tuple(n for n in names if n not in self.shared_currency_names)
            for code, names in self.currencies.items()
        }

    def chosen(
        self, concept: str, label: str, printed: AbstractSet[str], day: date | None
    ) -> str | None:
        """The element the first applicable choice gives `concept` for a line worded
        `label` in a release that prints the concepts `printed` (see `Choice`), or None."""
        words = label_tokens(label)
        for choice in self.choices:
            if choice.concept != concept or choice.use in printed:
                continue
            if any(name in printed for name in choice.unless_printed):
                continue
            if not self.concepts[choice.use].in_force(day):
                continue
            if any(contains_phrase(words, label_tokens(w)) for w in choice.unless_label_words):
                continue
            if not choice.label_words or any(
                contains_phrase(words, label_tokens(w)) for w in choice.label_words
            ):
                return choice.use
        return None

    def general(self, name: str) -> str | None:
        """The general concept a chosen one stands for (`Choice`), if it is one."""
        return next((c.concept for c in self.choices if c.use == name), None)

    def role_uri(self, role: str) -> str:
        return f"{self.namespace}/role/{role}"

    def statement(self, kind: str) -> Statement | None:
        return next((s for s in self.statements if s.kind == kind), None)

    def statements_by_priority(self) -> tuple[Statement, ...]:
        return tuple(sorted(self.statements, key=lambda s: s.match_priority))

    def statement_concepts(self, kind: str) -> frozenset[str]:
        """Concepts that appear in a statement's presentation tree."""
        statement = self.statement(kind)
        if statement is None:
            return frozenset()
        return frozenset(_walk(statement.presentation))

    def printed_reversed(self, kind: str) -> frozenset[str]:
        """Concepts whose printed sign in a `kind` table is the opposite of their XBRL sign
        unless a printed calculation says otherwise: credit items in sections that print
        effects on cash (an increase in receivables printed "(1,234)" is +1234, a gain
        deducted from net income likewise), since cash itself is a debit."""
        return self._printed_reversed.get(kind, frozenset())

    @cached_property
    def _printed_reversed(self) -> dict[str, frozenset[str]]:
        """`printed_reversed` for every statement kind, worked out once per taxonomy."""
        result = {}
        for statement in self.statements:
            wanted = frozenset(statement.cash_effect_sections)
            names = frozenset(
                name
                for name in _sections(statement.presentation, wanted)
                if (concept := self.concepts.get(name)) and concept.balance is Balance.CREDIT
            )
            chosen = frozenset(c.use for c in self.choices if c.concept in names)
            result[statement.kind] = names | chosen
        return result

    @cached_property
    def payment_concepts(self) -> frozenset[str]:
        """Credit concepts of a statement's payment sections (`Statement.payment_sections`):
        capital expenditures, repurchases of shares, dividends and repayments paid. A
        table outside the cash flow statement that prints one negative ("Capital
        expenditures $(88.5)" in a summary) prints the outflow; the payment is positive."""
        names = {
            name
            for s in self.statements
            for name in _sections(s.presentation, frozenset(s.payment_sections))
            if (concept := self.concepts.get(name)) and concept.balance is Balance.CREDIT
        }
        return frozenset(names | {c.use for c in self.choices if c.concept in names})

    @cached_property
    def line_item_phrases(self) -> frozenset[tuple[str, ...]]:
        """The words of every line item's label and synonym ("operating profit",
        "revenue"), for text that may name a measure."""
        return frozenset(
            tokens
            for concept in self.concepts.values()
            for text in (concept.label, *concept.synonyms)
            if (tokens := label_tokens(text))
        )

    @cached_property
    def _expenses(self) -> frozenset[str]:
        names = {
            name
            for s in self.statements
            for name in _sections(s.presentation, frozenset(s.expense_sections))
        }
        names |= {c.use for c in self.choices if c.concept in names}
        debit = Balance.DEBIT
        return frozenset(n for n in names if (c := self.concepts.get(n)) and c.balance is debit)

    def expense_concepts(self) -> frozenset[str]:
        """Debit concepts under a statement's expense sections: expenses and costs."""
        return self._expenses

    @cached_property
    def _totals(self) -> frozenset[str]:
        return frozenset(r.total for _, n in self.networks() for r in n.relations)

    @cached_property
    def _deductions(self) -> frozenset[str]:
        lines = {name for s in self.statements for name in s.deduction_lines}
        lines |= {
            name
            for s in self.statements
            for name in _sections(s.presentation, frozenset(s.deduction_sections))
        }
        lines |= {c.use for c in self.choices if c.concept in lines}
        return self._expenses | frozenset(lines)

    def deduction_concepts(self) -> frozenset[str]:
        """The expenses, and the other lines a statement that prints its costs or its
        liabilities as deductions prints as deductions too (income taxes, liabilities)."""
        return self._deductions

    @cached_property
    def contra_concepts(self) -> frozenset[str]:
        """Contra balances, deducted wherever they are printed whatever the statement's
        convention, and positive in XBRL: the balances a calculation subtracts from a total
        of the other balance ("Less: allowance for credit losses (68,915)" from loans,
        "Treasury stock, at cost (121,430)" or "Treasury shares \u25b312,408" from
        equity). A flow subtracted so (an expense from a profit) is no such balance: a
        cost may be reversed, a balance held against another is never negative."""
        names = set()
        for _, network in self.networks():
            for relation in network.relations:
                total = self.concepts.get(relation.total)
                for name, weight in relation.items:
                    item = self.concepts.get(name)
                    if weight > 0 or total is None or item is None:
                        continue
                    opposite = None not in (total.balance, item.balance) and (
                        total.balance is not item.balance
                    )
                    if opposite and item.period is PeriodType.INSTANT:
                        names.add(name)
        return frozenset(names)

    def calculation_totals(self) -> frozenset[str]:
        """The concepts some calculation of a statement sums into."""
        return self._totals

    def networks(self) -> tuple[tuple[Statement, CalcNetwork], ...]:
        return tuple((s, n) for s in self.statements for n in s.calculations)


def _sections(nodes: tuple[TreeNode, ...], wanted: frozenset[str]) -> list[str]:
    """The concepts below the nodes named in `wanted`, at any depth."""
    names: list[str] = []
    for node in nodes:
        if node.concept in wanted:
            names.extend(_walk(node.children))
        else:
            names.extend(_sections(node.children, wanted))
    return names


def _walk(nodes: tuple[TreeNode, ...]) -> list[str]:
    names: list[str] = []
    for node in nodes:
        names.append(node.concept)
        names.extend(_walk(node.children))
    return names


def parse_tree(text: str, source: str, with_weights: bool) -> tuple[TreeNode, ...]:
    """Parse an indented tree (two spaces a level; "+ " or "- " before calculation items)."""
    entries: list[tuple[int, str, int, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent % 2:
            raise TaxonomyError(f"odd indentation in tree: {raw!r}", Location(file=source))
        item = raw.strip()
        weight = 1
        if with_weights and item[:2] in ("+ ", "- "):
            weight = -1 if item[0] == "-" else 1
            item = item[2:].strip()
        entries.append((indent // 2, item, weight, number))
    nodes, rest = _build(entries, 0, source)
    assert not rest
    return nodes


def _build(
    entries: list[tuple[int, str, int, int]], depth: int, source: str
) -> tuple[tuple[TreeNode, ...], list[tuple[int, str, int, int]]]:
    nodes: list[TreeNode] = []
    while entries and entries[0][0] >= depth:
        level, name, weight, _ = entries[0]
        if level > depth:
            raise TaxonomyError(f"tree jumps a level at {name}", Location(file=source))
        children, entries = _build(entries[1:], depth + 1, source)
        nodes.append(TreeNode(concept=name, weight=weight, children=children))
    return tuple(nodes), entries


def relations_of(nodes: tuple[TreeNode, ...]) -> list[Relation]:
    """Every total with its items, depth first."""
    relations: list[Relation] = []
    for node in nodes:
        if node.children:
            items = tuple((child.concept, child.weight) for child in node.children)
            relations.append(Relation(total=node.concept, items=items))
            relations.extend(relations_of(node.children))
    return relations


def _statement(data: dict[str, Any], source: str) -> tuple[Statement, list[Concept]]:
    head = data["statement"]
    networks = []
    for key, tree_text in data.get("calculation", {}).items():
        relations = relations_of(parse_tree(tree_text, source, with_weights=True))
        totals = [r.total for r in relations]
        if len(totals) != len(set(totals)):
            raise TaxonomyError(
                f"network {key!r} decomposes a total twice",
                Location(file=source),
                "move the alternative into another network",
            )
        role = head["role"] if key == "main" else f"{head['role']}-{key}"
        networks.append(CalcNetwork(key=key, role=role, relations=tuple(relations)))
    statement = Statement(
        kind=head["kind"],
        order=head["order"],
        match_priority=head["match_priority"],
        role=head["role"],
        definition=head["definition"],
        title_patterns=tuple(head["title_patterns"]),
        presentation=parse_tree(head["presentation"], source, with_weights=False),
        calculations=tuple(networks),
        cash_effect_sections=tuple(head.get("cash_effect_sections", ())),
        payment_sections=tuple(head.get("payment_sections", ())),
        expense_sections=tuple(head.get("expense_sections", ())),
        deduction_lines=tuple(head.get("deduction_lines", ())),
        deduction_sections=tuple(head.get("deduction_sections", ())),
        row_evidence=tuple(tuple(group) for group in head.get("row_evidence", ())),
        adjusts=bool(head.get("adjusts", False)),
    )
    concepts = [Concept.model_validate(c) for c in data.get("concept", [])]
    return statement, concepts


def _check(taxonomy: Taxonomy) -> None:
    for statement in taxonomy.statements:
        names = set(_walk(statement.presentation))
        for network in statement.calculations:
            for relation in network.relations:
                names.add(relation.total)
                names.update(item for item, _ in relation.items)
        missing = sorted(names - taxonomy.concepts.keys())
        if missing:
            raise TaxonomyError(
                f"statement {statement.kind} uses undefined concepts: {', '.join(missing)}",
                hint="define them in a [[concept]] table",
            )
    for choice in taxonomy.choices:
        _check_choice(choice, taxonomy.concepts)


def _check_choice(choice: Choice, concepts: dict[str, Concept]) -> None:
    """A choice names two defined concepts that differ in nothing a fact's value depends on."""
    general, use = concepts.get(choice.concept), concepts.get(choice.use)
    if general is None or use is None:
        raise TaxonomyError(
            f"choice of {choice.use} for {choice.concept} names an undefined concept",
            hint="define both in a [[concept]] table",
        )
    same = (general.type, general.period, general.balance) == (use.type, use.period, use.balance)
    if not same:
        raise TaxonomyError(
            f"choice of {choice.use} for {choice.concept}: type, period or balance differ",
            hint="a chosen concept must read the general concept's values unchanged",
        )


def _dimensions(data: dict[str, Any]) -> Dimensions:
    axes = tuple(Axis.model_validate(a) for a in data["axis"])
    return Dimensions(
        hypercube=data["hypercube"],
        default_members=tuple(data["default_members"]),
        axes=axes,
        breakdown_words=tuple(data.get("breakdown_words", ())),
        basis_headings=tuple(data.get("basis_headings", ())),
        reported_bases=tuple(data.get("reported_bases", ())),
        restatement=Restatement.model_validate(data.get("restatement", {})),
        equity_components_axis=data.get("equity_components_axis", ""),
    )


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """Load and check the taxonomy source in `directory` (the packaged one by default)."""
    directory = directory or data_dir("taxonomy")
    return _load_cached(directory.resolve())


def _narrative(
    directory: Path, concepts: dict[str, Concept]
) -> tuple[NarrativeSpec, tuple[Axis, ...]]:
    """`narrative.toml`: its concepts join `concepts`; its spec and axes are returned."""
    path = directory / "narrative.toml"
    if not path.is_file():
        return NarrativeSpec(), ()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = []
        for table in data.get("concept", []):
            fields, entry = split_concept(table)
            concept = Concept.model_validate(fields)
            if concept.name in concepts:
                raise TaxonomyError(
                    f"concept {concept.name} is defined twice", Location(file=path.name)
                )
            concepts[concept.name] = concept
            entries += [entry] if entry else []
        spec = narrative_spec(data, entries)
        axes = tuple(Axis.model_validate(a) for a in data.get("axis", []))
    except (tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise TaxonomyError(f"cannot load: {exc}", Location(file=str(path))) from None
    return spec, axes


@cache
def _load_cached(directory: Path) -> Taxonomy:
    head = tomllib.loads((directory / "taxonomy.toml").read_text(encoding="utf-8"))
    statements: list[Statement] = []
    concepts: dict[str, Concept] = {}
    for path in sorted((directory / "statements").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            statement, defined = _statement(data, path.name)
        except (tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
            raise TaxonomyError(f"cannot load: {exc}", Location(file=str(path))) from None
        statements.append(statement)
        for concept in defined:
            if concept.name in concepts:
                raise TaxonomyError(
                    f"concept {concept.name} is defined twice", Location(file=path.name)
                )
            concepts[concept.name] = concept
    narrative, narrative_axes = _narrative(directory, concepts)
    dimensions = _dimensions(head["dimensions"])
    # Narrative axes go first: the last axis is the fallback for unrecognised split columns.
    dimensions = dimensions.model_copy(update={"axes": narrative_axes + dimensions.axes})
    info = head["taxonomy"]
    taxonomy = Taxonomy(
        prefix=info["prefix"],
        namespace=info["namespace"],
        name=info["name"],
        title=info["title"],
        extension_namespace=info["extension_namespace"],
        own_note=info["own_note"],
        ticker_scheme=head["entity"]["ticker_scheme"],
        currencies={code: tuple(names) for code, names in head["currencies"].items()},
        currency_statements={k: tuple(v) for k, v in head["currency_statements"].items()},
        shared_currency_names=frozenset(head.get("shared_currency_names", {}).get("names", ())),
        row_kinds={kind: tuple(words) for kind, words in head["row_kinds"].items()},
        concepts=concepts,
        statements=tuple(sorted(statements, key=lambda s: s.order)),
        dimensions=dimensions,
        narrative=narrative,
        choices=tuple(Choice.model_validate(c) for c in head.get("choice", ())),
        line_measures=tuple(LineMeasure.model_validate(m) for m in head.get("line_measure", ())),
    )
    _check(taxonomy)
    check_spec(
        narrative,
        taxonomy.concepts,
        frozenset(s.kind for s in taxonomy.statements),
        frozenset(a.name for a in taxonomy.dimensions.axes),
        "narrative.toml",
    )
    return taxonomy
