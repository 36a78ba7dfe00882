"""No network: converting and validating resolve every schema and taxonomy file locally.

Sockets are blocked (connect, name lookup) and every attempt is recorded, so an attempt
that some code catches and shrugs off still fails the test. In-process, the library
converts and writes the sample, an HTML and a PDF release of the corpus, and the
`validate` command checks what was written. Then the real command line runs in a child
process whose `sitecustomize` blocks Internet sockets the same way, for it and for the
worker processes it starts (they inherit the environment).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.options import ConvertOptions
from exporter.pipeline import convert
from exporter.write import write_conversion

HERE = Path(__file__).parent
SAMPLE = HERE / "fixtures" / "qifu-2024q4.txt"
CORPUS = HERE / "fixtures" / "corpus"


class NetworkAttemptError(OSError):
    """Raised (and recorded) when anything tries to reach the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args!r}")
            raise NetworkAttemptError(f"network access attempted: {name}{args!r}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


def test_the_guard_blocks_and_records(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttemptError):
        socket.create_connection(("example.com", 80))
    assert no_network == ["create_connection(('example.com', 80),)"]


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(SAMPLE, id="sample-text"),
        pytest.param(CORPUS / "apple-fy2024q1.htm", id="html"),
        pytest.param(CORPUS / "amcor-fy2023q4.pdf", id="pdf"),
    ],
)
def test_convert_and_validate_offline(
    path: Path, tmp_path: Path, no_network: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    conversion = convert(path, ConvertOptions())
    write_conversion(conversion, tmp_path)
    instance = tmp_path / f"{path.stem}.xml"
    jsonld = tmp_path / f"{path.stem}.jsonld"
    assert conversion.report.valid, [str(f) for f in conversion.report.findings]
    assert main(["validate", str(instance), "--jsonld", str(jsonld)]) == 0
    assert " 0 errors" in capsys.readouterr().out
    assert no_network == []


_SITECUSTOMIZE = textwrap.dedent(
    """
    import socket

    _INTERNET = (socket.AF_INET, socket.AF_INET6)
    _connect = socket.socket.connect
    _connect_ex = socket.socket.connect_ex

    def _refuse(what):
        with open({log!r}, "a") as log:
            log.write(what + "\\n")
        raise OSError("network access attempted: " + what)

    def connect(self, address):
        if self.family in _INTERNET:
            _refuse(f"connect {{address!r}}")
        return _connect(self, address)

    def connect_ex(self, address):
        if self.family in _INTERNET:
            _refuse(f"connect_ex {{address!r}}")
        return _connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        _refuse(f"getaddrinfo {{host!r}}")

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
    """
)


def test_command_line_and_its_workers_stay_offline(tmp_path: Path) -> None:
    log = tmp_path / "attempts.log"
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_SITECUSTOMIZE.format(log=str(log)))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(HERE.parent)])}
    out = tmp_path / "out"
    run = [sys.executable, "-m", "exporter.cli"]
    converted = subprocess.run(
        [*run, "convert", str(SAMPLE), "-o", str(out), "-q"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert converted.returncode == 0, converted.stderr
    validated = subprocess.run(
        [*run, "validate", str(out / "qifu-2024q4.xml")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert not log.exists(), log.read_text()
