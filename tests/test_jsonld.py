"""The JSON-LD read by real JSON-LD processors (PyLD, rdflib), offline, against the XML."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from outputs import xml_facts
from pyld import jsonld
from rdflib import RDF, Graph, Namespace

from exporter.pipeline import convert

XEV = "https://xbrl-exporter.org/vocab#"


def _no_network(url: str, options: dict | None = None) -> dict:
    raise AssertionError(f"JSON-LD processing tried to load {url}")


@pytest.fixture(scope="module")
def outputs(sample: Path) -> tuple[bytes, bytes]:
    conversion = convert(sample)
    return conversion.files[f"{conversion.stem}.xml"], conversion.files[f"{conversion.stem}.jsonld"]


def _value(node: dict, term: str) -> str | None:
    values = node.get(XEV + term)
    return values[0]["@value"] if values else None


def _period(node: dict) -> str:
    (period,) = node[XEV + "period"]
    instant = _value(period, "instant")
    return instant if instant else f"{_value(period, 'startDate')}/{_value(period, 'endDate')}"


def _expanded_facts(document: bytes) -> set:
    expanded = jsonld.expand(json.loads(document), {"documentLoader": _no_network})
    (report,) = expanded
    facts = set()
    for node in report[XEV + "fact"]:
        assert node["@type"] == [XEV + "Fact"]
        (concept,) = node[XEV + "concept"]
        decimals = _value(node, "decimals")
        facts.add(
            (
                concept["@id"],
                _period(node),
                _value(node, "unit"),
                Decimal(_value(node, "value")),
                "INF" if decimals is None else str(decimals),
                _dimension(node),
            )
        )
    return facts


def _dimension(node: dict) -> str:
    dimension = node.get(XEV + "dimension")
    if not dimension:
        return ""
    (only,) = dimension
    return f"{only[XEV + 'axis'][0]['@id']}={only[XEV + 'member'][0]['@id']}"


def test_pyld_expands_to_exactly_the_xml_facts(outputs) -> None:
    instance, document = outputs
    facts = _expanded_facts(document)
    assert facts == xml_facts(instance)
    assert len(facts) == 532  # 447 from the tables, 85 from the prose


def test_dimensional_facts_keep_their_member(tmp_path) -> None:
    corpus = Path(__file__).parent / "fixtures" / "corpus" / "apple-fy2004q3.htm"
    conversion = convert(corpus)
    instance = conversion.files[f"{conversion.stem}.xml"]
    facts = _expanded_facts(conversion.files[f"{conversion.stem}.jsonld"])
    assert facts == xml_facts(instance)
    assert any("ReportingBasisAxis" in f[5] for f in facts)


def test_values_are_typed_literals(outputs) -> None:
    _, document = outputs
    expanded = jsonld.expand(json.loads(document), {"documentLoader": _no_network})
    node = expanded[0][XEV + "fact"][0]
    assert node[XEV + "value"][0]["@type"] == "http://www.w3.org/2001/XMLSchema#decimal"
    assert (
        node[XEV + "period"][0][XEV + "instant"][0]["@type"]
        == "http://www.w3.org/2001/XMLSchema#date"
    )


def test_rdflib_reads_one_node_per_fact(outputs) -> None:
    _, document = outputs
    graph = Graph().parse(data=document, format="json-ld")
    vocab = Namespace(XEV)
    assert len(set(graph.subjects(RDF.type, vocab.Fact))) == 532
