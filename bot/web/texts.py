"""The web pages' own words in Czech, Ukrainian and English, and the language of a request.

Group names, "for whom" phrases, the results count and the explanations of the kinds of
service come from the bot's message catalogues (bot/locale, `bot.i18n.Translator`); the
words only the web has (labels, headings, the page texts) are here. The catalogue itself
(service names, descriptions, crisis lines) stays as the register publishes it, in Czech.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.families import FAMILIES
from bot.i18n import Translator

WEB_LANGUAGES = ("cs", "uk", "en")
LANGUAGE_LABELS = {"cs": "Česky", "uk": "Українською", "en": "English"}

CS: dict[str, str] = {
    "brand_nav": "Hlavní odkazy",
    "languages_nav": "Jazyk",
    "crisis_lines": "Krizové linky",
    "search_help": "Hledat pomoc",
    "emergency": "Jde-li o život nebo zdraví, volejte",
    "or": "nebo",
    "form_need": "S čím potřebujete pomoci?",
    "form_placeholder": "například pečovatelská služba",
    "form_town": "Obec (nepovinné)",
    "form_all_towns": "— všechny obce —",
    "form_town_typed": "napište název obce, nebo nechte prázdné",
    "town_same_name": "Obcí s názvem „{name}“ je víc. Vyberte svou:",
    "town_unknown": "Obec „{name}“ jsem nenašel. Hledám ve všech obcích.",
    "form_search": "Hledat",
    "nonstop": "nonstop",
    "home_title": "Najděte sociální službu",
    "home_h1": "Najděte pomoc ve svém okolí",
    "home_intro": "Napište vlastními slovy, s čím potřebujete pomoci, a vyberte obec.",
    "for_whom_h": "Pro koho hledáte",
    "by_need_h": "Podle životní situace",
    "guide_link": "Nevíte, jak to napsat? Hledejte krok za krokem",
    "guide_title": "Hledat krok za krokem",
    "guide_town": "Ve které obci?",
    "guide_whole": "Nevím, nebo v celé oblasti",
    "guide_next": "Pokračovat",
    "guide_all": "Všechny služby pro tuto skupinu",
    "guide_words": "Nebo to napište vlastními slovy:",
    "guide_back": "Změnit volbu",
    "by_town_h": "Služby v obci",
    "town_pick": "Obec",
    "town_show": "Zobrazit služby v obci",
    "help_now": "Potřebujete pomoc hned?",
    "lines_free": "telefonická pomoc zdarma, mnohé nonstop.",
    "lines_intro": "Volat můžete zdarma. Jde-li o život nebo zdraví, volejte hned 112 nebo 155.",
    "find_service": "Hledat sociální službu",
    "nf_title": "Stránka nenalezena",
    "nf_h1": "Tuto stránku nemáme",
    "nf_text": "Služba nebo stránka, kterou hledáte, v katalogu není. Možná byla odstraněna, nebo je adresa neúplná.",
    "nf_home": "Hledat pomoc na úvodní stránce",
    "nf_lines": "Všechny krizové linky",
    "danger_h": "Jde-li o život nebo zdraví, volejte hned:",
    "results_title": "Výsledky hledání",
    "more": "Zobrazuji {n} nejvhodnějších. Upřesněte hledání, například obcí.",
    "elsewhere": "Jinde v oblasti",
    "back_home": "Zpět na úvodní stránku",
    "search_again": "Hledat znovu",
    "for_whom_short": "Pro koho:",
    "s_for_whom": "Pro koho",
    "s_how": "Jak získat pomoc",
    "s_where": "Kde",
    "s_hours": "Otevírací doba",
    "s_price": "Cena",
    "s_languages": "Domluvíte se také",
    "s_access": "Bezbariérovost",
    "s_contact": "Kontakt",
    "s_of_provider": "(kontakty poskytovatele)",
    "s_phone": "Telefon",
    "s_email": "E-mail",
    "s_web": "Web",
    "other_help": "Hledat jinou pomoc",
    "write_need": "Napište, s čím potřebujete pomoci.",
    "nothing": "Nic vhodného jsem nenašel.",
    "not_understood": "Nerozuměl jsem, s čím potřebujete pomoci. Zkuste to napsat jinými slovy, "
    "například „pečovatelská služba“ nebo „azylový dům“.",
    "no_service": "Takovou službu v katalogu nemáme.",
    "not_for_group": "Takové služby v katalogu jsou, ale ne pro tuto skupinu lidí.",
    "not_in_place": "V této obci ani do ní takovou službu nikdo neposkytuje.",
    "place_outside": "Tato obec leží mimo oblast, kterou katalog pokrývá.",
    "hidden_address": "adresa se nezveřejňuje",
    "checked_unknown": "Kdy byly údaje ověřeny, nevíme.",
    "checked": "Ověřeno:",
    "looking_for": "Hledám:",
    "town_h1": "Sociální služby – {name}",
    "town_intro": "Služby, které mají v obci {name} své místo nebo sem za lidmi dojíždějí.",
    "town_reaches": "dojíždí sem",
    "town_none": "V obci {name} ani do ní katalog zatím žádnou službu nemá.",
    "town_search": "Hledat v této obci",
    "need_intro": "Služby, které v této životní situaci pomáhají.",
    "need_none": "Pro tuto životní situaci katalog zatím žádnou službu nemá.",
}

UK: dict[str, str] = {
    "brand_nav": "Головні посилання",
    "languages_nav": "Мова",
    "crisis_lines": "Кризові лінії",
    "search_help": "Шукати допомогу",
    "emergency": "Якщо йдеться про життя чи здоров'я, телефонуйте",
    "or": "або",
    "form_need": "З чим вам потрібна допомога?",
    "form_placeholder": "наприклад, доглядова служба",
    "form_town": "Населений пункт (необов'язково)",
    "form_all_towns": "— усі населені пункти —",
    "form_town_typed": "напишіть назву населеного пункту або залиште порожнім",
    "town_same_name": "Населених пунктів із назвою «{name}» кілька. Виберіть свій:",
    "town_unknown": "Населений пункт «{name}» не знайдено. Шукаю в усіх.",
    "form_search": "Шукати",
    "nonstop": "цілодобово",
    "home_title": "Знайдіть соціальну службу",
    "home_h1": "Знайдіть допомогу поблизу",
    "home_intro": "Напишіть своїми словами, з чим вам потрібна допомога, і оберіть населений пункт.",
    "for_whom_h": "Для кого шукаєте",
    "by_need_h": "За життєвою ситуацією",
    "guide_link": "Не знаєте, як написати? Шукайте крок за кроком",
    "guide_title": "Пошук крок за кроком",
    "guide_town": "У якому населеному пункті?",
    "guide_whole": "Не знаю, або в усій області",
    "guide_next": "Далі",
    "guide_all": "Усі служби для цієї групи",
    "guide_words": "Або напишіть своїми словами:",
    "guide_back": "Змінити вибір",
    "by_town_h": "Служби в населеному пункті",
    "town_pick": "Населений пункт",
    "town_show": "Показати служби",
    "help_now": "Потрібна допомога негайно?",
    "lines_free": "безкоштовна телефонна допомога, багато ліній цілодобово.",
    "lines_intro": "Дзвінки безкоштовні. Якщо йдеться про життя чи здоров'я, негайно телефонуйте 112 або 155.",
    "find_service": "Шукати соціальну службу",
    "nf_title": "Сторінку не знайдено",
    "nf_h1": "Такої сторінки немає",
    "nf_text": "Служби чи сторінки, яку ви шукаєте, в каталозі немає. Можливо, її видалено або адреса неповна.",
    "nf_home": "Шукати допомогу на головній сторінці",
    "nf_lines": "Усі кризові лінії",
    "danger_h": "Якщо йдеться про життя чи здоров'я, негайно телефонуйте:",
    "results_title": "Результати пошуку",
    "more": "Показано {n} найкращих. Уточніть пошук, наприклад населеним пунктом.",
    "elsewhere": "Деінде в регіоні",
    "back_home": "Назад на головну сторінку",
    "search_again": "Шукати знову",
    "for_whom_short": "Для кого:",
    "s_for_whom": "Для кого",
    "s_how": "Як отримати допомогу",
    "s_where": "Де",
    "s_hours": "Години роботи",
    "s_price": "Ціна",
    "s_languages": "Також можна порозумітися",
    "s_access": "Безбар'єрність",
    "s_contact": "Контакт",
    "s_of_provider": "(контакти надавача)",
    "s_phone": "Телефон",
    "s_email": "E-mail",
    "s_web": "Вебсайт",
    "other_help": "Шукати іншу допомогу",
    "write_need": "Напишіть, з чим вам потрібна допомога.",
    "nothing": "Нічого відповідного я не знайшов.",
    "not_understood": "Я не зрозумів, з чим вам потрібна допомога. Спробуйте написати іншими словами, "
    "наприклад «доглядова служба» або «притулок».",
    "no_service": "Такої служби в каталозі немає.",
    "not_for_group": "Такі служби в каталозі є, але не для цієї групи людей.",
    "not_in_place": "У цьому населеному пункті й до нього таку службу ніхто не надає.",
    "place_outside": "Цей населений пункт лежить поза територією, яку охоплює каталог.",
    "hidden_address": "адреса не оприлюднюється",
    "checked_unknown": "Коли дані перевіряли, невідомо.",
    "checked": "Перевірено:",
    "looking_for": "Шукаю:",
    "town_h1": "Соціальні служби – {name}",
    "town_intro": "Служби, які мають місце в населеному пункті {name} або приїжджають сюди до людей.",
    "town_reaches": "приїжджає сюди",
    "town_none": "Для населеного пункту {name} каталог поки не має жодної служби.",
    "town_search": "Шукати в цьому населеному пункті",
    "need_intro": "Служби, які допомагають у цій життєвій ситуації.",
    "need_none": "Для цієї життєвої ситуації каталог поки не має жодної служби.",
}

EN: dict[str, str] = {
    "brand_nav": "Main links",
    "languages_nav": "Language",
    "crisis_lines": "Crisis lines",
    "search_help": "Find help",
    "emergency": "If a life or health is at risk, call",
    "or": "or",
    "form_need": "What do you need help with?",
    "form_placeholder": "for example home care",
    "form_town": "Municipality (optional)",
    "form_all_towns": "— all municipalities —",
    "form_town_typed": "type the name of the municipality, or leave it empty",
    "town_same_name": "There are several municipalities called “{name}”. Choose yours:",
    "town_unknown": "I did not find the municipality “{name}”. Searching all of them.",
    "form_search": "Search",
    "nonstop": "24/7",
    "home_title": "Find a social service",
    "home_h1": "Find help near you",
    "home_intro": "Write in your own words what you need help with, and choose a municipality.",
    "for_whom_h": "Who is the help for",
    "by_need_h": "By life situation",
    "guide_link": "Not sure what to write? Search step by step",
    "guide_title": "Search step by step",
    "guide_town": "In which municipality?",
    "guide_whole": "I don't know, or anywhere in the area",
    "guide_next": "Continue",
    "guide_all": "All services for this group",
    "guide_words": "Or write it in your own words:",
    "guide_back": "Change the choice",
    "by_town_h": "Services in a municipality",
    "town_pick": "Municipality",
    "town_show": "Show services",
    "help_now": "Do you need help right now?",
    "lines_free": "free help by telephone, many lines 24/7.",
    "lines_intro": "Calls are free. If a life or health is at risk, call 112 or 155 at once.",
    "find_service": "Find a social service",
    "nf_title": "Page not found",
    "nf_h1": "We do not have this page",
    "nf_text": "The service or page you are looking for is not in the catalogue. "
    "It may have been removed, or the address is incomplete.",
    "nf_home": "Find help on the home page",
    "nf_lines": "All crisis lines",
    "danger_h": "If a life or health is at risk, call now:",
    "results_title": "Search results",
    "more": "Showing the {n} best matches. Narrow the search, for example by municipality.",
    "elsewhere": "Elsewhere in the area",
    "back_home": "Back to the home page",
    "search_again": "Search again",
    "for_whom_short": "For whom:",
    "s_for_whom": "For whom",
    "s_how": "How to get help",
    "s_where": "Where",
    "s_hours": "Opening hours",
    "s_price": "Price",
    "s_languages": "Also spoken",
    "s_access": "Accessibility",
    "s_contact": "Contact",
    "s_of_provider": "(the provider's contacts)",
    "s_phone": "Phone",
    "s_email": "E-mail",
    "s_web": "Website",
    "other_help": "Find other help",
    "write_need": "Write what you need help with.",
    "nothing": "I found nothing suitable.",
    "not_understood": "I did not understand what you need help with. Try other words, "
    "for example “home care” or “shelter”.",
    "no_service": "The catalogue has no such service.",
    "not_for_group": "The catalogue has such services, but not for this group of people.",
    "not_in_place": "Nobody provides such a service in or to this municipality.",
    "place_outside": "This municipality lies outside the area the catalogue covers.",
    "hidden_address": "the address is not published",
    "checked_unknown": "We do not know when the details were checked.",
    "checked": "Checked:",
    "looking_for": "Looking for:",
    "town_h1": "Social services – {name}",
    "town_intro": "Services with a place in {name} or coming to people there.",
    "town_reaches": "comes here",
    "town_none": "The catalogue has no service in or to {name} yet.",
    "town_search": "Search in this municipality",
    "need_intro": "Services that help in this life situation.",
    "need_none": "The catalogue has no service for this life situation yet.",
}

TEXTS: Mapping[str, Mapping[str, str]] = {"cs": CS, "uk": UK, "en": EN}
assert set(CS) == set(UK) == set(EN)


def web_language(value: str | None) -> str:
    """The page language from `?lang=`: "uk" or "en", Czech for anything else."""
    text = (value or "").strip().lower()
    return text if text in WEB_LANGUAGES else "cs"


def texts(language: str) -> Mapping[str, str]:
    """The web's words in `language` (Czech for an unknown one)."""
    return TEXTS.get(language, CS)


def guide_questions(language: str) -> dict[str, str]:
    """The guide's questions, as the bot asks them (from the message catalogue)."""
    t = Translator(language)
    return {"group": t.raw("ask.group"), "need": t.raw("ask.need")}


def group_names(language: str) -> dict[str, str]:
    """The four target-group families' names, from the message catalogue."""
    t = Translator(language)
    return {key: t.raw(f"group.{key}") for key in FAMILIES}


def group_for(language: str, group: str | None) -> str:
    """ "pro seniory": the "for whom" phrase of a family, from the message catalogue."""
    return Translator(language).raw(f"group.for.{group}") if group in FAMILIES else ""
