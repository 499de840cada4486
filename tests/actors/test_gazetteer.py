from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.actors import Gazetteer, actor_name, is_state, lookup_actor
from diplograph.errors import UnknownActorError

DATA = Path(__file__).resolve().parents[2] / "src" / "diplograph" / "actors" / "data"


@pytest.mark.parametrize(("name", "code"), [
    ("Vietnam", "VNM"), ("the US", "USA"), ("vnm", "VNM"), ("Việt Nam", "VNM"), ("Viet Nam", "VNM"),
    ("United States of America", "USA"), ("U.S.", "USA"), ("America", "USA"), ("Britain", "GBR"),
    ("U.K.", "GBR"), ("Great Britain", "GBR"), ("South Korea", "KOR"), ("Republic of Korea", "KOR"),
    ("ROK", "KOR"), ("North Korea", "PRK"), ("DPRK", "PRK"), ("Burma", "MMR"), ("Türkiye", "TUR"),
    ("Turkey", "TUR"), ("Czechia", "CZE"), ("Czech Republic", "CZE"), ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"), ("Russia", "RUS"), ("Iran", "IRN"), ("Syria", "SYR"), ("Laos", "LAO"),
    ("japan", "JPN"), ("Taiwan", "TWN"), ("Hong Kong", "HKG"), ("Palestine", "PSE"), ("Kosovo", "XKX"),
    ("Soviet Union", "SUN"), ("USSR", "SUN"), ("East Germany", "DDR"), ("West Germany", "DEU"),
    ("Yugoslavia", "YUG"), ("Czechoslovakia", "CSK"), ("European Union", "EU"), ("ASEAN", "ASEAN"),
    ("United Nations", "UN"), ("NATO", "NATO"), ("African Union", "AU"), ("the Quad", "QUAD"),
    ("World Bank", "WBG"), ("Arab League", "LAS"), ("Gulf Cooperation Council", "GCC"), ("G20", "G20"),
])
def test_lookup_actor_knows_names_aliases_and_codes(name: str, code: str) -> None:
    assert lookup_actor(name) == code


@pytest.mark.parametrize("name", ["Atlantis", "", "   ", "Fukuoka", "South China Sea"])
def test_lookup_actor_rejects_unknown_names(name: str) -> None:
    with pytest.raises(UnknownActorError):
        lookup_actor(name)


def test_actor_name_and_is_state() -> None:
    assert actor_name("VNM") == "Vietnam"
    assert actor_name("usa") == "United States"
    assert actor_name("SUN") == "Soviet Union"
    assert is_state("EU") is False
    assert is_state("TWN") is True
    assert is_state("DDR") is True
    with pytest.raises(UnknownActorError):
        actor_name("ZZZ")
    with pytest.raises(UnknownActorError):
        is_state("XYZ")


def test_every_iso_state_has_hand_written_forms() -> None:
    gazetteer = Gazetteer.load()
    forms_codes = set()
    for line in (DATA / "state_forms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("code\t"):
            forms_codes.add(line.split("\t")[0])
    iso = {code for code, actor in gazetteer.actors.items() if actor.kind == "state" and not actor.historic}
    assert iso - forms_codes == set()
    assert len(iso) >= 249


def test_every_state_with_a_demonym_in_table_resolves_by_it() -> None:
    gazetteer = Gazetteer.load()
    for line in (DATA / "state_forms.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, _name, _aliases, demonyms, _capitals = line.split("\t")
        for demonym in filter(None, demonyms.split("|")):
            row = gazetteer.resolve(demonym)
            # a dated form (Czech before 1993) may mean another state, never nothing
            assert row is not None, demonym
            if demonym not in gazetteer.forms or len(gazetteer.forms[demonym]) == 1:
                assert row.code == code, demonym


def test_states_table_matches_pycountry() -> None:
    pycountry = pytest.importorskip("pycountry")
    gazetteer = Gazetteer.load()
    iso = {c.alpha_3 for c in pycountry.countries}
    ours = {code for code, actor in gazetteer.actors.items()
            if actor.kind == "state" and not actor.historic and code != "XKX"}
    assert ours == iso


def test_every_data_file_states_its_sources() -> None:
    for path in DATA.glob("*.tsv"):
        header = path.read_text(encoding="utf-8").split("\n", 12)
        comments = " ".join(line for line in header if line.startswith("#")).lower()
        assert "source" in comments, path.name
