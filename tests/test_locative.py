"""The Czech locative of municipality names (bot.catalog.locative) and its exceptions file.

The locative of every ORP seat is written here by hand, the way Czech says it, not produced
by the function under test; the national table must carry the same forms.
"""

from __future__ import annotations

import ast
import csv
import io
import re
from functools import cache
from pathlib import Path

import pytest

from bot.catalog.locative import locative, parse_exceptions, preposition

CATALOG_DATA = Path(__file__).resolve().parent.parent / "catalog_data"
EXCEPTIONS_FILE = CATALOG_DATA / "obce-cr" / "lokativ-vyjimky.csv"
NATIONAL_TABLE = CATALOG_DATA / "obce-cr" / "obce.csv"
SAMPLE_TABLES = sorted((CATALOG_DATA / "obce").glob("orp-*.csv"))

# the seat of each of the 206 ORPs (the municipality that gives the ORP its name) -> its locative
ORP_SEATS = {
    # Praha and Středočeský kraj
    "Praha": "v Praze",
    "Benešov": "v Benešově",
    "Beroun": "v Berouně",
    "Brandýs nad Labem-Stará Boleslav": "v Brandýse nad Labem-Staré Boleslavi",
    "Čáslav": "v Čáslavi",
    "Černošice": "v Černošicích",
    "Český Brod": "v Českém Brodě",
    "Dobříš": "v Dobříši",
    "Hořovice": "v Hořovicích",
    "Kladno": "v Kladně",
    "Kolín": "v Kolíně",
    "Kralupy nad Vltavou": "v Kralupech nad Vltavou",
    "Kutná Hora": "v Kutné Hoře",
    "Lysá nad Labem": "v Lysé nad Labem",
    "Mělník": "v Mělníku",
    "Mladá Boleslav": "v Mladé Boleslavi",
    "Mnichovo Hradiště": "v Mnichově Hradišti",
    "Neratovice": "v Neratovicích",
    "Nymburk": "v Nymburce",
    "Poděbrady": "v Poděbradech",
    "Příbram": "v Příbrami",
    "Rakovník": "v Rakovníku",
    "Říčany": "v Říčanech",
    "Sedlčany": "v Sedlčanech",
    "Slaný": "ve Slaném",
    "Vlašim": "ve Vlašimi",
    "Votice": "ve Voticích",
    # Jihočeský kraj
    "Blatná": "v Blatné",
    "České Budějovice": "v Českých Budějovicích",
    "Český Krumlov": "v Českém Krumlově",
    "Dačice": "v Dačicích",
    "Jindřichův Hradec": "v Jindřichově Hradci",
    "Kaplice": "v Kaplici",
    "Milevsko": "v Milevsku",
    "Písek": "v Písku",
    "Prachatice": "v Prachaticích",
    "Soběslav": "v Soběslavi",
    "Strakonice": "ve Strakonicích",
    "Tábor": "v Táboře",
    "Trhové Sviny": "v Trhových Svinech",
    "Třeboň": "v Třeboni",
    "Týn nad Vltavou": "v Týně nad Vltavou",
    "Vimperk": "ve Vimperku",
    "Vodňany": "ve Vodňanech",
    # Plzeňský kraj
    "Blovice": "v Blovicích",
    "Domažlice": "v Domažlicích",
    "Horažďovice": "v Horažďovicích",
    "Horšovský Týn": "v Horšovském Týně",
    "Klatovy": "v Klatovech",
    "Kralovice": "v Kralovicích",
    "Nepomuk": "v Nepomuku",
    "Nýřany": "v Nýřanech",
    "Plzeň": "v Plzni",
    "Přeštice": "v Přešticích",
    "Rokycany": "v Rokycanech",
    "Stod": "ve Stodu",
    "Stříbro": "ve Stříbře",
    "Sušice": "v Sušici",
    "Tachov": "v Tachově",
    # Karlovarský kraj
    "Aš": "v Aši",
    "Cheb": "v Chebu",
    "Karlovy Vary": "v Karlových Varech",
    "Kraslice": "v Kraslicích",
    "Mariánské Lázně": "v Mariánských Lázních",
    "Ostrov": "v Ostrově",
    "Sokolov": "v Sokolově",
    # Ústecký kraj
    "Bílina": "v Bílině",
    "Děčín": "v Děčíně",
    "Chomutov": "v Chomutově",
    "Kadaň": "v Kadani",
    "Litoměřice": "v Litoměřicích",
    "Litvínov": "v Litvínově",
    "Louny": "v Lounech",
    "Lovosice": "v Lovosicích",
    "Most": "v Mostě",
    "Podbořany": "v Podbořanech",
    "Roudnice nad Labem": "v Roudnici nad Labem",
    "Rumburk": "v Rumburku",
    "Teplice": "v Teplicích",
    "Ústí nad Labem": "v Ústí nad Labem",
    "Varnsdorf": "ve Varnsdorfu",
    "Žatec": "v Žatci",
    # Liberecký kraj
    "Česká Lípa": "v České Lípě",
    "Frýdlant": "ve Frýdlantu",
    "Jablonec nad Nisou": "v Jablonci nad Nisou",
    "Jilemnice": "v Jilemnici",
    "Liberec": "v Liberci",
    "Nový Bor": "v Novém Boru",
    "Semily": "v Semilech",
    "Tanvald": "v Tanvaldu",
    "Turnov": "v Turnově",
    "Železný Brod": "v Železném Brodě",
    # Královéhradecký kraj
    "Broumov": "v Broumově",
    "Dobruška": "v Dobrušce",
    "Dvůr Králové nad Labem": "ve Dvoře Králové nad Labem",
    "Hořice": "v Hořicích",
    "Hradec Králové": "v Hradci Králové",
    "Jaroměř": "v Jaroměři",
    "Jičín": "v Jičíně",
    "Kostelec nad Orlicí": "v Kostelci nad Orlicí",
    "Náchod": "v Náchodě",
    "Nová Paka": "v Nové Pace",
    "Nové Město nad Metují": "v Novém Městě nad Metují",
    "Nový Bydžov": "v Novém Bydžově",
    "Rychnov nad Kněžnou": "v Rychnově nad Kněžnou",
    "Trutnov": "v Trutnově",
    "Vrchlabí": "ve Vrchlabí",
    # Pardubický kraj
    "Česká Třebová": "v České Třebové",
    "Hlinsko": "v Hlinsku",
    "Holice": "v Holicích",
    "Chrudim": "v Chrudimi",
    "Králíky": "v Králíkách",
    "Lanškroun": "v Lanškrouně",
    "Litomyšl": "v Litomyšli",
    "Moravská Třebová": "v Moravské Třebové",
    "Pardubice": "v Pardubicích",
    "Polička": "v Poličce",
    "Přelouč": "v Přelouči",
    "Svitavy": "ve Svitavách",
    "Ústí nad Orlicí": "v Ústí nad Orlicí",
    "Vysoké Mýto": "ve Vysokém Mýtě",
    "Žamberk": "v Žamberku",
    # Kraj Vysočina
    "Bystřice nad Pernštejnem": "v Bystřici nad Pernštejnem",
    "Havlíčkův Brod": "v Havlíčkově Brodě",
    "Humpolec": "v Humpolci",
    "Chotěboř": "v Chotěboři",
    "Jihlava": "v Jihlavě",
    "Moravské Budějovice": "v Moravských Budějovicích",
    "Náměšť nad Oslavou": "v Náměšti nad Oslavou",
    "Nové Město na Moravě": "v Novém Městě na Moravě",
    "Pacov": "v Pacově",
    "Pelhřimov": "v Pelhřimově",
    "Světlá nad Sázavou": "ve Světlé nad Sázavou",
    "Telč": "v Telči",
    "Třebíč": "v Třebíči",
    "Velké Meziříčí": "ve Velkém Meziříčí",
    "Žďár nad Sázavou": "ve Žďáru nad Sázavou",
    # Jihomoravský kraj
    "Blansko": "v Blansku",
    "Boskovice": "v Boskovicích",
    "Brno": "v Brně",
    "Břeclav": "v Břeclavi",
    "Bučovice": "v Bučovicích",
    "Hodonín": "v Hodoníně",
    "Hustopeče": "v Hustopečích",
    "Ivančice": "v Ivančicích",
    "Kuřim": "v Kuřimi",
    "Kyjov": "v Kyjově",
    "Mikulov": "v Mikulově",
    "Moravský Krumlov": "v Moravském Krumlově",
    "Pohořelice": "v Pohořelicích",
    "Rosice": "v Rosicích",
    "Slavkov u Brna": "ve Slavkově u Brna",
    "Šlapanice": "ve Šlapanicích",
    "Tišnov": "v Tišnově",
    "Veselí nad Moravou": "ve Veselí nad Moravou",
    "Vyškov": "ve Vyškově",
    "Znojmo": "ve Znojmě",
    "Židlochovice": "v Židlochovicích",
    # Olomoucký kraj
    "Hranice": "v Hranicích",
    "Jeseník": "v Jeseníku",
    "Konice": "v Konici",
    "Lipník nad Bečvou": "v Lipníku nad Bečvou",
    "Litovel": "v Litovli",
    "Mohelnice": "v Mohelnici",
    "Olomouc": "v Olomouci",
    "Prostějov": "v Prostějově",
    "Přerov": "v Přerově",
    "Šternberk": "ve Šternberku",
    "Šumperk": "v Šumperku",
    "Uničov": "v Uničově",
    "Zábřeh": "v Zábřehu",
    # Zlínský kraj
    "Bystřice pod Hostýnem": "v Bystřici pod Hostýnem",
    "Holešov": "v Holešově",
    "Kroměříž": "v Kroměříži",
    "Luhačovice": "v Luhačovicích",
    "Otrokovice": "v Otrokovicích",
    "Rožnov pod Radhoštěm": "v Rožnově pod Radhoštěm",
    "Uherské Hradiště": "v Uherském Hradišti",
    "Uherský Brod": "v Uherském Brodě",
    "Valašské Klobouky": "ve Valašských Kloboukách",
    "Valašské Meziříčí": "ve Valašském Meziříčí",
    "Vizovice": "ve Vizovicích",
    "Vsetín": "ve Vsetíně",
    "Zlín": "ve Zlíně",
    # Moravskoslezský kraj
    "Bílovec": "v Bílovci",
    "Bohumín": "v Bohumíně",
    "Bruntál": "v Bruntále",
    "Český Těšín": "v Českém Těšíně",
    "Frenštát pod Radhoštěm": "ve Frenštátě pod Radhoštěm",
    "Frýdek-Místek": "ve Frýdku-Místku",
    "Frýdlant nad Ostravicí": "ve Frýdlantu nad Ostravicí",
    "Havířov": "v Havířově",
    "Hlučín": "v Hlučíně",
    "Jablunkov": "v Jablunkově",
    "Karviná": "v Karviné",
    "Kopřivnice": "v Kopřivnici",
    "Kravaře": "v Kravařích",
    "Krnov": "v Krnově",
    "Nový Jičín": "v Novém Jičíně",
    "Odry": "v Odrách",
    "Opava": "v Opavě",
    "Orlová": "v Orlové",
    "Ostrava": "v Ostravě",
    "Rýmařov": "v Rýmařově",
    "Třinec": "v Třinci",
    "Vítkov": "ve Vítkově",
}


