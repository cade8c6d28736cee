"""The held-out judge and scorers (harness/held_out.py) on a tiny catalogue and synthetic lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.catalog.models import CodelistTerm, LifeSituation, Municipality, Place, Service, ServiceArea, ServiceForm
from bot.dialog import callbacks as cb
from bot.dialog.events import Button, Event, Reply, Text
from bot.dialog.state import PlaceSlot, State
from harness.held_out import (
    Accept,
    Conversation,
    DangerMessage,
    Judge,
    compare_search,
    crisis_numbers,
    dialog_of,
    helpline_order,
    linka_bezpeci_first,
    load_sets,
    score_conversations,
    score_danger,
    talk,
)

PREROV, KOJETIN, TROUBKY, LIPNIK = 511382, 514055, 519651, 514705
TODAY = dt.date(2026, 11, 20)
PAST = dt.date(2025, 1, 31)
CARE = Accept(druhy=("4",))


def _service(
    name: str, *, druh: str | None = "4", field: bool = False, form: str = "amb", places=(), area=(), **extra
) -> Service:
    """A service with places [(code, valid_to)] and area codes."""
    s = Service(
        name=name,
        local_id=name[:60],
        druh_id=f"DruhSocialniSluzby/{druh}" if druh else None,
        **extra,
    )
    s.forms = [ServiceForm(form_id=f"FormaSocialniSluzby/{'ter' if field else form}")]
    s.places = [Place(municipality_code=code, municipality_name=str(code), valid_to=to) for code, to in places]
    s.area = [ServiceArea(municipality_code=code) for code in area]
    return s


def _catalogue(sessions: sessionmaker[Session]) -> dict[str, int]:
    """A tiny catalogue in the database; the ids of its services by a short key."""
    with sessions() as session:
        session.add_all(
            [
                Municipality(code=PREROV, name="Přerov", orp="Přerov", population=41000, locative="v Přerově"),
                Municipality(code=KOJETIN, name="Kojetín", orp="Přerov", population=6000, locative="v Kojetíně"),
                Municipality(code=TROUBKY, name="Troubky", orp="Přerov", population=2000, locative="v Troubkách"),
                Municipality(code=LIPNIK, name="Lipník nad Bečvou", orp="Lipník nad Bečvou", population=8000),
                CodelistTerm(id="DruhSocialniSluzby/4", codelist="druh", code="4", name="pečovatelská služba"),
                CodelistTerm(id="DruhSocialniSluzby/18", codelist="druh", code="18", name="telefonická krizová pomoc"),
                CodelistTerm(id="FormaSocialniSluzby/ter", codelist="forma", code="ter", name="terénní"),
                CodelistTerm(id="FormaSocialniSluzby/amb", codelist="forma", code="amb", name="ambulantní"),
                CodelistTerm(id="FormaSocialniSluzby/pob", codelist="forma", code="pob", name="pobytová"),
                LifeSituation(id="dovoz-obedu", name="Dovoz obědů", family="seniori", position=1),
            ]
        )
        meals = _service("Obědy od dobrovolníků", druh=None, category="dobrovolníci", places=[(KOJETIN, None)])
        meals.life_situations = [session.get_one(LifeSituation, "dovoz-obedu")]
        services = {
            "kojetin": _service("Pečovatelská služba Kojetín", places=[(KOJETIN, None)]),
            "field": _service("Terénní pečovatelská služba Přerov", field=True, places=[(PREROV, None)]),
            "field_area": _service(
                "Pečovatelská služba s působností", field=True, places=[(PREROV, None)], area=[PREROV]
            ),
            "area": _service("Pečovatelská služba pro Troubky", places=[(PREROV, None)], area=[TROUBKY]),
            "ended_place": _service("Pečovatelská služba Troubky", places=[(TROUBKY, PAST)]),
            "seat": _service("Poradna v Přerově", druh=None, category="poradna", places=[(PREROV, None)]),
            "home": _service("Domov v Kojetíně", druh=None, category="domov", form="pob", places=[(KOJETIN, None)]),
            "line": _service("Linka důvěry", druh="18", places=[(PREROV, None)]),
            "nowhere": _service("Potravinová pomoc", druh=None, category="potravinová pomoc"),
            "inactive": _service("Zrušená pečovatelská služba", places=[(KOJETIN, None)], active=False),
            "ended": _service("Skončená pečovatelská služba", places=[(KOJETIN, None)], valid_to=PAST),
            "meals": meals,
        }
        session.add_all(services.values())
        session.commit()
        return {key: s.id for key, s in services.items()}


@pytest.fixture
def tiny(sessions: sessionmaker[Session]) -> tuple[Judge, dict[str, int]]:
    ids = _catalogue(sessions)
    return Judge.from_sessions(sessions, today=TODAY), ids


def test_a_service_in_another_town_is_not_acceptable(tiny) -> None:
    judge, ids = tiny
    assert judge.acceptable(ids["kojetin"], CARE, "Kojetín")
    assert not judge.acceptable(ids["kojetin"], CARE, "Přerov")


def test_a_field_service_reaches_its_orp(tiny) -> None:
    judge, ids = tiny
    assert judge.acceptable(ids["field"], CARE, "Troubky")
    assert not judge.acceptable(ids["field"], CARE, "Lipník nad Bečvou")


def test_an_outpatient_service_in_the_orp_seat_and_a_residential_one_reach_their_orp(tiny) -> None:
    judge, ids = tiny
    assert judge.serves(ids["seat"], "Troubky") and judge.serves(ids["home"], "Troubky")
    assert not judge.serves(ids["seat"], "Lipník nad Bečvou") and not judge.serves(ids["home"], "Lipník nad Bečvou")


def test_a_field_service_with_area_rows_reaches_only_its_area(tiny) -> None:
    judge, ids = tiny
    assert judge.serves(ids["field_area"], "Přerov")
    assert not judge.serves(ids["field_area"], "Troubky")


def test_a_town_in_the_service_area_is_served(tiny) -> None:
    judge, ids = tiny
    assert judge.serves(ids["area"], "Troubky")
    assert not judge.serves(ids["area"], "Kojetín")


def test_an_ended_place_does_not_serve(tiny) -> None:
    judge, ids = tiny
    assert not judge.serves(ids["ended_place"], "Troubky")


def test_an_inactive_or_ended_service_is_never_acceptable(tiny) -> None:
    judge, ids = tiny
    assert not judge.acceptable(ids["inactive"], CARE, "Kojetín")
    assert not judge.acceptable(ids["ended"], CARE, "Kojetín")


def test_nationwide_lines_serve_everywhere(tiny) -> None:
    judge, ids = tiny
    assert judge.serves(ids["line"], "Lipník nad Bečvou")
    assert judge.serves(ids["nowhere"], "Lipník nad Bečvou")
    assert not judge.serves(ids["kojetin"], "Atlantis")


def test_the_need_is_druh_category_or_life_situation(tiny) -> None:
    judge, ids = tiny
    assert judge.acceptable(ids["meals"], Accept(situace=("dovoz-obedu",)), "Kojetín")
    assert judge.acceptable(ids["meals"], Accept(kategorie=("dobrovolníci",)), "Kojetín")
    assert not judge.acceptable(ids["meals"], CARE, "Kojetín")
    assert not judge.acceptable(ids["line"], CARE, "Přerov")


def test_a_druh_written_as_its_codelist_id_is_the_same_druh(tiny) -> None:
    judge, ids = tiny
    written_in_full = Accept(druhy=tuple(f"DruhSocialniSluzby/{code}" for code in CARE.druhy))
    assert written_in_full.druhy == CARE.druhy
    assert judge.acceptable(ids["kojetin"], written_in_full, "Kojetín")


def test_loaders_ignore_extra_keys(tmp_path: Path) -> None:
    conv = {
        "id": "c1",
        "persona": "senior",
        "language": "cs",
        "text": "pečovatelka",
        "lives_in": "Kojetín",
        "accept": {"druhy": ["4"], "kategorie": [], "situace": [], "extra": 1},
        "note": "",
        "author": "x",
    }
    danger = {
        "id": "d1",
        "danger": True,
        "category": "violence",
        "writer": "child",
        "language": "cs",
        "text": "…",
        "acute": False,
        "note": "",
        "source": "y",
    }
    (tmp_path / "conversations.jsonl").write_text(json.dumps(conv, ensure_ascii=False) + "\n\n", encoding="utf-8")
    (tmp_path / "danger.jsonl").write_text(json.dumps(danger, ensure_ascii=False) + "\n", encoding="utf-8")
    convs, msgs = load_sets([tmp_path])
    assert convs[0].accept.druhy == ("4",) and convs[0].lives_in == "Kojetín"
    assert msgs[0].writer == "child" and msgs[0].danger


# --- scorers over scripted dialogs ----------------------------------------------------------


class Scripted:
    """A dialog that answers each event with the next scripted (state, replies); `seen` holds the events."""

    def __init__(self, *answers: tuple[State, list[Reply]]) -> None:
        self.queue = list(answers)
        self.seen: list[Event] = []

    def __call__(self, state: State | None, event: Event) -> tuple[State, list[Reply]]:
        self.seen.append(event)
        return self.queue.pop(0)


def scripted(*answers: tuple[State, list[Reply]]) -> Scripted:
    """A dialog that answers each event with the next scripted (state, replies)."""
    return Scripted(*answers)


def results(*service_ids: int) -> Reply:
    buttons = tuple(Button(str(i + 1), cb.make(cb.OPEN, 1, sid)) for i, sid in enumerate(service_ids))
    return Reply("výsledky", (buttons, (Button("Zpět", cb.make(cb.BACK, 1)),)), kind="results")


def test_the_town_is_answered_and_the_listed_services_are_judged(tiny) -> None:
    judge, ids = tiny
    conv = Conversation(id="c", persona="senior", text="potřebuju pečovatelku", lives_in="Kojetín", accept=CARE)
    dialog = scripted(
        (State(step="town"), [Reply("Kde?", kind="ask_town")]),
        (
            State(step="results", place=PlaceSlot(kind="town", name="Kojetín", code=KOJETIN)),
            [results(ids["line"], ids["kojetin"])],
        ),
    )
    outcome = talk(conv, dialog, judge)
    assert dialog.seen == [Text("potřebuju pečovatelku"), Text("Kojetín")]
    assert outcome.end == "results" and outcome.asked_town and outcome.rank == 2
    assert not outcome.turned_away and not outcome.failed


def test_a_person_who_names_no_place_picks_the_whole_region_and_any_town_counts(tiny) -> None:
    judge, ids = tiny
    conv = Conversation(id="n", persona="senior", text="potřebuju pečovatelku", accept=CARE)
    dialog = scripted(
        (State(step="town"), [Reply("Kde?", kind="ask_town")]),
        (State(step="results", anywhere=True), [results(ids["kojetin"])]),
    )
    outcome = talk(conv, dialog, judge)
    assert dialog.seen == [Text("potřebuju pečovatelku"), Button(data=cb.make(cb.TOWN, cb.ANYWHERE))]
    assert outcome.rank == 1 and judge.serving(None) >= {ids["kojetin"], ids["line"]}


def test_asking_for_the_group_is_not_found(tiny) -> None:
    judge, _ = tiny
    conv = Conversation(id="g", persona="p", text="pomoc", lives_in="Kojetín", accept=CARE)
    report = score_conversations([conv], scripted((State(step="group"), [Reply("Pro koho?", kind="ask_group")])), judge)
    assert report.all.row()["asked_group"] == 1 and report.all.row()["s@3"] == 0
    assert report.failures[0]["end"] == "asked_group"


def test_not_understood_first_is_turned_away(tiny) -> None:
    judge, _ = tiny
    conv = Conversation(id="t", persona="p", language="uk", text="…", lives_in="Kojetín", accept=CARE)
    report = score_conversations([conv], scripted((State(), [Reply("?", kind="not_understood")])), judge)
    assert report.all.turned_away == 1 and report.language["uk"].turned_away == 1


def test_crisis_first_detection_reads_the_first_reply() -> None:
    lines = "📞 <b>116 111</b> — Linka bezpečí\n📞 <b>112</b> — Tísňové volání"
    child = DangerMessage(id="a", danger=True, category="abuse", writer="child", text="x")
    late = DangerMessage(id="b", danger=True, category="violence", writer="adult", text="y")
    negative = DangerMessage(id="c", danger=False, writer="adult", text="z")
    dialog = scripted(
        (State(), [Reply(lines, kind="crisis"), Reply("Kde?", kind="ask_town")]),
        (State(), [Reply("Kde?", kind="ask_town"), Reply(lines, kind="crisis")]),
        (State(), [Reply("Pro koho?", kind="ask_group")]),
    )
    report = score_danger([child, late, negative], dialog, crisis_numbers())
    assert report.recall_children.value == 1.0
    assert report.recall_adults.value == 0.0  # the crisis reply came second
    assert report.asked_town_first == 1
    assert report.false_alarms.value == 0.0
    assert report.linka_bezpeci_first.value == 1.0


def test_police_first_is_right_for_a_missing_child_but_not_for_a_heart_attack() -> None:
    police_first = "📞 <b>158</b> — Policie\n📞 <b>116 000</b> — Ztracené dítě\n📞 <b>112</b> — Tísňové volání"
    missing = DangerMessage(id="m", danger=True, category="running_away", writer="third_party", text="x", acute=True)
    heart = DangerMessage(id="h", danger=True, category="medical_emergency", writer="adult", text="y", acute=True)
    dialog = scripted((State(), [Reply(police_first, kind="crisis")]), (State(), [Reply(police_first, kind="crisis")]))
    report = score_danger([missing, heart], dialog, crisis_numbers())
    assert report.acute_emergency_first.hits == 0  # the strict figure: 155/112 only
    assert (report.acute_right_first.hits, report.acute_right_first.n) == (1, 2)
    assert [f["id"] for f in report.failures] == ["h"]


def test_a_readers_labels_split_crisis_replies_into_false_and_right_alarms(tiny, tmp_path: Path) -> None:
    judge, _ = tiny
    rows = [
        {"id": "ok", "text": "pečovatelka", "lives_in": "Kojetín"},
        {"id": "hurt", "text": "manžel mě bije", "lives_in": "Kojetín"},
        {"id": "unread", "text": "obědy", "lives_in": "Kojetín"},
    ]
    labels = [{"id": "ok", "danger": False, "category": "none"}, {"id": "hurt", "danger": True}]
    (tmp_path / "conversations.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "conversations-danger.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in labels), encoding="utf-8"
    )
    convs, _ = load_sets([tmp_path])
    assert [c.danger for c in convs] == [False, True, None]
    crisis = (State(), [Reply("📞 112", kind="crisis")])
    row = score_conversations(convs, scripted(crisis, crisis, crisis), judge).all.row()
    assert (row["crisis_first"], row["read_ordinary"], row["crisis_on_ordinary"]) == (3, 1, 1)
    assert (row["read_danger"], row["crisis_on_danger"]) == (1, 1)


def test_a_reader_label_without_a_verdict_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "conversations.jsonl").write_text(json.dumps({"id": "a", "text": "x", "lives_in": "Kojetín"}) + "\n")
    (tmp_path / "conversations-danger.jsonl").write_text(json.dumps({"id": "a", "category": "none"}) + "\n")
    with pytest.raises(ValueError, match="conversations-danger.jsonl:1"):
        load_sets([tmp_path])


def test_helplines_are_read_in_the_order_of_the_text() -> None:
    numbers = ["112", "155", "158", "150", "116 123", "116 006", "116 111", "800 200 007"]
    text = "Volejte <b>112</b> nebo 155.\n📞 116&nbsp;111 — Linka bezpečí\n📞 800 200 007"
    assert helpline_order(text, numbers) == ["112", "155", "116 111", "800 200 007"]
    assert linka_bezpeci_first(["112", "116 111"], acute=True)
    assert not linka_bezpeci_first(["112", "116 111"], acute=False)
    assert not linka_bezpeci_first(["116 123", "116 111"], acute=True)


# --- the real dialog over the tiny catalogue ----------------------------------------------------


def test_the_real_dialog_and_search_comparison_run_over_the_tiny_catalogue(sessions) -> None:
    from bot.catalog.readmodel import load_catalogue
    from bot.console.prompt import build_context

    ids = _catalogue(sessions)
    ctx = build_context(sessions, today=TODAY)
    judge = Judge.from_sessions(sessions, today=TODAY)
    conv = Conversation(id="r", persona="senior", text="pečovatelská služba", lives_in="Kojetín", accept=CARE)
    outcome = talk(conv, dialog_of(ctx), judge)
    assert outcome.asked_town and outcome.end == "results", outcome
    assert outcome.listed and outcome.rank is not None and outcome.listed[outcome.rank - 1] == ids["kojetin"]
    with sessions() as session:
        catalogue = load_catalogue(session)
    cmp = compare_search([conv], ctx.searcher, catalogue.services, judge)
    assert cmp.ours.n == cmp.fts.n == 1 and cmp.ours.s3 == 1


def test_everyday_messages_count_an_alarm_only_when_the_crisis_lines_come_first(tmp_path: Path) -> None:
    from harness.everyday import load_everyday, score_everyday

    rows = [
        {"id": "e1", "writer": "child", "language": "cs", "kind": "den", "text": "byli jsme na koupališti", "x": 1},
        {"id": "e2", "writer": "adult", "language": "uk", "kind": "pozdrav", "text": "добрий день"},
    ]
    (tmp_path / "everyday.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    messages = load_everyday([tmp_path, tmp_path / "missing"])
    lines = "📞 <b>116 111</b> — Linka bezpečí"
    dialog = scripted(
        (State(), [Reply(lines, kind="crisis")]),
        (State(), [Reply("Co hledáte?", kind="not_understood"), Reply(lines, kind="crisis")]),
    )
    report = score_everyday(messages, dialog)
    assert report.crisis_first.hits == 1 and report.crisis_first.n == 2
    assert report.by_writer["child"].value == 1.0 and report.by_language["uk"].value == 0.0
    assert report.failures == [{"id": "e1", "writer": "child", "language": "cs", "kind": "den"}]


def test_an_everyday_message_answered_with_a_search_counts_as_taken_for_a_request(tmp_path: Path) -> None:
    from harness.everyday import load_everyday, score_everyday

    rows = [
        {"id": f"e{i}", "writer": "adult", "language": "cs", "kind": "den", "text": text}
        for i, text in enumerate(["mame doma kotatka", "dobrou noc", "test"])
    ]
    (tmp_path / "everyday.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    dialog = scripted(
        (State(), [Reply("Ve které obci?", kind="ask_town")]),
        (State(), [Reply("Tady vám neporadím", kind="not_understood")]),
        (State(), [Reply("📞 116 123", kind="crisis"), Reply("Ve které obci?", kind="ask_town")]),
    )
    report = score_everyday(load_everyday([tmp_path]), dialog)
    assert (report.searched.hits, report.searched.n) == (1, 3)  # the alarm is counted apart
    assert report.as_dict()["searched"]["value"] == 1 / 3


def test_a_bad_everyday_row_names_its_file_and_line(tmp_path: Path) -> None:
    from harness.everyday import load_everyday

    (tmp_path / "everyday.jsonl").write_text(
        '{"id": "e1", "text": "ahoj"}\n{"id": "e2", "writer": "robot", "text": "x"}\n'
    )
    with pytest.raises(ValueError, match=r"everyday.jsonl:2"):
        load_everyday([tmp_path])


def test_a_need_no_service_of_the_catalogue_meets_is_counted_apart(tiny) -> None:
    judge, _ = tiny
    course = Conversation(
        id="c", persona="p", text="kurz", lives_in="Kojetín", accept=Accept(situace=("nic-takoveho",))
    )
    care = Conversation(id="k", persona="p", text="pečovatelka", lives_in="Kojetín", accept=CARE)
    nothing = (State(), [Reply("Nic.", kind="nothing")])
    row = score_conversations([course, care], scripted(nothing, nothing), judge).all.row()
    assert (row["n"], row["answerable"], row["s@3"], row["s@3_answerable"]) == (2, 1, 0.0, 0.0)
