"""The safety layer: danger recognised in how people write, and the right crisis lines first."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.safety.detector import DangerDetector, default_detector
from bot.safety.lines import lines_for, load_crisis_lines


def assess(text: str):
    return default_detector().assess(text)


def numbers(text: str) -> list[str]:
    return [line.number for line in lines_for(assess(text), load_crisis_lines())]


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "uz fakt nechci zit, vsechno je k nicemu"),
        ("suicide", "Myslím na sebevraždu každý den."),
        ("suicide", "bylo by všem líp beze mě"),
        ("suicide", "chtěla bych večer usnout a ráno se už neprobudit"),
        ("self_harm", "zase jsem se pořezala na ruce"),
        ("self_harm", "ubližuju si, když je mi zle"),
        ("violence", "přítel mě mlátí, když se opije"),
        ("violence", "mám modřiny od manžela a stydím se"),
        ("violence", "vnuk mi bere důchod a strká do mě"),
        ("sexual_violence", "strejda na mě sahá když nikdo není doma"),
        ("threats", "bývalý mi pořád vyhrožuje a píše z cizích čísel"),
        ("threats", "ví kde bydlím a říká že si pro mě přijde"),
        ("bullying", "ve škole mě šikanujou a berou mi svačinu"),
        ("running_away", "je mi 15 a dnes jsem utekla z domova"),
        ("medical_emergency", "děda spadl a nedýchá"),
        ("medical_emergency", "brácha se předávkoval"),
        ("acute_crisis", "mám panickou ataku, třepou se mi ruce"),
    ],
)
def test_each_kind_of_danger_is_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "NECHCI UŽ ŽÍT",  # capitals
        "nechci uz zit",  # without diacritics
        "už nechci dál žít",  # other word order
        "ja uz nechci zít",  # half the diacritics
        "chci spachat sebevrazdu",
        "myslim na sebevrazdo",  # a typo in the ending
        "manzel me zmaltil",  # letters swapped
    ],
)
def test_danger_is_recognised_in_any_spelling_and_word_order(text) -> None:
    assert assess(text).danger


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "чоловік знову б'є мене і дітей"),
        ("uk", "не хочу більше жити"),
        ("ru", "отчим бьет меня, мне 14"),
        ("ru", "хочу покончить с собой"),
        ("en", "my boyfriend hits me when he drinks"),
        ("en", "i want to end my life"),
    ],
)
def test_danger_is_recognised_in_ukrainian_russian_and_english(language, text) -> None:
    assert assess(text).danger, language


@pytest.mark.parametrize(
    "text",
    [
        "tatínek bije rekordy v běhu",
        "zabíjím čas, než mi jede vlak",
        "hledám kurz sebeobrany pro dceru",
        "nikdo mě nebije, jen potřebuju poradit s dluhy",
        "chci žít doma co nejdéle, potřebuju pečovatelku",
        "děda je po mrtvici už rok, hledáme pomoc s koupáním",
        "škola chystá besedu o prevenci šikany",
        "dřív mě bil, ale už jsem v bezpečí, teď řeším bydlení",
        "pečovatelka pro mámu v Kojetíně",
        "",
    ],
)
def test_harmless_words_near_danger_are_not_alarms(text) -> None:
    assert not assess(text).danger


def test_a_negated_wish_is_told_from_the_wish() -> None:
    assert not assess("chci žít").danger
    assert assess("nechci žít").danger
    assert "suicide" in assess("не хочу жити").categories
    assert not assess("не бʼє мене, все добре").danger


@pytest.mark.parametrize(
    ("text", "writer", "agent"),
    [
        ("nevlastní táta mi ubližuje", "child", "parent"),
        ("máma na mě řve a strká do mě", "child", "parent"),
        ("spolužáci mě mlátí o přestávce", "child", "classmates"),
        ("je mi 13 a bojím se jít domů", "child", None),
        ("syn mě bije a bere mi důchod", "senior", "adult_child"),
        ("je mi 82 a pečovatelka mě uhodila", "senior", "carer"),
        ("manžel mě bije", "adult", "partner"),
    ],
)
def test_a_family_word_says_who_hurts_and_who_writes(text, writer, agent) -> None:
    found = assess(text)
    assert found.danger
    assert (found.writer, found.agent) == (writer, agent)


def test_a_child_gets_linka_bezpeci_first() -> None:
    assert numbers("nevlastní táta mi ubližuje")[0] == "116 111"
    assert numbers("ve škole mě šikanujou, je mi 12")[0] == "116 111"


def test_acute_danger_puts_the_emergency_number_first() -> None:
    assert numbers("spolykala jsem všechny prášky")[0] == "155"
    assert numbers("děda nedýchá")[:1] == ["155"]
    assert numbers("soused ji právě mlátí")[:2] == ["112", "158"]


def test_violence_brings_the_line_for_victims_and_a_senior_the_seniors_line() -> None:
    assert numbers("manžel mě bije")[0] == "116 006"
    assert "800 200 007" in numbers("syn mě bije a bere mi důchod")
    assert numbers("nechci už žít")[:2] == ["116 111", "116 123"]  # no sign of age: the young line first


def test_the_emergency_number_is_always_among_the_lines() -> None:
    for text in ("nechci už žít", "manžel mě bije", "je mi 14 a utekl jsem z domova", "děda nedýchá"):
        assert "112" in numbers(text), text


def test_an_adult_who_left_home_is_not_an_alarm_but_a_child_is() -> None:
    assert not assess("vyhodili mě z bytu, hledám bydlení").danger
    assert assess("je mi 16 a vyhodili mě z domu").danger


def test_new_national_lines_carry_their_source() -> None:
    lines = {line.number: line for line in load_crisis_lines()}
    for number in ("116 111", "800 200 007", "116 006", "116 123", "251 511 313", "116 000"):
        assert lines[number].source.startswith("https://"), number


def test_a_rule_naming_an_unknown_concept_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pojmy.csv").write_text("pojem,preklepy,vzory\nME,ne,me mi\n", encoding="utf-8")
    (tmp_path / "pravidla.csv").write_text("kategorie,pojmy,okno,akutni,krome\nviolence,HIT ME,3,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="neznámý pojem 'HIT'"):
        DangerDetector.from_files(tmp_path)


def test_a_concept_defined_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pojmy.csv").write_text("pojem,preklepy,vzory\nME,ne,me\nME,ne,mi\n", encoding="utf-8")
    (tmp_path / "pravidla.csv").write_text("kategorie,pojmy,okno,akutni,krome\nviolence,ME,3,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="pojem 'ME' je uveden dvakrát"):
        DangerDetector.from_files(tmp_path)


def test_rules_in_data_drive_the_detector(tmp_path: Path) -> None:
    (tmp_path / "pojmy.csv").write_text("pojem,preklepy,vzory\nME,ne,me\nPOKE,ano,stouchá*\n", encoding="utf-8")
    (tmp_path / "pravidla.csv").write_text(
        "kategorie,pojmy,okno,akutni,krome\nviolence,POKE ME,2,,\n", encoding="utf-8"
    )
    detector = DangerDetector.from_files(tmp_path)
    assert detector.assess("pořád mě stouchá").danger
    assert not detector.assess("stouchá do vody klackem").danger


def test_a_denied_concept_anywhere_can_make_a_match_harmless(tmp_path: Path) -> None:
    (tmp_path / "pojmy.csv").write_text(
        "pojem,preklepy,vzory\nNEG,ne,ne\nFEAR,ne,bojím\nHOME,ne,domů\nCOPE,ne,zvládnu\n", encoding="utf-8"
    )
    (tmp_path / "pravidla.csv").write_text(
        "kategorie,pojmy,okno,akutni,krome\nviolence,FEAR HOME,3,,*COPE!\n", encoding="utf-8"
    )
    detector = DangerDetector.from_files(tmp_path)
    assert detector.assess("bojím se jít domů").danger
    assert not detector.assess("vracím se domů a bojím se, že to sám nezvládnu").danger
    assert detector.assess("bojím se jít domů, zvládnu to jen s vámi").danger


@pytest.mark.parametrize(
    "text",
    [
        "Po pobytu v léčebně jedu zpátky domů a bojím se, že tu samotu nezvládnu.",
        "Před mnoha lety mě na učilišti šikanovali a zmlátili. Dnes hledám skupinu pro bývalé pijáky.",
    ],
)
def test_fear_of_not_coping_and_bullying_long_ago_are_no_alarms(text) -> None:
    assert not assess(text).danger


def test_a_child_afraid_to_go_home_is_still_heard() -> None:
    assert assess("tata me bije, bojim se jit domu").danger
    assert assess("мама мене б'є, я боюся йти додому сьогодні").danger


# --- weak signals, writers and harmless contexts ---------------------------------------------


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("acute_crisis", "sedím v autě, klepu se, bojím se a potřebuju pomoc"),
        ("medical_emergency", "je mi strašně zle, motá se mi hlava a zvracím"),
        ("violence", "zase řve a třískne mě, zamkla jsem se, je tu nůž"),
    ],
)
def test_several_weak_signals_add_up_to_danger(category, text) -> None:
    assert category in assess(text).categories


def test_a_single_weak_signal_is_not_an_alarm() -> None:
    assert not assess("bojím se, že nestihnu podat žádost o příspěvek").danger
    assert not assess("je mi zle z toho úřadu, kde najdu poradnu?").danger


def test_weak_signals_are_not_read_through_typos(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "pojmy.csv").write_text("pojem,preklepy,vzory\nFIT,ano,krecovity\nWEAK,ne,strach\n", encoding="utf-8")
    (folder / "pravidla.csv").write_text("kategorie,pojmy,okno,akutni,krome\n", encoding="utf-8")
    (folder / "signaly.csv").write_text(
        "pojem,vaha,kategorie,akutni\nFIT,2,medical_emergency,ano\nWEAK,1,acute_crisis,\n", encoding="utf-8"
    )
    detector = DangerDetector.from_files(folder)
    assert detector.assess("strach a krecovity stav").categories == {"medical_emergency"}
    assert not detector.assess("strach a krocovity stav").danger  # one letter off: no signal


def test_an_unknown_concept_in_the_signals_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "pojmy.csv").write_text("pojem,preklepy,vzory\nWEAK,ne,strach\n", encoding="utf-8")
    (folder / "pravidla.csv").write_text("kategorie,pojmy,okno,akutni,krome\n", encoding="utf-8")
    (folder / "signaly.csv").write_text("pojem,vaha,kategorie,akutni\nFEAR,1,acute_crisis,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="signaly.csv: neznámý pojem 'FEAR'"):
        DangerDetector.from_files(folder)


def test_a_parent_spoken_of_in_a_crisis_means_a_young_writer() -> None:
    found = assess("zase jsem se pořezala, mamka o tom neví")
    assert found.writer == "child"
    assert numbers("zase jsem se pořezala, mamka o tom neví")[0] == "116 111"


def test_self_harm_with_nothing_grown_up_goes_to_linka_bezpeci_first() -> None:
    assert assess("řežu se do stehen a nevím, jak přestat").writer == "child"
    assert assess("řežu se, manžel o tom neví").writer == "adult"


def test_a_laughing_emoji_marks_a_joke() -> None:
    assert not assess("ten test z matiky mě zabije 😂 kde je doučování?").danger
    assert "violence" in assess("zamkla jsem se v koupelně, on mě zabije").categories


def test_something_resolved_is_not_an_alarm() -> None:
    assert not assess("kdysi mě šikanovali, už je to vyřešené, hledám kurz angličtiny").danger


def test_a_conditional_threat_is_recognised() -> None:
    assert "threats" in assess("soused říká, ať mu dám peníze, jinak mi podpálí dům").categories


def test_a_joking_tone_does_not_undo_self_harm() -> None:
    assert not assess("ve hře mě zase zabili 😂 je tu nějaký herní kroužek?").danger
    assert "self_harm" in assess("zase jsem se pořezala lol, asi to není normální").categories


def test_lying_under_a_train_and_a_conditional_beating_are_recognised() -> None:
    assert "suicide" in assess("pořád myslím, že si lehnu pod vlak").categories
    assert "threats" in assess("když nedám peníze, zmlátí mě").categories


def test_a_wish_not_to_wake_up_and_no_sense_in_living_are_suicidal() -> None:
    assert "suicide" in assess("nechci se už ráno probudit").categories
    assert "suicide" in assess("nevidím smysl dál žít").categories


def test_hiding_cuts_and_cutting_again_after_a_good_time_are_self_harm() -> None:
    assert "self_harm" in assess("jak schovat jizvy před mámou").categories
    assert "self_harm" in assess("rok jsem byla v pohodě a teď jsem se zase pořezala").categories


def test_a_carer_leaving_someone_lying_in_their_waste_is_recognised() -> None:
    assert "violence_carer" in assess("v domově nechávají dědu ležet ve výkalech celý den").categories


@pytest.mark.parametrize(
    "text",
    [
        "dělám do školy prezentaci o tom, jak pomoct dětem, které doma někdo mlátí",
        "píšu seminárku o týraných seniorech, kde najdu čísla za Olomoucký kraj?",
        "a novel I am reading: the husband beats his wife and she runs to a shelter. Is that realistic?",
        "готую реферат про булінг у школах, які є служби?",
    ],
)
def test_violence_as_the_topic_of_a_school_work_or_a_story_is_no_alarm(text) -> None:
    assert not default_detector().assess(text).danger


@pytest.mark.parametrize(
    "text",
    ["po tom seriálu se chci zabít", "ten film byl o mně, už nechci žít"],
)
def test_a_topic_never_hides_a_wish_to_die(text) -> None:
    assert default_detector().assess(text).danger


def test_a_past_attempt_with_a_good_life_now_is_no_alarm_but_again_is() -> None:
    detector = default_detector()
    well_now = "před třemi lety jsem se pokusila o sebevraždu, po terapii je mi dobře a hledám práci"
    assert not detector.assess(well_now).danger
    assert detector.assess("před třemi lety jsem se pokusila o sebevraždu a zase na to myslím").danger


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("můj starší brácha (20) mě bije, když rodiče nejsou doma", "child"),
        ("sestřenice (23) mi vyhrožuje, že rozešle moje fotky, já mám 14", "child"),
        ("moje máma (81) má modřiny, bratr ji bije, když pije", "senior"),
        ("můj syn (40) mě bije a bere mi důchod", "senior"),
    ],
)
def test_the_age_of_a_grown_relative_never_makes_the_writer_an_adult(text, writer) -> None:
    assert assess(text).writer == writer


@pytest.mark.parametrize(
    "text", ["chodím do druháku na gymplu a přítel mi dává pěsti", "před přijímačkama mě otčím zmlátil"]
)
def test_school_years_and_exams_say_a_young_person_writes(text) -> None:
    assert assess(text).writer == "child"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("soused na mě sahá, kde nemá, a říká ať to nikomu neříkám", "sexual_violence"),
        ("bratranec mi v noci leze do postele, kdykoli u nás přespává", "sexual_violence"),
        ("na kameře jsme viděli, jak ji pečovatelka plácá přes obličej", "violence"),
        ("spolubydlící mi vyhrožujou, že mi něco udělají", "threats"),
    ],
)
def test_how_children_and_families_describe_abuse_is_recognised(text, category) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "jsem v deváté třídě a píšu referát o šikaně, kam se můžou děti obrátit?",
        "I am a student writing an essay on domestic abuse, which services exist in Přerov?",
        "пишу курсовую о травле в школе, где взять данные?",
    ],
)
def test_a_writer_of_school_work_about_violence_is_no_alarm_even_saying_i_am(text) -> None:
    assert not assess(text).danger


def test_school_work_never_hides_the_writer_being_hurt() -> None:
    assert assess("mám psát slohovku, ale spolužáci mě každý den mlátí").danger


def test_saying_it_does_not_concern_me_clears_a_question_about_violence() -> None:
    assert not assess("zajímá mě, jak funguje intervenční centrum u domácího násilí, mě se to netýká").danger
    assert assess("zajímá mě, jak funguje intervenční centrum, manžel mě bije").danger


@pytest.mark.parametrize(
    "text",
    [
        "táta měl před dvěma lety mrtvici, teď je stabilizovaný, hledáme denní stacionář",
        "mum had a stroke two years ago and has fully recovered, is there a lunch club for seniors?",
    ],
)
def test_an_old_illness_now_stable_is_no_emergency(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    ["to horko mě zabije, je nějaká klimatizovaná klubovna pro seniory?", "шеф меня убьёт, хаха, где детский сад?"],
)
def test_heat_or_a_boss_that_will_kill_me_is_a_figure_of_speech(text) -> None:
    assert not assess(text).danger


def test_a_partner_who_will_kill_me_is_still_a_threat() -> None:
    assert assess("manžel řekl, že mě zabije, jestli odejdu").danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "pro rodinu budu mrtvej cennější, aspoň dostanou pojistku"),
        ("suicide", "honestly they would be better off with me dead"),
        ("suicide", "nechal jsem na stole dopis na rozloučenou, kde je poradna pro dluhy?"),
        ("suicide", "я не вижу смысла жить без неё"),
        ("threats", "exekutor ne, ale lichvář vyhrožuje, že nám podpálí dům kvůli dluhu"),
        ("self_harm", "když to nezvládám, kousnu se do ruky, až teče krev"),
        ("violence", "my grandson yells at me all the time and yesterday he slapped me"),
    ],
)
def test_indirect_and_mixed_danger_is_recognised(category, text) -> None:
    assert category in assess(text).categories


def test_asking_how_to_call_an_ambulance_puts_the_emergency_number_first() -> None:
    found = assess("мама вся серая, жалуется на сердце, как вызвать скорую?")
    assert "medical_emergency" in found.categories and found.acute
    assert numbers("мама вся серая, жалуется на сердце, как вызвать скорую?")[0] in ("155", "112")


def test_killing_time_is_no_alarm() -> None:
    assert not assess("just killing time before my appointment, where is the day centre?").danger


@pytest.mark.parametrize(
    "text",
    [
        "přítel mě vyhodil z bytu, kde se dá v Přerově přespat?",
        "je mi 40, spím v autě, potřebuju noclehárnu",
        "manžel odešel a na nájem sama nemám",
        "čekám na nádraží na vlak, kde je tu sociální odbor?",
    ],
)
def test_an_adult_without_a_home_is_helped_to_a_roof_not_given_an_alarm(text) -> None:
    assert not assess(text).danger


def test_ran_is_running_away_only_with_away() -> None:
    rules = DangerDetector.from_files()
    assert not rules.assess("I ran to the town hall but the social office was already closed").danger
    assert "running_away" in rules.assess("I am 14 and I ran away last night").categories


def test_an_adult_who_ran_from_a_partner_in_fear_is_an_alarm() -> None:
    assert assess("utekla jsem od manžela, bojím se, že mě najde").danger


@pytest.mark.parametrize(
    "text",
    ["dcera (15) odešla po hádce a píše, ať ji nehledáme, nehledejte mě", "syn (13) utekl z domu a nebere telefon"],
)
def test_a_child_who_left_home_is_an_alarm(text) -> None:
    assert "running_away" in assess(text).categories


def test_violence_long_ago_is_no_alarm_but_fear_now_is() -> None:
    assert not assess("jako dítě mě před lety bil otčím, dnes je mi 35 a chci terapii").danger
    assert assess("před lety mě bil otčím a pořád se bojím, když přijde").danger


def test_someone_following_me_home_is_a_threat() -> None:
    assert "threats" in assess("some guy keeps following me home from the tram stop").categories


def test_nothing_keeps_me_alive_is_suicidal() -> None:
    assert "suicide" in assess("mám dluhy a už mě nic nedrží naživu").categories


def test_a_stroke_gone_through_long_ago_is_no_emergency() -> None:
    assert not assess("babička prodělala mrtvici, potřebuje polohovací postel").danger


def test_a_child_who_cannot_breathe_while_crying_in_panic_gets_linka_bezpeci_first() -> None:
    text = "je mi 13, mám záchvat paniky, nemůžu dýchat a brečím na záchodě ve škole"
    assert assess(text).danger and numbers(text)[0] == "116 111"


def test_someone_who_cannot_breathe_is_still_an_emergency() -> None:
    found = assess("děda nemůže dýchat a je celý modrý")
    assert "medical_emergency" in found.categories and found.acute


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("sexual_violence", "nějaký kluk chce moje fotky bez oblečení, jinak je pošle spolužákům"),
        ("violence", "sestra mě na noc přivazuje k posteli"),
        ("violence", "mám zase modřiny od vařečky, nikomu to neřeknu"),
        ("medical_emergency", "od rána mám slabost v pravé ruce a plete se mi jazyk"),
        ("medical_emergency", "malý snědl dědovy prášky na tlak"),
        ("threats", "někdo stojí před domem a snaží se otevřít dveře"),
        ("threats", "vnuk mi vyhrožuje nožem"),
        ("suicide", "sedím na zábradlí nad řekou"),
        ("suicide", "honestly gonna kms"),
        ("self_harm", "když se poškrábu kružítkem, je mi líp"),
    ],
)
def test_danger_in_everyday_words_is_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "dělám kurz první pomoci pro seniory, jak poznat mrtvici?",
        "пишу диплом о домашнем насилии, сколько кризисных центров в регионе?",
        "v té hře mě zase zabili desetkrát za sebou, je tu nějaká herna pro mladé?",
        "po mrtvici mám slabou ruku a potřebuju pomoct s oblékáním",
    ],
)
def test_a_course_a_thesis_a_game_or_an_old_stroke_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_horni_mostenice_is_no_bridge_and_a_service_that_ended_is_no_suicide() -> None:
    assert not assess("do Kokor dřív jezdila pečovatelka, ale služba skončila, kdo ji nahradí?").danger
    assert "suicide" in assess("chci skočit z mostu").categories


def test_not_being_able_to_talk_to_anyone_is_no_stroke() -> None:
    assert "medical_emergency" not in assess("je mi 14 a s nikým o tom nemůžu mluvit").categories
    assert "medical_emergency" in assess("táta najednou nemůže mluvit a má pokleslý koutek").categories


def test_panic_attacks_under_a_psychiatrist_are_no_acute_crisis() -> None:
    assert not assess("mám úzkosti a panické ataky, psychiatra mám, hledám podporu v běžném životě").danger


def test_a_survivor_of_violence_asking_how_to_go_on_is_no_alarm() -> None:
    assert not assess("přežila jsem roky domácího násilí a teď hledám práci a bydlení").danger


def test_the_age_of_the_writers_small_child_does_not_make_the_writer_a_child() -> None:
    found = assess("přítel mě zbil a vyhodil z bytu, jsem s tříletým synem u sestry")
    assert found.danger and found.writer != "child"
    assert assess("je mi 15 let a táta mě zmlátil").writer == "child"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "schovávám si prášky na spaní už několik měsíců, pro případ, že to bude nejhorší"),
        ("suicide", "máma stále opakuje, že by nejradši ležela u táty na hřbitově"),
        ("threats", "lichvář vyhrožuje, že podpálí barák, nevím si rady s těma dluhama"),
    ],
)
def test_danger_hidden_in_a_practical_request_is_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "už jsem stará a jednou umřu, chci sepsat závěť",
        "tlak skáče, ale doktor prášky předepsal a všechno je v pořádku, potřebuju nakoupit",
        "z úřadu mi nikdo neodpovídá už měsíc, co s tím?",
    ],
)
def test_a_will_prescribed_pills_or_a_silent_office_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_a_wish_to_die_with_lol_is_still_an_alarm_but_a_laughing_joke_is_not() -> None:
    assert "suicide" in assess("honestly gonna kms, nobody would notice lol").categories
    assert not assess("zítra test z chemie, asi se zabiju xD, neví někdo o doučování?").danger


def test_youth_slang_makes_linka_bezpeci_first() -> None:
    assert numbers("having a breakdown rn help")[0] == "116 111"


@pytest.mark.parametrize(
    "text", ["jak si vyřídit přídavky na děti?", "utekl nám pes z domu, kde je útulek?", "kočka nám utekla"]
)
def test_child_benefits_and_a_runaway_pet_are_no_alarm(text) -> None:
    assert not assess(text).danger


def test_a_child_who_ran_away_with_a_dog_is_still_an_alarm() -> None:
    assert "running_away" in assess("je mi 14 a utekl jsem z domova i s naším psem").categories


def test_a_wish_to_die_with_no_sign_of_age_lists_the_young_peoples_line_first_then_the_adults() -> None:
    order = numbers("už nechci žít")
    assert order[:2] == ["116 111", "116 123"]


def test_a_classmate_in_danger_tells_that_a_school_child_writes() -> None:
    found = assess("spolužák omdlel a nedýchá, co mám dělat")
    assert found.writer == "child" and numbers("spolužák omdlel a nedýchá, co mám dělat")[:2] == ["155", "116 111"]


def test_a_grown_up_wish_to_die_lists_the_adults_line_first() -> None:
    order = numbers("jsem v důchodu, manžel umřel a já už nechci žít")
    assert "116 111" not in order and order[0] in ("116 123", "800 200 007")


def test_a_snack_taken_and_kicks_say_a_school_child_writes() -> None:
    assert numbers("zas mi sebrali svačinu a kopali mě")[0] == "116 111"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "už nechci bejt"),
        ("suicide", "dnes to ukončím"),
        ("suicide", "chci se odpojit natrvalo, zmizet navždy"),
        ("suicide", "which way is the least painful, asking for a friend"),
        ("suicide", "kolik prášků na spaní musím vzít najednou, za jak dlouho zaberou?"),
        ("running_away", "je mi 15 a doma mě nechtějí, kde můžu přespat?"),
        ("medical_emergency", "od rána rozmazaně vidím a levá ruka mi necítí"),
        ("threats", "říkali mámě, že když nedá peníze, přijdou a ublíží jí"),
        ("violence", "manžel mi bere telefon a nesmím jezdit za mámou"),
    ],
)
def test_danger_said_briefly_or_in_passing_is_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "je mi 15, doma se pořád hádají, kam můžu po škole chodit?",
        "před pěti lety jsem utekla od muže, co mě bil, je to dávno vyřešený, potřebuju příspěvek na bydlení",
        "I study social work and my course covers domestic violence, which organisations offer internships?",
    ],
)
def test_a_teen_who_would_rather_not_be_at_home_or_a_resolved_past_is_no_alarm(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("self_harm", "моя донька ріже руки, знайшла леза"),
        ("acute_crisis", "máma od rána tvrdí, že ji sledují přes televizi, a zamkla se"),
        ("threats", "муж сказал, что если уйду, у него дома ружьё"),
        ("suicide", "хочу тихо уйти, пока ещё могу"),
        ("suicide", "když se mi něco stane, dostanou děti pojistku?"),
        ("running_away", "je mi 15 a nechci domů, kde můžu přespat?"),
        ("running_away", "vypadla sem z baráku, kde přespat"),
        ("running_away", "i think i will leave home tonight and never come back"),
    ],
)
def test_danger_in_new_words_is_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "táta měl před měsícem infarkt, je doma a v pořádku, potřebujeme pečovatelku",
        "komu se hlásí týrání zvířat? soused mlátí svého psa",
        "je mi 15, doma se pořád hádají, kam můžu po škole chodit?",
    ],
)
def test_an_old_infarct_animal_cruelty_or_a_teen_avoiding_home_is_no_alarm(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("self_harm", "když je mi zle, píchám se nůžkama do nohy"),
        ("medical_emergency", "došel mi inzulín a je mi hrozně zle"),
        ("medical_emergency", "špatně se mi mluví a pravou rukou neudržím lžíci"),
    ],
)
def test_self_harm_with_scissors_and_a_senior_in_medical_trouble_are_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "chci dělat dobrovolnici v azylovém domě pro oběti domácího násilí",
        "ten víkend mě úplně zabil, kde je úřad práce?",
        "babička potřebuje píchat inzulín, jezdí k nám sestřička?",
    ],
)
def test_volunteering_a_hard_weekend_or_insulin_at_home_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_a_volunteer_who_saw_a_client_hit_is_an_alarm() -> None:
    assert assess("jako dobrovolník jsem viděl, jak pečovatelka uhodila babičku").danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("violence", "dostala jsem od mámy přes držku"),
        ("violence", "když nebude uklizeno, tak to od manžela zase schytám"),
        ("threats", "každou noc mi bývalý stojí pod oknem"),
        ("threats", "kluci ze třídy řekli, že zítra přinesou nůž"),
        ("threats", "he found my new address"),
        ("threats", "jestli nepřijdeš, zveřejním tvoje fotky"),
        ("medical_emergency", "došel mi inzulin a moc se mi točí hlava"),
        ("medical_emergency", "tatínkovi od oběda visí koutek, má povislou pusu"),
        ("suicide", "šetřím si léky na spaní"),
        ("suicide", "proč tu ještě jsem"),
        ("suicide", "лучше бы меня не было"),
        ("self_harm", "koupila jsem si žiletku"),
        ("acute_crisis", "nejím a nespím už týden"),
        ("running_away", "je mi 14, domů nepůjdu"),
    ],
)
def test_danger_said_in_slang_or_through_its_signs_is_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "nám by se hodil někdo na papíry",
        "máma sama doma být nemůže, co teď",
        "hrozí, že mě vyhodí z ubytovny",
        "chodí k nám exekutor a bojím se",
        "банк погрожує через кредит, де безкоштовна консультація",
    ],
)
def test_a_handy_helper_a_parent_alone_at_home_or_an_eviction_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_violence_at_home_with_no_sign_of_age_lists_the_young_peoples_line_then_the_victims() -> None:
    found = numbers("doma mě bijou")
    assert found.index("116 111") < found.index("116 006")


def test_violence_from_a_partner_lists_the_victims_line_first() -> None:
    assert numbers("manžel mě bije")[0] == "116 006"


@pytest.mark.parametrize(
    "text",
    [
        "jestli mi zase sebere telefon a nepusti me ven, tak nevim co udelam",
        "když táta přijde opilý, schovávám se pod postel a sestra brečí",
        "if my stepdad finds out i told anyone he will make me pay",
    ],
)
def test_a_softening_word_does_not_silence_a_model_that_is_sure(text) -> None:
    assert assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "prášky mám připravené na dnešní večer, ať to mají děti jednodušší",
        "táta mě dneska zamkl na balkoně a mrznu tu",
        "mám cukr 2,5 a třesu se",
    ],
)
def test_pills_ready_for_tonight_a_child_locked_out_in_the_cold_and_low_sugar_are_acute(text) -> None:
    assert assess(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "píšu povídku, kde vrah sleduje svou oběť, jak by postupovala policie?",
        "ten nový zákon mě fakt zabíjí, kde je právní poradna",
        "řezala jsem se v pubertě, teď mi je 35, jsem v pohodě a jizvy chci odstranit",
        "kdysi jsem odešla od násilníka a dnes bych ráda jako dobrovolnice pomohla v azylovém domě pro ženy",
        "kamarádka mi kdysi říkala, že ji doma bijou, ale už se to vyřešilo",
        "kdysi mě bil manžel, je to přes 20 let, teď potřebuju jen pomoc s nákupy",
        "we are making a poster about helplines for school",
    ],
)
def test_fiction_a_hard_law_a_past_long_over_or_a_school_poster_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_violence_long_ago_that_happens_again_is_an_alarm() -> None:
    assert assess("kdysi mě bil manžel a teď mě zase bije").danger


def test_a_parent_with_dementia_who_wanders_off_is_a_request_for_care_not_running_away() -> None:
    assert not assess("táta má demenci a pořád utíká z bytu, hledáme domov").danger
    assert assess("utekl jsem z domova a spím v parku").danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "stejně by mě nikomu nechyběla"),
        ("suicide", "how can i just stop existing"),
        ("running_away", "jak dlouho můžu zůstat venku, než mě začne hledat policie"),
        ("violence", "bývalý řekl, že mě zastřelí"),
        ("medical_emergency", "děda je od rána zmatený a má horečku"),
    ],
)
def test_wishing_not_to_exist_hiding_from_the_police_and_a_feverish_confusion_are_recognised(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "chci darovat peníze azylovému domu pro ženy, oběti násilí",
        "natáčíme podcast o jednom starém případu pronásledování",
        "můj pokus o sebevraždu byl před deseti lety, dnes jsem v pořádku a ráda bych byla dobrovolnicí na lince",
    ],
)
def test_a_donation_a_podcast_or_a_survivor_who_volunteers_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_a_club_that_was_closed_is_no_one_locked_in() -> None:
    assert not assess("chodil do kroužku, ale zavřeli ho, kam teď?").danger
    assert assess("zavřeli ho do sklepa a nechtějí ho pustit").danger


@pytest.mark.parametrize(
    "text",
    [
        "jako psycholožka hledám, kam odkazovat klienty se sebevražednými myšlenkami",
        "umřela jsem hanbou, když jsem zakopla před třídou",
        "umřu, jestli nedodělám ten úkol z dějepisu",
        "v dramaťáku chystáme představení o šikaně",
    ],
)
def test_a_professional_looking_for_contacts_or_dying_of_shame_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_shooting_oneself_is_still_a_wish_to_die_and_shooting_someone_else_is_not() -> None:
    assert "suicide" not in assess("já ho snad zastřelím").categories
    assert "suicide" in assess("mám doma pušku a asi se zastřelím").categories
    assert "suicide" in assess("хочу застрелиться").categories


@pytest.mark.parametrize(
    "text",
    [
        "malý vypil savo a teď zvrací",
        "od rána se mi rozmazává vidění a motá se mi hlava",
        "hrozně mě tlačí na hrudi a bolest vystřeluje do ruky",
    ],
)
def test_a_child_who_drank_bleach_blurred_sight_with_dizziness_and_chest_pressure_are_acute(text) -> None:
    found = assess(text)
    assert "medical_emergency" in found.categories and found.acute


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "ptám se na exekuci, i když do Vánoc už tu stejně nebudu"),
        ("suicide", "za jak dlouho začnou působit léky, když jich spolknu hodně?"),
        ("medical_emergency", "babičce najednou spadl koutek a mluví nesrozumitelně"),
        ("running_away", "syn (14) včera v noci nepřišel domů a mobil má vypnutý"),
        ("running_away", "spím u kámoše a nechci se vrátit domů, máma by mě zabila za tu čtyřku"),
        ("self_harm", "meni 15, ja rizhu sobi ruky"),
        ("threats", "volají vymahači a vyhrožují, že najdou moji dceru u školy"),
    ],
)
def test_danger_said_in_passing_or_in_other_words_is_heard(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "majitel nás vystěhoval, stojím venku s tříměsíčním miminkem a už je tma, je večer",
        "partnerka mě vyhodila z domu, už druhou noc spím v dodávce a venku je minus dvanáct",
    ],
)
def test_an_adult_without_a_roof_in_the_frost_or_with_a_baby_outside_gets_the_lines(text) -> None:
    assert assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "táta mě zabije, jak uvidí tu pětku z fyziky, haha. Je někde doučování zdarma?",
        "ty poplatky mě zabíjí, existuje na družinu nějaká sleva?",
        "letos mi ještě nepřišel důchod a nemám na složenky",
        "je mi 20, mám půlroční dítě a táta mě chce z bytu vystěhovat, kam se obrátit",
    ],
)
def test_hyperbole_a_late_pension_and_a_threat_of_losing_a_home_are_no_alarms(text) -> None:
    assert not assess(text).danger


def test_an_age_given_as_mam_28_makes_the_writer_a_grown_up() -> None:
    assessment = assess("včera mě vyhodili z ubytovny, spím u kámoše, mám 28 a brigádu, je mínus deset")
    assert assessment.danger and assessment.writer == "adult"


def test_asking_how_long_pills_take_is_danger_but_not_yet_an_emergency() -> None:
    asked = assess("za jak dlouho zaberou tablety na spaní, když jich někdo vezme hodně najednou?")
    ready = assess("mám nachystané prášky a dneska si je vezmu všechny")
    assert "suicide" in asked.categories and not asked.acute
    assert ready.danger and ready.acute


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("sexual_violence", "вітчим заходить у ванну, коли я там, і дивиться на мене"),
        ("acute_crisis", "Já už nemůžu dál, sedím na lavičce a jen brečím."),
        ("violence", "táta zase rozbíjí nábytek, bojím se být doma, je mi 14"),
    ],
)
def test_watching_a_child_bathe_and_not_being_able_to_go_on_are_heard(category, text) -> None:
    assert category in assess(text).categories


def test_not_managing_to_pay_any_longer_is_no_crisis_alarm() -> None:
    assert not assess("nemůžu dál platit dluhy, kde je dluhová poradna?").danger


def test_afraid_to_be_home_alone_after_a_burglary_is_no_alarm() -> None:
    assert not assess("Minulý měsíc se k nám někdo vloupal, od té doby se bojím být doma sám.").danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("self_harm", "I relapsed today, months clean and now cutting again"),
        ("acute_crisis", "vcera me propustili, nemam kam jit a bojim se, co si v noci udelam"),
        ("violence", "když jsem mu řekla, že odejdu, zlomil mi ruku"),
        ("violence", "syn na mě řve a když mu nedám na cigarety, dá mi ránu"),
    ],
)
def test_a_relapse_fear_of_oneself_tonight_and_hidden_blows_are_heard(category, text) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "ségru zabiju, snědla mi celou čokoládu, jinak kdy je otevřený klub pro mládež?",
        "honestly these forms are killing me, is there anyone to help?",
        "děda měl loni mrtvici, kde požádat o příspěvek na péči?",
        "škola pořádá ukázku, jak pomoct při infarktu, můžou přijít i rodiče?",
        "my wife and I broke up last month and I need advice about seeing our daughter, who can help?",
    ],
)
def test_hyperbole_over_food_and_forms_a_past_stroke_and_a_first_aid_show_are_no_alarms(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "manžel mě léta bil, před rokem jsem se konečně odstěhovala k sestře a teď řeším rozvod",
        "years ago I left a violent husband, now I need help with a rental deposit",
    ],
)
def test_violence_left_behind_years_ago_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_running_away_a_few_days_ago_still_is() -> None:
    assert "running_away" in assess("je mi 15, před třemi dny jsem odešla z domu a spím u kámošky").categories


@pytest.mark.parametrize(
    "text",
    [
        "otec nás jako malé mlátil páskem, dnes je mi 45 a sháním pečovatelku pro mámu",
        "řezala jsem se jako teenagerka, to je dvacet let, teď hledám rekvalifikaci",
        "when I was a kid my stepdad hit us, now I'm 40 and looking for a carers' group",
        "коли я була маленькою, батько нас бив, зараз шукаю роботу в Пршерові",
        "v roce 1995 mě šikanovali na vojně, teď hledám klub pro seniory",
    ],
)
def test_harm_told_years_back_with_nothing_going_on_is_no_alarm(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "strýc mě jako malou osahával a teď zjistím, že hlídá moji neteř",
        "jako teenagerka jsem se řezala a zase to začalo",
        "před deseti lety jsem se pokusila zabít a teď už zase nechci žít",
        "sestra je jako dítě a spolubydlící ji nutí se svlékat",
    ],
)
def test_a_past_that_goes_on_or_a_likeness_to_a_child_stays_danger(text) -> None:
    assert assess(text).danger


def test_years_ago_is_no_age_of_the_writer() -> None:
    found = assess("před 10 lety mě manžel bil a teď začal znovu")
    assert found.danger and found.writer != "child"


def test_a_broken_pattern_of_years_back_is_named_with_its_line(tmp_path) -> None:
    from bot.safety.rulebook import PHRASES_FILE, RULES_DIR

    for name in ("pojmy.csv", "pravidla.csv"):
        (tmp_path / name).write_text((RULES_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / PHRASES_FILE).write_text("# comment\nLONG_AGO \\bjako (mala\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"fraze\.txt:2: chybný vzor"):
        DangerDetector.from_files(tmp_path)


def test_slit_veins_are_suicide_and_right_now_an_emergency() -> None:
    found = assess("právě jsem si podřezala žíly, ale to je vedlejší")
    assert "suicide" in found.categories and found.acute
    assert not assess("řízla jsem se do prstu při vaření, kde je pohotovostní lékárna?").danger


def test_a_message_that_breaks_off_on_a_bridge_is_an_attempt_about_to_happen() -> None:
    found = assess("jsem na mostě u nádraží, jen jsem chtěl někomu napsat, než")
    assert "suicide" in found.categories and found.acute
    assert not assess("jsem na mostě u nádraží, kudy na úřad práce?").danger


def test_having_decided_to_be_done_with_it_all_is_suicidal() -> None:
    assert "suicide" in assess("i have decided that i am done with it all, who takes care of my cat").categories


def test_a_high_fever_without_getting_up_is_a_medical_emergency() -> None:
    assert "medical_emergency" in assess("mám horečku přes 40 a nemůžu vstát z postele").categories


@pytest.mark.parametrize(
    "text",
    ["ve hře mi dneska umřela postava už potřetí lol, je tu herna?", "píšu knihu o ženě, která utíká před manželem"],
)
def test_a_death_in_a_game_and_a_book_about_fleeing_are_no_alarms(text) -> None:
    assert not assess(text).danger


def test_an_abuser_from_childhood_who_now_runs_a_camp_for_children_is_danger() -> None:
    assert assess("jako malou mě zneužíval trenér a teď vede letní tábor pro děti").danger


def test_calm_now_after_violence_is_no_alarm_but_peace_after_i_am_gone_is_suicide() -> None:
    assert not assess("před dvěma roky mě přítel bil, odešla jsem a teď už je klid, hledám brigádu").danger
    assert "suicide" in assess("vezmu si všechny ty prášky a konečně bude klid").categories


def test_failing_a_school_year_and_parents_who_will_kill_me_are_no_threat() -> None:
    assert not assess("hrozí mi propadnutí z fyziky a rodiče mě zabijou, kde je doučování?").danger


def test_someone_walking_after_me_is_a_threat_but_a_wife_going_to_work_is_not() -> None:
    assert "threats" in assess("nějaký chlap chodí za mnou až k baráku a bojím se").categories
    assert not assess("žena chodí do práce a já se bojím, že doma upadnu, chci tlačítko").danger


def test_a_survivor_for_whom_all_is_calm_now_is_no_alarm() -> None:
    assert not assess("пережила насилие от мужа, теперь живу отдельно и всё спокойно, ищу работу").danger


def test_the_age_of_the_writers_little_one_makes_no_child_writer() -> None:
    found = assess("s přítelem a malým (2 roky) spíme u známých, majitel nás vyhodil a bojím se o malého")
    assert found.writer != "child"


def test_an_adult_homeless_for_months_is_no_runaway_child() -> None:
    assert not assess("jsem bez domova už 4 měsíce, spím u kamaráda na gauči, kde si najdu práci?").danger


def test_a_parent_whose_folks_will_not_take_them_in_is_no_child() -> None:
    found = assess("nemáme na nájem, majitel nás vyhodil, já a malej, naši nás nevezmou a bojím se")
    assert found.writer != "child"


def test_a_son_who_ran_away_is_danger_until_he_is_back_and_fine() -> None:
    assert "running_away" in assess("syn utekl z domu a od včera nebere telefon, co mám dělat").categories
    assert not assess("syn utekl z domu, ale druhý den se vrátil a je v pořádku, hledáme rodinnou poradnu").danger


def test_a_letter_written_for_after_i_am_gone_is_suicidal() -> None:
    text = "dopis pro mámu mám hotový, jen chci dořešit dluhy, ať to po mně nemusí řešit"
    assert "suicide" in assess(text).categories


def test_a_club_closed_in_russian_is_no_one_locked_in() -> None:
    assert not assess("в Пршерове был клуб для подростков, но его закрыли, есть что-то другое?").danger


def test_by_the_words_alone_a_childs_plan_with_pills_puts_linka_bezpeci_first_and_112_among_the_lines() -> None:
    words_only = DangerDetector.from_files()  # the rules without the learned model's "acute"
    found = words_only.assess("je mi 13, mám schovaný táty prášky na srdce a večer to všechno skončím")
    order = [line.number for line in lines_for(found, load_crisis_lines())]
    assert found.writer == "child" and not found.acute and order[0] == "116 111" and "112" in order
    grown = words_only.assess("je mi 40, mám schované prášky na srdce a večer to všechno skončím")
    assert grown.acute


@pytest.mark.parametrize(
    "text",
    [
        "brácha mě vždycky když se opije vytahuje z vozíku a nechá mě ležet",
        "manžel mi při hádce schová vozík, abych nemohla odejít",
        "přítel mě při hádkách tlačí ke zdi a tiskne mi krk, ale jinak je hodný",
        "she pins me to the wall when she is angry and I'm scared to tell anyone",
    ],
)
def test_hurting_a_person_in_a_wheelchair_and_choking_are_violence(text) -> None:
    assert "violence" in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "pečovatel mě zamyká v bytě a odchází. už dva dny nemám vodu",
        "I have type 1 diabetes, no insulin left since Monday and I keep vomiting",
        "spím venku u řeky, v noci bylo minus 10. necítím prsty na nohou",
        "I'm standing on the bridge over the river. I wanted to tell someone before I jump.",
    ],
)
def test_lasting_lockup_without_water_insulin_frost_and_a_bridge_put_emergency_first(text) -> None:
    found = assess(text)
    assert found.danger and found.acute


@pytest.mark.parametrize(
    "text",
    [
        "ten test z chemie mě fakt zabil 💀 kdy má otevřeno ten klub?",
        "při hokeji jsem si zlomil ruku, kdo mi pomůže s nákupy, než sundají sádru?",
        "my aunt asked me to find out about home help for her in Kojetín",
        "připravuji metodiku pro obec: kam obecně posílat seniory ohrožené násilím? případ nemám",
        "řezala jsem se v pubertě, je to přes dvacet let a jsem v pořádku, chci se zapojit jako dobrovolnice",
    ],
)
def test_a_skull_joke_a_sports_injury_finding_out_a_method_and_old_scars_are_no_alarms(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "last year I finally left a violent boyfriend and I'm safe now, I need a cheap flat",
        "bývalý mě léta ponižoval, ale je to za mnou, teď řeším jen výživné",
        "після насильства в сім'ї я живу окремо і все спокійно, шукаю роботу",
    ],
)
def test_violence_left_behind_last_year_or_said_to_be_over_is_no_alarm(text) -> None:
    assert not assess(text).danger


def test_a_son_who_grabbed_my_throat_last_week_is_still_danger() -> None:
    assert assess("minulý týden mě syn chytil pod krkem, když jsem mu nedala peníze").danger


def test_a_mother_who_cannot_go_home_after_hospital_is_no_runaway() -> None:
    assert not assess("mámu pouští z léčebny, domů už nemůže, je ležící, kam s ní?").danger


@pytest.mark.parametrize(
    "text",
    [
        "byla jsem obětí domácího násilí, muž teď sedí ve vězení a já nemám na činži",
        "po rozvodu s agresivním mužem jsem sama se synem a potřebuju hlídání, abych mohla do práce",
        "zažila jsem domácí násilí od manžela, dnes hledám svépomocnou skupinu pro ženy",
        "prožila jsem s ním roky týrání, teď chci jen poradnu kvůli dluhům",
    ],
)
def test_a_victim_in_the_past_and_a_divorce_from_a_violent_man_are_no_alarm(text) -> None:
    assert not assess(text).danger


def test_a_son_back_after_his_divorce_who_beats_me_since_then_is_danger() -> None:
    assert assess("po rozvodu se syn vrátil bydlet ke mně a od té doby mě bije").danger


def test_a_survivor_who_is_followed_again_is_danger() -> None:
    assert assess("zažila jsem znásilnění a teď mě zase pronásleduje").danger


@pytest.mark.parametrize(
    "text",
    [
        "kdo by si vzal našeho psa, kdyby se mi něco stalo? všechno ostatní už mám vyřízené",
        "хто може взяти мого кота? я вже все вирішила, лише за нього хвилююсь",
        "who could take my dog if anything happens to me, I've sorted out the will",
    ],
)
def test_handing_over_a_pet_with_everything_else_settled_is_a_farewell(text) -> None:
    assert "suicide" in assess(text).categories


def test_pushed_down_the_stairs_at_the_weekend_is_violence_but_a_weekend_that_killed_me_is_not() -> None:
    assert "violence" in assess("on saturday my girlfriend shoved me down the stairs at her place").categories
    assert not assess("ten víkend mě fakt zabil, kde je úřad práce?").danger


def test_lmao_and_a_laughing_heart_attack_idiom_are_jokes() -> None:
    assert not assess("that exam literally killed me lmao, is there a youth club?").danger
    assert not assess("tchyně mě jednou přivede k infarktu 😄 hledám pro ni domov pro seniory").danger


def test_a_writer_who_says_they_are_a_parent_is_no_child() -> None:
    found = assess("jsem máma dvou kluků, jejich otec na ně byl agresivní a já potřebuju poradit s výchovou")
    assert found.writer != "child"


def test_being_threatened_with_the_gas_cut_off_for_arrears_is_no_threat() -> None:
    assert not assess("nemám na zaplacení plynu a hrozí, že mi ho odpojí, kdo mi poradí?").danger


@pytest.mark.parametrize(
    "text",
    ["ten bot pořád neodpovídá", "nefunguje to, nikdo neodpovídá na nic", "бот не отвечает уже час"],
)
def test_a_chat_or_device_that_does_not_answer_is_no_emergency(text) -> None:
    assert not assess(text).danger


def test_a_person_who_does_not_answer_is_still_an_emergency() -> None:
    found = assess("soused leží na chodbě a neodpovídá")
    assert "medical_emergency" in found.categories and found.acute


def test_a_word_of_fetching_is_not_read_as_a_typo_of_a_burden() -> None:
    assert not assess("přivez mi z Lipníku tu sekačku").danger
    assert assess("jsem pro všechny jen přítěž").danger


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("dcera vdechla kuličku a celá zmodrala", "medical_emergency"),
        ("брат поперхнулся конфетой и посинел", "medical_emergency"),
        ("dítě spolklo prášek do myčky a zvrací", "medical_emergency"),
        ("kamarád psal, že hodí mašli", "suicide"),
        ("rozloučila jsem se se všemi, provaz je připravený", "suicide"),
        ("vyhodil nás pronajímatel, nemáme kam jít a venku je tma", "acute_crisis"),
        ("všechno je k ničemu, nic nemá smysl", "acute_crisis"),
        ("zdrhnu z domova, je mi 14", "running_away"),
    ],
)
def test_short_danger_the_model_may_not_carry_alone_is_read_by_the_rules(text, category) -> None:
    assert category in DangerDetector.from_files().assess(text).categories


def test_choking_on_food_is_acute_and_is_no_hand_at_the_throat() -> None:
    found = assess("dcera vdechla kuličku a celá zmodrala")
    assert found.acute and not found.violent


@pytest.mark.parametrize("text", ["je mi 15, nemám kam jít a venku už je tma", "мне 16, мне некуда идти, мама выгнала"])
def test_a_child_with_nowhere_to_go_is_running_away(text) -> None:
    assert assess(text).categories == {"running_away"}


@pytest.mark.parametrize(
    "text",
    [
        "je mi 13, máma pracuje do večera a já po škole nemám kam jít. Jsou tu kroužky?",
        "byl jsem tam 4 roky a teď nemám kde bydlet, kde je azylák",
    ],
)
def test_nowhere_to_go_after_school_or_after_years_away_is_no_runaway_child(text) -> None:
    assert not assess(text).danger


def test_everything_lost_at_gambling_and_not_knowing_what_one_will_do_is_a_crisis() -> None:
    assert assess("v automatech jsem prohrál celý důchod a nevím, co udělám").danger


def test_not_knowing_what_to_do_with_a_broken_machine_is_no_crisis() -> None:
    assert not assess("nevím co udělám s tou starou pračkou, nikdo ji neopraví").danger


@pytest.mark.parametrize("text", ["как сделать, чтобы не проснуться", "jak to udělat, abych se ráno neprobudila"])
def test_asking_how_not_to_wake_up_is_suicide(text) -> None:
    assert "suicide" in assess(text).categories


def test_tenants_who_threaten_are_threats_not_a_matter_of_rent() -> None:
    assert "threats" in assess("ostatní nájemníci v domě mi vyhrožují, že mě zmlátí").categories


def test_not_waking_up_oneself_in_the_morning_is_no_emergency_but_someone_who_does_not_wake_is() -> None:
    assert not assess("ráno se nemůžu probudit, poraďte").danger
    assert assess("manžel leží v kuchyni a nemůžu ho probudit").acute


@pytest.mark.parametrize(
    "text",
    [
        "ta tiskárna mě zabije, zase nejde tisknout",
        "ten pes mě jednou zabije, pořád utíká ze zahrady",
        "tahle byrokracie mě zabije, kde se podává žádost o příspěvek?",
        "kolega mi vrazil nůž do zad a šéf mu věřil, kde najdu pracovní poradnu?",
    ],
)
def test_idioms_of_killing_and_knives_are_no_alarm(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "soused řekl, že mi podřízne psa a pak mě zabije",
        "manžel mi dal nůž na krk",
        "sestřenice poslala zprávu, že se zabije, a telefon nezvedá",
    ],
)
def test_a_threat_beside_a_pet_a_knife_at_the_throat_and_a_phone_not_answered_stay_danger(text) -> None:
    assert assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "předávání dětí po rozvodu je každý týden peklo, kde je mediace?",
        "potřebujeme sociální šetření kvůli příspěvku, kdo ho dělá?",
    ],
)
def test_a_real_word_is_no_typo_of_a_word_of_danger(text) -> None:
    assert not assess(text).danger


def test_another_form_of_a_word_of_danger_is_still_read_in_a_real_word() -> None:
    assert "violence" in assess("včera mě zase mlátili u školy").categories


def test_a_concept_reads_only_a_changed_ending_in_a_real_word() -> None:
    from bot.safety.reading import Concept

    beating = Concept("HIT", frozenset({"mlatil"}), (), typos=True)
    assert beating.matches_with_typo("mlatili", ending_only=True)
    assert beating.matches_with_typo("mlatyl")
    assert not beating.matches_with_typo("mlatyl", ending_only=True)


@pytest.mark.parametrize(
    "text",
    [
        "I look after my grandad since his stroke, he needs help with washing",
        "rodina potřebuje pomoc s domácností, jinak to skončí na OSPODu",
        "nezvládám úřady a hrozí mi, že přijdu o byt",
        "nemáme na elektřinu a hrozí, že nám ji odpojí",
    ],
)
def test_a_stroke_since_long_ago_a_family_ending_up_at_an_office_and_a_risk_of_losing_a_flat_are_no_alarm(text) -> None:
    assert not assess(text).danger


def test_a_partner_who_threatens_to_take_the_children_is_a_threat() -> None:
    assert "threats" in assess("manžel mi hrozí, že přijdu o děti").categories


@pytest.mark.parametrize(
    "text",
    [
        "manžel mě roky bil, teď jsme rozvedení a hledám poradnu kvůli výživnému",
        "колишня дружина била мене, тепер ми розлучені, шукаю юриста щодо дітей",
        "my ex-wife attacked me for years, we live apart now and I need advice on custody",
    ],
)
def test_violence_told_in_the_past_by_someone_divorced_or_apart_lies_behind(text) -> None:
    found = assess(text)
    assert not found.danger
    assert "violence" in found.behind


@pytest.mark.parametrize(
    "text",
    [
        "rozvedli jsme se, ale teď mě zase zmlátil",
        "už jsme od sebe, ale včera mě napadl u domu",
        "je mi 16, naši jsou rozvedení a táta mě u sebe bil",
    ],
)
def test_apart_but_beaten_now_yesterday_or_as_a_child_is_still_danger(text) -> None:
    assert assess(text).danger


@pytest.mark.parametrize(
    "text",
    ["Sedím na střeše paneláku. Už nemůžu.", "I'm standing on the bridge over the river. I can't anymore."],
)
def test_at_a_height_and_at_the_end_is_acute_suicide(text) -> None:
    found = assess(text)
    assert "suicide" in found.categories and found.acute


def test_outside_in_the_frost_with_a_small_child_is_acute() -> None:
    assert assess("spíme venku se synem (3), mrzne a nemáme kam jít").acute


@pytest.mark.parametrize(
    "text",
    [
        "Отец бил нас ещё в СССР, это было сорок лет назад. Как рассказать об этом детям?",
        "Читаю книгу, где мужа преследует бывшая жена. Есть ли в Чехии закон о преследовании?",
    ],
)
def test_a_beating_back_in_the_ussr_and_a_book_read_are_no_alarm(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "manžel mi čte všechny zprávy a nesmím nikam chodit",
        "my husband reads all my messages, I write from a friend's phone",
    ],
)
def test_a_partner_who_reads_every_message_is_control(text) -> None:
    assert "violence" in assess(text).categories


def test_better_to_fall_asleep_and_not_wake_is_suicide_even_beside_a_request_for_meals() -> None:
    text = "Je mi 79, žena umřela a bylo by lepší večer usnout a už se neprobudit. Vozíte obědy do Troubek?"
    found = assess(text)
    assert found.categories == {"suicide"}


def test_not_wanting_to_bother_anyone_is_no_harassment() -> None:
    assert not assess("nechci vás obtěžovat, ale potřebuju pečovatelku pro tátu").danger


@pytest.mark.parametrize(
    "text",
    [
        "už čtvrtý den nic nejím, chci být hubená jako ostatní holky",
        "we compete who can go longest without food, im on day 4",
    ],
)
def test_days_without_food_counted_or_as_a_contest_are_self_harm(text) -> None:
    assert "self_harm" in assess(text).categories


def test_a_secret_account_and_a_bed_for_the_children_if_it_gets_worse_is_violence_planned_for() -> None:
    text = "jak založit účet, o kterém manžel neví? a kde bych mohla spát s dětmi, kdyby bylo nejhůř"
    assert "violence" in assess(text).categories


@pytest.mark.parametrize(
    "text", ["postím se dva dny před vyšetřením, můžu pít vodu?", "chci založit dětem spořicí účet, kde je poradna?"]
)
def test_a_fast_before_a_test_and_a_savings_account_are_no_alarm(text) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "my stepdad is hitting my mum rn and i'm hiding in the wardrobe",
        "táta zrovna bije mámu, schovávám se v koupelně",
    ],
)
def test_hiding_while_the_violence_goes_on_is_acute(text) -> None:
    found = assess(text)
    assert found.categories & {"violence", "violence_parent"} or found.danger
    assert found.acute


def test_a_family_put_out_on_the_street_with_small_children_and_nowhere_to_go_is_a_crisis() -> None:
    assert assess("exekutor nás dnes vyklidil, jsme venku s taškami a nemáme kam jít, syn má 4 roky").danger


@pytest.mark.parametrize(
    "text",
    [
        "dcera (14) nepřišla ze školy domů a telefon má vypnutý",
        "Мій син (11) не повернувся з тренування, телефон вимкнений",
        "our 13 year old daughter did not come home tonight, her phone is off",
        "jsem vychovatelka, chlapec (12) od odpoledne není na pokoji a nebere telefon, utekl",
    ],
)
def test_a_child_missing_puts_the_police_and_the_missing_childrens_line_first(text: str) -> None:
    found = assess(text)
    assert found.missing_child and found.writer == "adult"
    assert [n for n in numbers(text) if n != "112"][:2] == ["158", "116 000"]  # 112 first only when acute
    assert "116 111" not in numbers(text)  # the children's line is not the parent's


def test_a_teenager_who_ran_away_is_no_missing_child_report() -> None:
    found = assess("je mi 15, utekla jsem z domu a nevím kam dál")
    assert not found.missing_child and numbers("je mi 15, utekla jsem z domu a nevím kam dál")[0] == "116 111"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "sorry for the weird msg, i just dont wanna exist anymore 💀"),
        ("suicide", "od smrti ženy nemám proč tady být"),
        ("suicide", "stejně už tu dlouho nebudu, prášky mám schované v šuplíku"),
        ("violence", "manžel si nechá celou moji mzdu, a jak řeknu slovo, bije mě"),
        ("violence", "my parents lock the food away and I only get dinner when I earn it"),
        ("violence", "vnuk si nechává posílat dědův důchod a děda se ho bojí"),
        ("threats", "vymahači vyhrožují, že přijdou za dětmi do školy"),
        ("acute_crisis", "dnes nás vyhodili z bytu i s dětmi a já nevím kam, sedíme na nádraží"),
    ],
)
def test_danger_told_plainly_in_a_practical_question_is_recognised(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "the neighbour is kicking our door in, the kids are with me",
        "manžel vykopává dveře do ložnice, kde jsme zavřené",
        "dítěti (3) trvají křeče už 5 minut",
        "bouchla jsem se hlavou o skříň, rozmazaně vidím a zvracím",
    ],
)
def test_an_attack_or_an_emergency_going_on_is_acute(text: str) -> None:
    assert assess(text).acute


def test_a_decision_for_tonight_beside_suicide_is_acute() -> None:
    assert assess("už jsem se rozhodl, dnes večer tu nebudu. postaráte se o mého kocoura?").acute


@pytest.mark.parametrize(
    "text",
    [
        "už tady dlouho nebudu, hledám si menší byt v Kojetíně a léky mi nosí lékárna",
        "syna trefili míčem na tělocviku, doktor říkal, že je v pořádku. kde jsou kroužky?",
        "we walk the dog by the river every evening, done it before. where is a cheap lunch in prerov?",
    ],
)
def test_plain_requests_that_look_alike_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


def test_an_age_written_as_in_a_post_tells_the_writer() -> None:
    assert assess("22f, I cut myself again last night").writer == "adult"
    assert assess("15f, I cut myself again last night").writer == "child"


def test_a_child_aggressive_towards_classmates_is_a_behaviour_question() -> None:
    assert not assess("dcera (10) je ve škole agresivní vůči spolužákům, kam na rodinnou terapii?").danger
    assert assess("spolužáci jsou na mě agresivní a bijou mě").danger


def test_affairs_put_in_order_with_the_pet_given_away_are_a_farewell() -> None:
    assert (
        "suicide" in assess("jak předat paušál bráchovi? už ho nebudu potřebovat. kočku jsem dala sousedce").categories
    )


def test_the_foreman_and_the_crew_mocking_a_worker_is_bullying() -> None:
    assert "bullying" in assess("na stavbě mi parťáci každý den nadávají a mistr se tomu směje").categories


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("medical_emergency", "spolykala jsem všechny prášky na spaní, co měla babička"),
        ("medical_emergency", "swallowed the whole box of my sleeping pills an hour ago"),
        ("medical_emergency", "omylem jsem si píchl dvojitou dávku inzulinu, třesu se"),
        ("medical_emergency", "после вечеринки меня рвёт кровью"),
        ("suicide", "Rozhodl jsem se. Sbohem všichni."),
    ],
)
def test_an_overdose_blood_vomit_or_a_farewell_after_a_decision_is_acute(category: str, text: str) -> None:
    found = assess(text)
    assert category in found.categories and found.acute


def test_nowhere_to_go_in_the_frost_is_a_crisis() -> None:
    assert "acute_crisis" in assess("выселили из квартиры, идти некуда, а на улице минус десять").categories


def test_being_filmed_at_school_is_bullying() -> None:
    assert "bullying" in assess("ve škole mě zase natáčejí na mobil a smějou se").categories


def test_a_night_out_in_the_frost_with_children_is_a_crisis() -> None:
    assert assess("сьогодні з дітьми будемо ночувати на автовокзалі, а вночі мороз").danger


@pytest.mark.parametrize(
    "text",
    [
        "pořád zapomínám, nevím jesli jsem ráno vzala prášky na tlak, chci trénovat paměť",
        "tchán měl v únoru mrtvici, teď je doma a potřebuje rehabilitaci",
        "bojím se, že s dětmi skončíme na ulici, kdo pomůže s dluhem na nájmu?",
        "u nás v obci zavřeli obchod a dědovi nemá kdo nakoupit",
    ],
)
def test_memory_an_old_stroke_a_feared_eviction_and_a_closed_shop_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "moje děti ve škole šikanujou a já nevím co dělat",
        "мы с тремя детьми ночуем на вокзале, на улице минус",
        "with my two kids we have nowhere to sleep tonight and it is freezing",
    ],
)
def test_a_parent_speaking_of_their_own_children_is_no_child_writer(text: str) -> None:
    found = assess(text)
    assert found.danger and found.writer != "child" and numbers(text)[0] != "116 111"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "стою на даху девʼятиповерхівки. прощайте"),
        ("medical_emergency", "dcerka se napila sava z láhve, kašle"),
    ],
)
def test_rules_alone_read_a_farewell_on_a_roof_and_a_child_who_drank_bleach(category: str, text: str) -> None:
    found = DangerDetector.from_files(model=None).assess(text)
    assert category in found.categories and found.acute


def test_panic_before_an_exam_with_tears_is_a_crisis_for_the_rules_alone() -> None:
    text = "zítra maturita, nemůžu dýchat a pořád brečím"
    assert DangerDetector.from_files(model=None).assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("threats", "вымогатели? нет, коллекторы: звонят каждый день и грозят, что приедут к отцу"),
        ("threats", "collectors keep calling and threaten to come to my mum's house"),
        ("threats", "коллектор написал, что найдёт моего сына у школы"),
        ("acute_crisis", "я уже на грани, сил больше нет"),
        ("acute_crisis", "jsem na pokraji zhroucení, nevím co dál"),
        ("acute_crisis", "не бачу виходу, все валиться"),
        ("acute_crisis", "honestly I can't see a way out of this anymore"),
        ("acute_crisis", "je mi hrozně zle, pomoc"),
        ("violence", "nechci dom, doma zas bude bít"),
    ],
)
def test_rules_alone_read_collectors_threats_a_breaking_point_and_a_child_afraid_to_go_home(
    category: str, text: str
) -> None:
    assert category in DangerDetector.from_files(model=None).assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "naše firma je na грани? ne, jen hledám práci: фирма на грани банкротства",
        "v escape roomu jsme nevěděli kudy ven, hra byla super",
        "je mi zle z toho počasí, ale jinak dobrý",
        "táta má demenci, jsem na pokraji sil a potřebuju si na týden odpočinout",
    ],
)
def test_a_business_on_the_brink_an_escape_game_bad_weather_and_a_tired_carer_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


def test_a_collector_who_threatens_the_writers_daughter_makes_no_senior_of_the_writer() -> None:
    found = assess("коллектор угрожает, что найдёт мою дочку возле школы")
    assert "threats" in found.categories and found.writer == "adult" and found.agent is None


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "chtěla bych večer usnout a ráno už se nevzbudit"),
        ("suicide", "хочу просто заснуть и больше не проснуться"),
        ("suicide", "rozhodla jsem se, nic to nezmění. děkuju všem"),
        ("threats", "majitel ubytovny nám vzal pasy a vyhrožuje, že nás najde, když odejdeme"),
        ("threats", "the agency keeps our passports and threatens us if anyone tries to leave"),
        ("threats", "на стройке забрали паспорта и грозят, что найдут, если уйдём"),
    ],
)
def test_rules_alone_read_sleep_without_waking_a_decided_goodbye_and_passports_held(category: str, text: str) -> None:
    assert category in DangerDetector.from_files(model=None).assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "na úřadě si nechali můj pas na ověření, kdy si ho můžu vyzvednout?",
        "the factory agency kept my passport for a month last year, can I claim unpaid wages?",
        "doma to s babičkou už nejde, potřebujeme domov se zvláštním režimem",
    ],
)
def test_papers_kept_without_a_threat_and_care_that_no_longer_works_at_home_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


def test_a_home_that_cannot_be_borne_is_still_heard() -> None:
    assert assess("je mi 14 a doma to nejde vydržet, chci pryč").danger


def test_a_birth_year_makes_a_senior_not_a_pupil() -> None:
    found = assess("jsem ročník 41, od rána mě na hrudi píchá a hůř se mi dejchá")
    assert "medical_emergency" in found.categories and found.acute and found.writer == "senior"


def test_a_teacher_giving_a_pupils_age_writes_as_an_adult() -> None:
    found = assess("Jsem učitelka. Holčička (9) má na rukou modřiny a říká, že ji máma bije vařečkou.")
    assert found.danger and found.writer == "adult"


@pytest.mark.parametrize(
    "text",
    [
        "úřad nereaguje na moje maily už měsíc, kam si stěžovat?",
        "бывший муж не отвечает на звонки и не платит алименты",
        "strejda hodně pije, ale agresivní není. kam se obrátit?",
        "my husband drinks every night, he is not violent, but I worry",
        "sama doma to s dědou už nejde, hledáme domov se zvláštním režimem",
        "ні з ким тут не можу говорити, бо я не знаю мови",
        "od úrazu pravou rukou skoro nehýbe, potřebuje pomoc s oblékáním",
    ],
)
def test_unanswered_mail_a_drinker_who_is_not_violent_and_lasting_limits_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize("text", ["dědeček leží v kuchyni a nereaguje", "brácha spadl ze žebříku a nehýbe se"])
def test_someone_who_does_not_respond_or_move_is_still_an_emergency(text: str) -> None:
    found = assess(text)
    assert "medical_emergency" in found.categories and found.acute


@pytest.mark.parametrize(
    "text",
    [
        "na hradě byl turnaj, rytíři se mlátili dřevěnými meči a pak se všichni klaněli",
        "ze únikovky jsme utekli za 52 minut, nový rekord třídy!",
        "my sister beat me at chess three times today, so annoying",
    ],
)
def test_knights_who_fought_an_escape_game_and_a_lost_game_are_no_alarms(text: str) -> None:
    assert not DangerDetector.from_files(model=None).assess(text).danger


def test_a_night_outside_with_children_under_a_tent_is_no_rule_alarm() -> None:
    text = "spali jsme s dětmi venku pod stanem u rybníka, byla teplá noc"
    assert not DangerDetector.from_files(model=None).assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "děda rozdává svoje věci sousedům a prý už to tady dlouho nebude"),
        ("suicide", "тато роздає свої речі і каже, що він тут вже недовго"),
        ("self_harm", "když to nezvládám, štípu se a drápu do rukou, až to přestanu cítit"),
        ("suicide", "синові було б краще з татом, а мене б просто не було"),
    ],
)
def test_rules_alone_read_things_given_away_pinching_oneself_and_wishing_not_to_be(category: str, text: str) -> None:
    assert category in DangerDetector.from_files(model=None).assess(text).categories


def test_a_child_late_home_with_the_phone_off_is_a_missing_child() -> None:
    found = assess("dcera měla být doma v pět, teď je osm a mobil nebere, kamarádi nevědí")
    assert found.missing_child and numbers("dcera měla být doma v pět, teď je osm a mobil nebere")[0] in {"158", "112"}


def test_a_language_course_asked_about_does_not_hide_a_partner_who_holds_the_passport() -> None:
    text = "chci chodit na kurz češtiny, ale manžel mi sebral pas a každý večer mi kontroluje telefon"
    assert "violence" in assess(text).categories


def test_a_self_defence_course_is_still_a_topic() -> None:
    assert not assess("kurz sebeobrany pro ženy po násilí, kde se dá v Přerově přihlásit?").danger