@cache
def exceptions() -> dict[str, str]:
    return parse_exceptions(EXCEPTIONS_FILE.read_text(encoding="utf-8"))


@cache
def national_rows() -> tuple[dict[str, str], ...]:
    return tuple(csv.DictReader(io.StringIO(NATIONAL_TABLE.read_text(encoding="utf-8"))))


# --- the ORP seats


def test_all_206_orp_seats_are_pinned() -> None:
    assert len(ORP_SEATS) == 206


@pytest.mark.parametrize(("name", "expected"), sorted(ORP_SEATS.items()))
def test_every_orp_seat_gets_its_locative(name: str, expected: str) -> None:
    assert locative(name, exceptions()) == expected


def test_the_pinned_seats_are_exactly_the_orps_of_the_national_table() -> None:
    assert {row["orp"] for row in national_rows()} == set(ORP_SEATS)


def test_the_national_table_carries_the_pinned_locative_of_every_orp_seat() -> None:
    seats = {row["orp"]: row for row in national_rows() if row["nazev"] == row["orp"]}
    wrong = {name: seats[name]["lokativ"] for name, form in ORP_SEATS.items() if seats[name]["lokativ"] != form}
    assert wrong == {}


# --- the rule alone, without the exceptions file


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Přerov", "v Přerově"),
        ("Kojetín", "v Kojetíně"),
        ("Lipník nad Bečvou", "v Lipníku nad Bečvou"),
        ("Hranice", "v Hranicích"),
        ("Troubky", "v Troubkách"),
        ("Brno", "v Brně"),
        ("Praha", "v Praze"),
        ("Ostrava", "v Ostravě"),
        ("Kroměříž", "v Kroměříži"),
        ("Luhačovice", "v Luhačovicích"),
        ("Přeštice", "v Přešticích"),
        ("Louny", "v Lounech"),
        ("Kolín", "v Kolíně"),
        ("Třinec", "v Třinci"),
        ("Cheb", "v Chebu"),
        ("Jeseník", "v Jeseníku"),
        ("Náchod", "v Náchodě"),
        ("Písek", "v Písku"),
        ("Bílovec", "v Bílovci"),
        ("Kadaň", "v Kadani"),
        ("Bruntál", "v Bruntále"),
        ("Hlinsko", "v Hlinsku"),
        ("Kravaře", "v Kravařích"),
        ("Svitavy", "ve Svitavách"),
        ("Klatovy", "v Klatovech"),
        ("Nelahozeves", "v Nelahozevsi"),
        ("Skuteč", "ve Skutči"),
        ("Chropyně", "v Chropyni"),
        ("Kopřivnice", "v Kopřivnici"),
        ("Uherské Hradiště", "v Uherském Hradišti"),
        ("Karviná", "v Karviné"),
        ("Slaný", "ve Slaném"),
    ],
)
def test_a_single_word_declines_by_its_ending(name: str, expected: str) -> None:
    assert locative(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nové Město na Moravě", "v Novém Městě na Moravě"),
        ("Mladá Boleslav", "v Mladé Boleslavi"),
        ("Český Krumlov", "v Českém Krumlově"),
        ("Moravské Budějovice", "v Moravských Budějovicích"),
        ("Velké Meziříčí", "ve Velkém Meziříčí"),
        ("Horní Moštěnice", "v Horní Moštěnici"),
        ("Horní Újezd", "v Horním Újezdě"),
        ("Dolní Nětčice", "v Dolních Nětčicích"),
        ("Jindřichův Hradec", "v Jindřichově Hradci"),
        ("Karlova Studánka", "v Karlově Studánce"),
        ("Mnichovo Hradiště", "v Mnichově Hradišti"),
        ("Karlovy Vary", "v Karlových Varech"),
        ("Velká Bystřice", "ve Velké Bystřici"),
        ("Vysoké Studnice", "ve Vysokých Studnicích"),
        ("Nová Ves", "v Nové Vsi"),
        ("Dolní Dobrouč", "v Dolní Dobrouči"),
    ],
)
def test_adjectives_agree_with_their_noun(name: str, expected: str) -> None:
    assert locative(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ústí nad Labem", "v Ústí nad Labem"),
        ("Hradec Králové", "v Hradci Králové"),
        ("Dvůr Králové nad Labem", "ve Dvoře Králové nad Labem"),
        ("Brodek u Přerova", "v Brodku u Přerova"),
        ("Nová Ves I", "v Nové Vsi I"),
        ("Kostelec nad Černými lesy", "v Kostelci nad Černými lesy"),
        ("Chlum Svaté Maří", "v Chlumu Svaté Maří"),
    ],
)
def test_what_follows_the_head_noun_is_kept(name: str, expected: str) -> None:
    assert locative(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Frýdek-Místek", "ve Frýdku-Místku"),
        ("Brandýs nad Labem-Stará Boleslav", "v Brandýse nad Labem-Staré Boleslavi"),
        ("Bařice-Velké Těšany", "v Bařicích-Velkých Těšanech"),
        ("Lipová-lázně", "v Lipové-lázních"),
        ("Lázně Bělohrad", "v Lázních Bělohradě"),
        ("Město Albrechtice", "ve Městě Albrechticích"),
    ],
)
def test_every_part_of_a_hyphenated_or_appositive_name_is_declined(name: str, expected: str) -> None:
    assert locative(name) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Vsetíně", "ve"),
        ("Frýdku", "ve"),
        ("Zlíně", "ve"),
        ("Skutči", "ve"),
        ("Šternberku", "ve"),
        ("Žďáru nad Sázavou", "ve"),
        ("Dvoře Králové", "ve"),
        ("Lhotě", "ve"),
        ("Mšeně", "ve"),
        ("Sušici", "v"),
        ("Žatci", "v"),
        ("Šumperku", "v"),
        ("Zábřehu", "v"),
        ("Třinci", "v"),
        ("Přerově", "v"),
        ("Brně", "v"),
        ("Opavě", "v"),
    ],
)
def test_ve_is_used_before_v_f_and_clusters_where_czech_says_it(form: str, expected: str) -> None:
    assert preposition(form) == expected


