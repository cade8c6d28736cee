"""Danger told sideways: wishes to be gone, a plan behind harmless words, sex asked as a price,
a threat dressed as regret, laughter taken back — and the plain requests that look alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.safety.detector import DangerDetector
from tests.test_safety import assess, numbers


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "možná by bylo pro všechny líp, kdybych tady nebyl"),
        ("suicide", "někdy si říkám, že bych najela autem do zdi a bylo by po všem"),
        ("suicide", "ta pojistka dětem pomůže líp než já"),
        ("suicide", "honestly I'm worth more dead to them"),
        ("suicide", "beztak tu nechci být dlouho, mám to naplánované"),
        ("suicide", "hledám si levnější byt, ale stejně už nechci žít"),
        ("suicide", "napsal jsem dopisy dětem. rozdejte prosím moje věci"),
        ("suicide", "I wrote a note for my sister. Please send my things to her"),
        ("sexual_violence", "majitel bytu říká, že nemusím platit, když s ním budu spát"),
        ("sexual_violence", "my boss says I keep the job if I sleep with him"),
        ("sexual_violence", "vedoucí oddílu chce, abychom se před ním svlékali"),
        ("sexual_violence", "strejda mi sahá tam dole"),
        ("threats", "poslali mi fotku syna u školy a napsali: škoda by ho bylo."),
        ("self_harm", "koupila jsem si nové žiletky. dělám to na stehnech"),
    ],
)
def test_danger_told_sideways_is_recognised(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "na ubytovně stejně nechci být dlouho, hledám si jiný byt",
        "ten kabát je ještě dobrý, škoda ho vyhodit",
        "chci poslat věci pro děti do azylového domu, kam je mám dát?",
        "manžel chrápe, tak spím v obýváku, ale jinak je vše v pořádku. Hledám pečovatelku pro tchána.",
        "bolí ho tam dole v zádech, potřebuje odvoz k lékaři z Kojetína",
        "už nemůžu chodit do schodů, potřebuju pečovatelku",
        "pustili mě z nemocnice a nemám kde bydlet, kde je ubytovna?",
    ],
)
def test_plain_requests_that_look_alike_are_no_alarm(text: str) -> None:
    assert not assess(text).danger


def test_a_night_out_in_the_frost_the_writer_may_not_survive_is_acute() -> None:
    found = assess("vyhodili mě z podnájmu, sedím venku, je -10 a nevím, jestli přežiju tu noc")
    assert found.danger and found.acute


def test_a_message_that_says_only_that_the_writer_cannot_go_on_is_heard() -> None:
    assert assess("už nemůžu").danger
    assert assess("fakt už to nezvládám").danger


def test_laughter_taken_back_no_longer_clears_the_message_but_a_turn_to_the_real_question_does() -> None:
    assert assess("lol všechno je k ničemu a nemá to smysl. jakože vážně.").danger
    assert not assess("haha tchyně nás jednou zabije, ale vážně: je v Tovačově domov pro lidi s Alzheimerem?").danger


def test_a_senior_alone_who_barely_eats_and_only_waits_is_heard() -> None:
    found = assess("je mi 91, jsem pořád sama, skoro nejím a jen čekám.")
    assert found.danger and found.writer == "senior"


def test_an_adult_who_ran_from_a_psychiatric_ward_without_medicine_is_no_mere_housing_question() -> None:
    assert assess("utekla jsem z psychiatrie, nemám léky a nevím kam jít").danger


def test_a_childrens_home_says_a_child_writes_and_linka_bezpeci_comes_first() -> None:
    text = "utekla jsem z dětského domova a spím u kamarádky, nechci zpátky"
    assert assess(text).writer == "child" and numbers(text)[0] == "116 111"


def test_a_professional_told_of_a_clients_abuse_is_an_alarm() -> None:
    found = assess("jsem asistentka u klientky, řekla mi, že jí otčím sahá tam dole. Co mám dělat?")
    assert "sexual_violence" in found.categories


def test_a_rule_over_the_whole_message_joins_sentences_and_a_sentence_rule_does_not(tmp_path: Path) -> None:
    (tmp_path / "pojmy.csv").write_text("pojem,preklepy,vzory\nBLADE,ne,žiletky\nARMS,ne,ruce\n", encoding="utf-8")
    (tmp_path / "pravidla.csv").write_text(
        "kategorie,pojmy,okno,akutni,krome\nself_harm,BLADE ARMS,zprava,,\nviolence,ARMS BLADE,9,,\n",
        encoding="utf-8",
    )
    found = DangerDetector.from_files(tmp_path).assess("Mám žiletky. Ruce schovávám.")
    assert found.categories == {"self_harm"}


@pytest.mark.parametrize(
    "text",
    [
        "pes souseda kousl do nohy, krvácelo to, ale už je to ošetřené. Kdo nám poradí s pojištěním?",
        "mámě teče krev z dásní, lékař říkal, že to nic vážného není. Hledám jí pečovatelku na léky.",
        "občas si říkám, že už nemůžu dál, ale pak to přejde. Je tu skupina pro pečující?",
        "jak dlouho vařit slepici, když jsem ji dneska sám zabíjel?",
        "syn hraje hru, kde se utíká z vězení, je tu někde úniková hra?",
        "babička s demencí začala být agresivní, potřebujeme domov se zvláštním režimem",
        "moje žena má záchvaty, bojím se ji nechávat samotnou, když jsem v práci",
        "vyhodili mě z učiliště, je mi 17, co teď se školou?",
        "dlužíme za nájem, hrozí, že nás z ubytovny vyhodí, máme dvě děti",
        "zapomínám, jestli jsem si ráno vzala prášky, potřebuju někoho, kdo by mi je chystal",
        "naši jsou hrozně přísní a pořád se hádáme, potřebuju si jen promluvit, není to nic akutního",
        "po násilném vztahu mi zůstaly dluhy, bývalý na mě bral půjčky",
    ],
)
def test_hardship_already_seen_to_or_told_in_look_alike_words_is_no_alarm(text: str) -> None:
    assert not assess(text).danger


def test_a_carer_of_a_parent_is_a_grown_up_writer() -> None:
    assert assess("starám se o tátu a už nemůžu, nechci žít").writer != "child"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("bullying", "bojím se jít do školy, holky ze třídy mě pořád pronásledují"),
        ("threats", "spolužáci píšou, že mě zítra podpálej"),
    ],
)
def test_a_child_afraid_of_school_or_threatened_with_fire_is_heard(category: str, text: str) -> None:
    assert category in assess(text).categories


def test_blood_that_flowed_once_in_a_story_of_blows_is_violence_not_a_bleeding_now() -> None:
    found = assess("táta mě mlátí páskem, minule mi tekla krev z pusy")
    assert "violence" in found.categories and "medical_emergency" not in found.categories
    assert assess("teče mi krev z hlavy a nejde to zastavit").acute


def test_a_young_person_short_of_breath_in_a_panic_attack_gets_linka_bezpeci_first() -> None:
    text = "im 15, panic attack on the bus, i cant breathe and my chest is tight"
    assert numbers(text)[0] == "116 111"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "exekuce mě dusí, ve sklepě mám lano a bude to vyřešené"),
        ("suicide", "insolvence nevyšla, brzo už nebude komu to vymáhat"),
        ("suicide", "kdo si vezme mého kocoura, až tu nebudu? věci už jsem rozdala"),
        ("suicide", "kolik prášků na spaní by stačilo"),
        ("violence", "asi nic, ale přítel mě občas chytne pod krkem"),
        ("violence", "jak rychle odejít od manžela s dětmi, teď spí"),
        ("sexual_violence", "strejda mi dává peníze, ať nikomu neřeknu, je to naše tajemství"),
        ("acute_crisis", "nemáme kde dnes spát, jsem s dětmi na nádraží"),
    ],
)
def test_a_goodbye_a_dose_weighed_a_hand_at_the_throat_and_a_night_without_roof_with_children_are_heard(
    category: str, text: str
) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "postará se někdo o našeho psa, až tu nebudu? jedu na týden do lázní",
        "ujel mi autobus do Tovačova, jede tam ještě něco?",
        "máma mě zabije, jestli přijdu pozdě, jede ještě nějaký spoj?",
        "soused zneužívá dávky, kam se to hlásí?",
        "rozvádíme se, nejde o násilí, jen potřebuju bydlení pro sebe a děti",
        "před 15 lety mě bil bývalý muž, dnes jsem znovu vdaná a chci pomáhat jako dobrovolnice",
    ],
)
def test_a_holiday_a_missed_bus_a_hyperbole_and_a_past_that_is_over_are_no_alarm(text: str) -> None:
    assert not assess(text).danger


def test_a_goodbye_alone_is_heard() -> None:
    assert assess("sbohem").danger


def test_not_feeling_well_is_no_sign_that_all_is_well() -> None:
    assert assess("není mi dobře v hlavě, naši jsou pryč a mám hrozný strach").danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("medical_emergency", "maminka od oběda mluví z cesty a má pokleslý koutek"),
        ("suicide", "who will take my dog? i won't be around for much longer, sorted out everything else"),
        ("suicide", "honestly they would be better off with my life insurance"),
        ("acute_crisis", "з дитиною на вокзалі, куди нам іти на ніч?"),
        ("suicide", "je mi 85, už tu nemám co dělat"),
    ],
)
def test_the_same_dangers_in_other_words_are_heard(category: str, text: str) -> None:
    assert category in assess(text).categories


def test_a_nosebleed_a_doctor_calls_nothing_serious_is_no_emergency() -> None:
    assert not assess("krvácí mi z nosu, když je vedro, doktorka říká, že nic vážného").danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "myslím, že by to doma bylo snazší beze mě"),
        ("suicide", "they'd all be better off without me honestly"),
        ("suicide", "sám nevím, proč tady ještě jsem"),
        ("suicide", "іноді думаю, що краще було б не прокинутися вранці"),
        ("suicide", "хочу со всем покончить, сил больше нет"),
        ("suicide", "chci se vším skoncovat"),
        ("suicide", "куда отнести мебель? мне она уже не нужна, к весне хочу со всем закончить"),
        ("suicide", "googlím, jak to udělat, abych už nikoho neobtěžoval"),
        ("suicide", "thinking of steering into a wall on the motorway tonight"),
        ("acute_crisis", "навіщо взагалі далі жити, якщо все пропало"),
        ("self_harm", "when it gets bad I burn my wrist with a match"),
        ("self_harm", "škrábu se do ruky, abych aspoň něco cítila"),
        ("bullying", "na dílně mi kolegové plivou do kafe a šéf se tomu směje"),
        ("bullying", "spolužáci mě na chodbě škrtí mikinou"),
        ("violence", "fotr po mně hodil hrnek a trefil mě do hlavy"),
        ("acute_crisis", "spím pod mostem, mrzne a přestávám cítit nohy"),
    ],
)
def test_the_new_ways_of_saying_it_are_heard(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "máma mi hodila botu po hlavě a mám bouli jak vejce lol",
        "ve třídě dali moji fotku na prase a posílají to všem haha",
        "asi bude všem líp beze mě 😂",
        "typek z insta chce, ať to neříkám našim, a zve mě k sobě lol",
    ],
)
def test_laughter_does_not_take_back_an_injury_a_mockery_or_a_wish_to_be_gone(text: str) -> None:
    found = assess(text)
    assert found.danger
    assert found.writer == "child" or "116 111" in numbers(text) or found.categories & {"suicide"}


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to try the new swimming pool, is it open on Sundays?",
        "the owner of our flat keeps the deposit and won't give it back, who can advise?",
        "jsem sociální pracovnice a ptám se obecně, kam poslat seniora, o kterém máme podezření na týrání",
        "rozbila jsem mamce vázu, ale lepidlo to spraví haha, hledám kroužek pro děti",
    ],
)
def test_an_idiom_a_deposit_not_returned_and_a_general_question_are_no_alarm(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "jak se dělá závěť? chci to mít hotové do středy, pak už tu nebudu"),
        ("suicide", "хто оплатить перевезення тіла в Україну, коли мене не стане?"),
        ("suicide", "vezmete si moji kočku? od pondělí se o ni postarat nebudu moci"),
        ("suicide", "bydlím sám, jak dlouho to trvá, než mě v bytě najdou?"),
        ("violence", "manžel mi bere celou výplatu a musím mu ukazovat účtenky"),
        ("violence", "my husband keeps my passport and I'm not allowed to go out alone"),
        ("violence", "partner забрав мій паспорт і заборонив мені писати подругам"),
        ("violence", "syn mi za to, že jsem chtěla peníze, zlomil ruku"),
        ("violence", "na LDN ho nechávají s přivázanýma rukama"),
        ("threats", "soused mi píše, že ví, kde spím"),
        ("threats", "jeden týpek mě každej den čeká před školou a jde za mnou až domů"),
        ("acute_crisis", "I lost everything here and I don't see any future"),
        ("sexual_violence", "мастер на складе зажимал меня в коридоре"),
        ("bullying", "v appce je falešný profil s mojí fotkou a všichni se smějou lol"),
    ],
)
def test_a_practical_question_after_death_control_without_blows_and_stalking_are_heard(
    category: str, text: str
) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "je mi 91, už tu dlouho nebudu, a chci sepsat závěť, kdo mi poradí?",
        "zkoušíme divadelní hru o domácím násilí, může nám někdo z poradny něco říct?",
        "syn mi pomáhá s penězi a chodí se mnou nakupovat, hledám dovoz obědů",
    ],
)
def test_an_old_persons_will_a_play_and_a_helping_son_are_no_alarm(text: str) -> None:
    assert not assess(text).danger


def test_the_verb_muze_is_no_husband() -> None:
    found = assess("může mi někdo pomoct? mám modřiny, bije mě")
    assert found.danger
    assert found.agent != "partner"  # "může" (can) is not "muže" (husband's)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "už vím, jak to udělat, aby to nebolelo haha"),
        ("suicide", "napíšu dopis babičce, než to zítra udělám"),
        ("violence", "stepdad uses me as a punching bag lol whatever"),
        ("self_harm", "moje stehna vypadají jak čárový kód 😂"),
        ("suicide", "honestly everybody at home would be better off if I disappeared"),
        ("suicide", "завещание написал, инструменты раздал соседям"),
        ("sexual_violence", "the owner of the hostel tried to get into my bed at night"),
        ("sexual_violence", "bývalý hrozí, že pošle moje intimní fotky kolegům"),
        ("suicide", "zjišťuju, který most v okolí je dost vysoký"),
    ],
)
def test_a_painless_way_letters_before_the_day_a_punching_bag_and_a_barcode_are_heard(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "убью его, если опять опоздает, шучу конечно. ищу няню для сына",
        "zabiju tu tiskárnu, dělám si srandu. Kde je v Kojetíně poradna pro seniory?",
    ],
)
def test_a_threat_the_writer_calls_a_joke_is_no_alarm(text: str) -> None:
    assert not assess(text).danger


def test_a_teacher_asking_in_general_is_no_alarm_but_a_pupil_with_bruises_is() -> None:
    assert not assess("jsem učitelka a sestavuju pro kolegy kontakty pro případ týrání dítěte").danger
    assert assess("jsem učitelka, holčička ze třídy má na zádech modřinami posetou kůži, podezření na týrání").danger


def test_a_new_social_worker_asking_where_to_refer_a_client_is_no_alarm() -> None:
    text = "Jsem nová sociální pracovnice v obci. Kam odkázat klienta, který mluví o sebevraždě? Chci mít kontakty."
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "Koukali jsme s dětmi na film, kde se holka oběsí. Jak s dětmi mluvit o sebevraždě, aby se nebály?",
        "Dcera (12) viděla seriál, kde se holka pořezává. Teď je klidná, jen nevím, jak s ní o tom mluvit.",
    ],
)
def test_a_parent_asking_how_to_talk_with_a_child_about_a_film_is_no_alarm(text: str) -> None:
    assert not assess(text).danger
    assert assess("Viděla jsem film, kde se holka zabila, a chci se zabít taky.").danger


def test_a_death_at_a_great_age_is_grief_not_danger_unless_the_writer_wants_to_die_too() -> None:
    aunt = (
        "Naše teta v noci usnula a ráno se už neprobudila, bylo jí 92. "
        "Potřebujeme pomoct s pohřbem a s příspěvkem na péči."
    )
    assert not assess(aunt).danger
    assert assess("Babička zemřela, bylo jí 91, a já už nechci žít, nemá to bez ní smysl.").danger


@pytest.mark.parametrize(
    "text",
    [
        "chtějí po mně svačinu a pokud ne, zmlátí mě po škole",
        "если нет, бьют меня после уроков",
        "and if not, they beat me after school",
    ],
)
def test_a_negation_ends_at_the_comma(text: str) -> None:
    assert assess(text).danger


@pytest.mark.parametrize("text", ["ночую на улице в Пршерове, ночью минус, денег нет", "Ночую на вокзалі, вночі мінус"])
def test_a_night_outside_below_zero_in_cyrillic_is_danger(text: str) -> None:
    assert assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "my partner doesn't hit me that often, mostly when he has been drinking. where can I go with my son?",
        "manžel mě nebije tak často, jen když se opije, kam můžu jít s dětmi",
    ],
)
def test_a_beating_played_down_is_a_beating(text: str) -> None:
    assert assess(text).danger
    assert not assess("he doesn't hit me, he is a good husband, we need a bigger flat").danger


@pytest.mark.parametrize(
    "text",
    [
        "chtěla bych to všechno skončit 🙃 jk… or not, idk",
        "хочу все це закінчити, хаха жартую… чи ні",
    ],
)
def test_a_joke_taken_back_in_the_same_breath_stays_danger(text: str) -> None:
    assert "suicide" in assess(text).categories


def test_nobody_would_miss_me_is_no_joke_with_a_smile() -> None:
    assert "suicide" in assess("stejně by mi nikdo nechyběl a já bych nechyběla nikomu 😅").categories


@pytest.mark.parametrize(
    "text",
    [
        "тато тягав мене за волосся по кухні",
        "otčím mě včera tahal za vlasy po chodbě",
        "he dragged me by my hair to the car",
    ],
)
def test_dragging_by_the_hair_is_violence(text: str) -> None:
    assert "violence" in assess(text).categories


def test_run_out_of_insulin_and_dizzy_in_the_next_sentence_is_an_emergency() -> None:
    found = assess("Jsem diabetička a inzulin mi došel předevčírem. Točí se mi hlava a pořád mám žízeň.")
    assert "medical_emergency" in found.categories


def test_a_breakdown_word_called_a_mere_saying_is_no_danger() -> None:
    assert not assess("brácha řekl, že se zhroutí, když Baník zase prohraje, ale to se jen tak říká").danger
    assert assess("brácha říká, že se zhroutí a nemůže přestat brečet, je úplně na dně").danger


def test_a_novel_about_a_runaway_is_a_story_not_a_runaway() -> None:
    story = "our book club is reading a novel about a boy who runs away from home; it got me thinking"
    assert not assess(story + " what a youth shelter does").danger
    assert assess("čtu román, ale nejde mi to, utekla jsem z domova a nevím kam").danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("acute_crisis", "I think I'm having a total breakdown, I can't stop shaking"),
        ("suicide", "nejradši bych pustila plyn a měli bychom to s manželem oba za sebou"),
        ("suicide", "exekuce nesplatím, vyřeším to jinak, jen kdo si pak vezme kocoura"),
        ("running_away", "sedím na vlakovém nádraží, domů nechci zpátky, je mi 14"),
        ("threats", "vzal jsem si půjčku od jednoho pána a on tvrdí, že jeho kluci si pro mě přijdou"),
        ("threats", "ti vymahači bratrovi řekli, že mu zlámou nohy"),
        ("acute_crisis", "je mi 80 a jsem čtyři dny bez jídla, nikdo nepřišel"),
        ("sexual_violence", "dcera (7) říká, že s ní soused hraje tajnou hru a mamince to nesmí říct"),
        ("bullying", "they made a new group chat without me and share my pics there"),
    ],
)
def test_danger_in_fewer_words_than_the_rules_used_to_need_is_recognised(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "maminka minulý týden zapomněla puštěný plyn na sporáku, hledáme někoho, kdo by k ní chodil",
        "důchod mi tento měsíc nepřišel a na úřadě nikdo nezvedá telefon",
        "chci mít tu operaci kyčle co nejdřív za sebou, kdo mi pak pomůže s nákupy?",
    ],
)
def test_gas_left_on_a_late_pension_and_an_operation_to_have_over_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


def test_a_parent_telling_of_a_secret_game_with_a_coach_writes_as_an_adult_not_a_senior() -> None:
    found = assess("syn (9) říká, že trenér s ním po tréninku hraje tajnou hru")
    assert "sexual_violence" in found.categories and found.writer == "adult"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("violence", "je mi 79, pečovatelka mi vybírá peníze z karty a říká, že když si stěžuju, přestane chodit"),
        ("violence", "brácha žije s jednou paní, ta mu bere celou výplatu a nesmí bez ní ani z domu"),
        ("threats", "majitel ubytovny nám vzal pasy a říká, že když půjdu na policii, udá nás"),
        ("suicide", "can I schedule my last post so my friends see it after I'm gone?"),
        ("suicide", "Kolik dnes stojí pohřeb? Chci ho mít zaplacený předem, abych nikoho nezatěžoval. Je mi 38."),
        ("acute_crisis", "zemřel mi táta a já nemůžu vstát z podlahy, děti pláčou"),
        ("suicide", "mám dluhy u tří bank, napsal jsem dopis synovi, kde jsou papíry, kdyby se něco stalo"),
        ("suicide", "sedím v garáži, mám u sebe pušku a exekutor přijde ráno"),
        ("acute_crisis", "od té nehody nespím, pořád to vidím před očima"),
        ("threats", "dlužím jednomu chlapovi, včera nám rozbili okno a on říká, že ví, kde chodí dcera do školy"),
        ("violence", "trenérka viděla na zádech malého pruhy jak od kabelu, táta ho prý trestá"),
    ],
)
def test_danger_inside_a_long_practical_request_is_heard(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Kolik stojí pohřeb? Chci si ho zaplatit předem, abych nikoho nezatěžovala, je mi 81.",
        "můj táta má doma flintu na hon, potřebuje k ní zbrojní průkaz?",
        "na stěně máme pruhovanou tapetu, kdo nám pomůže vymalovat?",
        "dneska jsem se konečně postavila na nohy po operaci a mám radost",
    ],
)
def test_a_senior_paying_a_funeral_ahead_a_hunters_gun_and_stripes_on_a_wall_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("acute_crisis", "volali mi, že táta umřel při nehodě, sedím v kuchyni a nemůžu přestat se třást"),
        ("medical_emergency", "бабуся зомліла і не приходить до тями"),
        ("suicide", "мені 15, я на даху школи, просто хотіла щоб хтось знав"),
        ("acute_crisis", "мені 75, відключили газ за борги, а вночі мороз"),
        ("sexual_violence", "хозяйка говорит, что можно заплатить натурой, если нет денег"),
        ("sexual_violence", "majitel bytu říká, že nájem můžu splatit jinak, a myslí tím sebe"),
        ("sexual_violence", "ex mě nutí se s ním vyspat, jinak mi nedá peníze na děti"),
        ("acute_crisis", "dnes v noci odejdu navždy, ať mě nikdo nehledá"),
        ("self_harm", "dneska zase ty nůžky, nikdo to neví"),
    ],
)
def test_shock_a_faint_a_cut_off_home_in_frost_and_sex_for_rent_are_recognised(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "бачила в новинах, що в Přerov буде концерт, можна туди з дитиною?",
        "nájem mi majitel dovolil splatit jinak, ve dvou splátkách, kde najdu poradnu na rozpočet?",
        "dneska zase ty nůžky na nehty nemůžu najít, kdo je zase vzal",
    ],
)
def test_the_news_rent_paid_in_two_parts_and_lost_nail_scissors_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


def test_a_young_person_whose_parents_do_not_know_where_they_are_ran_away() -> None:
    found = assess("už druhou noc spím u kámošky, naši nevědí, kde jsem")
    assert "running_away" in found.categories and found.writer == "child"


@pytest.mark.parametrize(
    "text",
    [
        "spím venku za garážemi, je mi strašná zima, kde se můžu ohřát?",
        "přespávám v kůlně u kamaráda, ale tam je zima, nevím co dál",
    ],
)
def test_an_adult_sleeping_rough_in_the_cold_gets_the_lines(text: str) -> None:
    assert assess(text).danger


def test_an_adult_sleeping_rough_who_asks_for_a_shower_is_helped_to_housing_first() -> None:
    assert not assess("přespávám venku u řeky, kde se dá vysprchovat a vyprat prádlo?").danger


@pytest.mark.parametrize(
    "text",
    [
        "задали сочинение о самоубийстве героя романа, где найти репетитора по литературе?",
        "на курсах першої допомоги нас вчать, що робити, коли людина не дихає. Де ще є такі курси?",
    ],
)
def test_an_essay_on_a_novel_and_a_first_aid_course_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "malé je půl roku a já jsem k ničemu. prášky mám schované, kdyby to nešlo dál"),
        ("suicide", "I'm a terrible mother. I've been saving up my pills, just in case"),
        ("medical_emergency", "babička má demenci a ztratila se, odešla ráno a není k nalezení"),
        ("self_harm", "po každém jídle si strkám prsty do krku, už rok"),
        ("self_harm", "я викликаю блювоту після їжі і не можу зупинитись"),
        ("sexual_violence", "slíbili mi práci v kuchyni, teď mě nutí pracovat v klubu s muži"),
        ("suicide", "jak nastavit, aby se příspěvek poslal sám? chci to všem napsat, až tu nebudu"),
    ],
)
def test_pills_put_by_purging_a_lost_person_with_dementia_and_trafficking_are_recognised(
    category: str, text: str
) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "babička (85) říká, že až umře, chce být pohřbená u dědy. Jinak je v pohodě, hledáme jí klub.",
        "ve zprávách ukazovali únos dítěte a syn se bojí. Máte nějaké materiály pro rodiče?",
        "v kroužku mladý záchranář nacvičujeme scénku, jak pomoct člověku v bezvědomí",
    ],
)
def test_an_old_mothers_burial_wish_the_news_and_a_first_aid_scene_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text", "acute"),
    [
        ("self_harm", "we tried the choking challenge at school and want to do it again tonight", True),
        ("medical_emergency", "děda je od rána zmatený a neví, kde je, mluví divně", True),
        ("suicide", "sestra tvrdí, že jí hlasy z rádia říkají, ať skočí z okna", False),
        ("suicide", "ten chlap chce peníze do rána, jinak fotky pošle všem. nevím, jestli to chci přežít", False),
    ],
)
def test_a_choking_challenge_sudden_confusion_commanding_voices_and_doubt_about_surviving_are_heard(
    category: str, text: str, acute: bool
) -> None:
    found = assess(text)
    assert category in found.categories
    assert found.acute or not acute


def test_a_mother_with_dementia_who_no_longer_knows_her_child_is_no_emergency() -> None:
    assert (
        "medical_emergency" not in assess("у бабушки деменция, она давно не узнаёт внуков; нужен пансионат").categories
    )


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "rozdávám všechno, co mám, psa si vezme bratr. stejně už to tu nemá cenu"),
        ("suicide", "chci zrušit dovoz obědů, už je nebudu potřebovat, jsem tu stejně jen navíc"),
        ("suicide", "how do I close my bank account fast and who could take my cat? I won't need it anymore"),
        ("suicide", "всё раздала, письмо написала. сегодня последний день"),
        ("running_away", "chci utéct od našich, hlídají každý můj krok. je mi 14"),
        ("running_away", "ztratila se nám dcera (5) na náměstí před chvílí, nikde není"),
        ("violence", "vnuk mě donutil podepsat plnou moc na byt a teď mi vyhrožuje domovem"),
        ("self_harm", "od rozchodu skoro nejím a to, co sním, vyzvracím"),
    ],
)
def test_affairs_put_in_order_a_child_lost_now_and_papers_signed_under_pressure_are_recognised(
    category: str, text: str
) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "až mi bude 18, chci odejít od rodičů do podnájmu, kde se poradím o smlouvě?",
        "stěhuju se do menšího bytu, tak převedu auto na syna, už ho nebudu potřebovat",
        "dneska je můj poslední den v práci, zítra začínám jinde, díky všem",
    ],
)
def test_a_move_planned_for_eighteen_a_car_handed_on_when_moving_and_a_last_day_at_work_are_no_alarms(
    text: str,
) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "kdy je nejlepší čas řezat jabloně, na jaře nebo v létě?",
        "bříza na zahradě po prořezání pořád krvácí mízou, nevadí jí to?",
        "asi jsem předávkoval papriky hnojivem, žloutnou jim listy",
        "we overdosed the soup with salt, can it be saved?",
        "moje koně zase utekli z ohrady a běhají po silnici k Bochoři",
        "nemohla jsem dýchat smíchy, jak kluci hráli divadlo",
        "this heat in the flat is killing me, is there a cooled room for seniors?",
    ],
)
def test_garden_work_cooking_runaway_horses_and_idioms_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("self_harm", "zase jsem se řezala, tentokrát víc, nevím komu to říct"),
        ("medical_emergency", "děda spadl z jabloně a z hlavy mu teče krev, hrozně krvácí"),
        ("medical_emergency", "kamarádka se předávkovala a nemůže dýchat"),
        ("violence", "my stepfather says he is killing me one day, he hits me"),
        ("running_away", "je mi 15, od včerejška jsem pryč z domova a přespávám u spolužačky"),
    ],
)
def test_the_same_words_about_a_person_still_raise_the_alarm(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "táta samoživitel, doma nezvládám, hledám pomoc s domácností",
        "syna vyhodili ze školky, takže je se mnou doma a nemůžu do práce",
        "máme malého syna a majitel nás prý vyhodí",
        "od rozvodu sedím večer sám a kouká na mě jen zeď, hledám nějaký klub",
        "je mi 16 a čekám miminko, bojím se to mamce říct. kam se můžu obrátit?",
    ],
)
def test_coping_at_home_a_child_sent_home_an_eviction_an_empty_flat_and_a_confession_are_no_alarms(
    text: str,
) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("running_away", "nemůžu být doma, táta zase pije, chci odejít, je mi 14"),
        ("running_away", "je mi 15 a mamka mě dneska vyhodila z bytu, spát nemám kde"),
        ("violence", "bojím se ho, včera mě zase uhodil a říká, že to nikomu nesmím říct"),
        ("threats", "pořád mě sleduje, stojí večer pod oknem a píše mi, kde jsem byla"),
    ],
)
def test_the_same_words_about_fear_home_and_being_watched_still_alarm(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("suicide", "náš kluk rozdal kamarádům svoje hry a píše, že chce po prázdninách nadobro zmizet"),
        ("violence", "муж зачиняє мене в квартирі, коли їде на зміну, ключі бере із собою"),
        ("violence", "vnučka mi bere důchod, a když chci peníze zpátky, řve, že mě strčí do ústavu"),
        ("medical_emergency", "mamka má cukrovku, inzulin jí došel před pár dny a cukr má hrozně vysoký"),
        ("running_away", "syn (12) nedošel z tréninku, je deset večer a mobil má vypnutý"),
        ("suicide", "lately I feel the kids would be better off without me, honestly"),
        ("suicide", "думаю, що всім буде краще, якщо мене не буде"),
        ("violence", "manžel mě nebije, jen občas, když přijde opilý, a děti se ho bojí"),
        ("suicide", "chci dát synovi plnou moc na účet, pak už to bude jedno. nic nemá cenu, nemá to cenu"),
        ("threats", "bývalý mi posílá desítky zpráv denně a čeká na mě před prací"),
        ("threats", "ex mi rozřezal kola u auta a napsal, že to ještě není konec"),
    ],
)
def test_signs_told_in_passing_are_heard(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "syn se odstěhoval do Brna a rozdal staré hračky, chceme zmizet na víkend k moři",
        "dědovi hlídá cukrovku obvodní lékařka, inzulin má a cukr je v normě, hledáme jen obědy",
        "seriál skončil napínavě, hlavní hrdina řekl, že to ještě není konec",
    ],
)
def test_the_same_words_without_danger_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "v obchodě nám včera vyhrožoval opilý zákazník, policie ho odvezla. hledám kurz češtiny",
        "v roce 2019 jsem měla deprese, po léčbě je to už dlouho dobré, hledám klub pro maminky",
        "dad is going to kill me, I flunked the maths test again. any free tutoring in Přerov?",
        "loni mě šikanovali, pak jsem přešla na jinou školu, tady mám kamarády",
        "ve hře jsem se nechal zabít asi dvacetkrát za jednu misi, hledám poradnu pro hráče",
    ],
)
def test_a_threat_the_police_ended_a_treated_past_a_failed_test_a_new_school_and_a_game_are_no_alarms(
    text: str,
) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("bullying", "loni mě šikanovali, přešla jsem na jinou školu a zase mi tam nadávají a bijou mě"),
        ("suicide", "chci se zabít, už nemůžu"),
        ("violence", "od roku 2020 mě manžel bije"),
    ],
)
def test_a_new_school_with_the_same_harm_a_plain_wish_to_die_and_violence_since_a_year_still_alarm(
    category: str, text: str
) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "mám na nádraží hodinu volno, jak se tu dá zabít čas?",
        "s mladými hasiči jsme cvičně hasili hořící paletu, kluci to zvládli",
        "po noční směně na odběrech jsem nabrala krev stovce lidí, jsem unavená, ale spokojená",
        "nerozumím těm tlačítkům, jen zkouším telefon, co mi vnuk dal",
    ],
)
def test_killing_time_a_fire_drill_a_nurses_shift_and_a_test_message_are_no_alarms(text: str) -> None:
    assert not assess(text).danger


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("violence", "manžel na mě používá násilí, když se napije"),
        ("suicide", "už nechci žít, po směně se zabiju"),
    ],
)
def test_violence_and_a_plan_after_a_shift_still_alarm(category: str, text: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "táta je opilý a mlátí mámu, zamkla jsem se v koupelně, je mi 12",
        "nevlastní máma mě zavřela na balkon, je tam hrozná zima a jsem tu už 2 hodiny",
        "on speed since yesterday, my heart is racing and I am alone",
    ],
)
def test_hiding_from_an_attack_hours_locked_out_in_the_cold_and_a_racing_heart_on_drugs_are_acute(
    text: str,
) -> None:
    found = assess(text)
    assert found.danger and found.acute


def test_a_cold_cellar_told_as_a_habit_is_danger_but_not_acute() -> None:
    found = assess("když zlobíme, otčím nás zavírá do sklepa, je tam zima")
    assert found.danger and not found.acute


def test_a_mother_who_left_the_family_is_no_child_running_away() -> None:
    assert not assess("jsem na kluky sám, jejich máma utekla za novým chlapem a nechala mi dluhy").danger


def test_a_child_who_ran_away_from_mother_still_alarms() -> None:
    assert "running_away" in assess("utekla jsem od mámy, je mi 13 a nevím, kam jít").categories


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("threats", "mám dluhy u lichváře a teď mi píšou, že vědí, kam chodí můj syn do školy"),
        ("threats", "мені пишуть колектори, що приїдуть і «поговорять» з донькою, якщо не віддам гроші"),
        ("suicide", "inogda mne kazhetsja, chto proshche ujti iz zhizni"),
        ("bullying", "ve třídě se mi všichni smějou a nikdo se mnou nesedí, mámě říkám, že je všechno v pořádku"),
        ("medical_emergency", "dědeček je diabetik a od rána je zmatený a celý zpocený"),
        ("suicide", "I'm 15, I left a note for my parents just in case, nobody would miss me"),
        ("suicide", "potřebuju dát psa do dobrých rukou a sepsat závěť, už nechci dál"),
        ("self_harm", "pořád se poškozuju a teď je to horší, na psychologa se čeká půl roku"),
        (
            "sexual_violence",
            "jeden kluk z roblox chce, abych za ním dnes přijela a bylo to tajemství před rodiči, je mi 12",
        ),
        ("medical_emergency", "у мами з ранку оніміла ліва половина обличчя і їй важко говорити"),
        ("violence", "sousedka má zase monokl a vnuk jí bere celý důchod"),
    ],
)
def test_collectors_leaving_life_a_class_that_shuts_out_a_confused_diabetic_and_a_secret_meeting_are_heard(
    category: str, text: str
) -> None:
    assert category in assess(text).categories


def test_a_newcomer_nobody_talks_to_yet_is_lonely_not_in_danger() -> None:
    assert not assess("je mi 14, jsem tu nová a ve škole se mnou zatím nikdo nemluví, kde najdu kroužek").danger