def test_an_exception_wins_over_the_rule() -> None:
    assert locative("Tábor") == "v Táboru"
    assert locative("Tábor", {"Tábor": "v Táboře"}) == "v Táboře"
    assert locative("Tábor", {}) == "v Táboru"


# --- the exceptions file


def test_the_exceptions_file_explains_itself_in_a_comment_line() -> None:
    first = EXCEPTIONS_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "nazev" in first and "lokativ" in first


def test_every_exception_corrects_what_the_rule_would_say() -> None:
    redundant = [name for name, form in exceptions().items() if locative(name) == form]
    assert redundant == []


def test_every_exception_names_a_municipality_of_the_national_table() -> None:
    names = {row["nazev"] for row in national_rows()}
    assert [name for name in exceptions() if name not in names] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nazev,forma\nTábor,v Táboře\n", "hlavičku"),
        ("nazev,lokativ\nTábor,Táboře\n", "řádku 2"),
        ("# komentář\nnazev,lokativ\nTábor,v Táboře\nTábor,v Táboře\n", "řádku 4"),
    ],
)
def test_a_broken_exceptions_file_is_refused_with_a_czech_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_exceptions(text)


# --- agreement with the hand-written sample tables


@pytest.mark.parametrize("table", SAMPLE_TABLES, ids=lambda p: p.name)
def test_the_rule_agrees_with_the_hand_written_sample_tables(table: Path) -> None:
    rows = csv.DictReader(io.StringIO(table.read_text(encoding="utf-8")))
    wrong = [(r["nazev"], r["lokativ"]) for r in rows if locative(r["nazev"], exceptions()) != r["lokativ"]]
    assert wrong == []


def test_every_national_locative_starts_with_its_preposition() -> None:
    bad = [row["lokativ"] for row in national_rows() if not re.fullmatch(r"(v|ve) \S.*\S", row["lokativ"])]
    assert bad == []


def test_the_locative_module_imports_only_the_standard_library() -> None:
    source = Path(__file__).resolve().parent.parent / "bot" / "catalog" / "locative.py"
    imported = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "collections", "csv", "re"}
