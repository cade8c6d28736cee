"""Groups of concept names (catalog_data/bezpeci/pojmy.csv, fraze.txt) that the danger detector
reads in a particular way: contexts that soften or block, signs that harm lies behind, who
speaks of whom. The concepts themselves are data; these name the roles some of them play."""

from __future__ import annotations

AT_THE_EDGE = frozenset({"HIGH_PLACE", "EDGE", "MEANS"})  # where a message that breaks off is an attempt
SOON = frozenset({"TODAY", "TONIGHT", "NOW"})  # a plan for today is a plan for now
ASKING = frozenset({"HOW_LONG"})  # a question about means, not a step taken
FIRST_PERSON = frozenset({"ME", "I_AM"})  # the writer speaks of themselves
# "po tom filmu se chci zabít" names no "me" either: a wish to die is never read as a topic
SELF_DIRECTED = frozenset({"suicide", "self_harm"})
DANGER_NOUNS = frozenset({"VIOLENCE_WORD", "ABUSE", "SUICIDE_WORD", "BULLY_WORD"})  # a danger named, not done
MEDICAL = frozenset({"medical_emergency"})
OUT_AT_NIGHT = frozenset({"OUTSIDE", "NIGHT", "TONIGHT"})  # without a roof now, not soon
PAST_HARM = frozenset({"violence", "sexual_violence", "running_away", "bullying"})  # harm that can lie years back
# it goes on, the writer is afraid now, or the one who hurt looks after a child now
STILL = frozenset({"AGAIN", "FEAR", "STILL", "LOOKS_AFTER"})
TOPICS = frozenset({"TOPIC"})  # a topic blocks a rule anywhere, unless the rule says the writer is hurt
SIGNAL_BLOCKERS = frozenset(
    {"TOPIC", "SOLVED", "JOKE", "HYPO", "SAFE_NOW", "DEBT", "HEALED", "NOT_URGENT"}
)  # no alarm from weak signals
# phrases that laughter does not take back: "by to všem bylo jednodušší beze mě haha", a face put on a
# pig's body, a burn pressed on the skin "lmao"
UNLAUGHABLE = frozenset(
    {
        "WISH_GONE",
        "DEGRADING_EDIT",
        "FAKE_PROFILE",
        "SELF_BURN",
        "END_EVERYTHING",
        "HOW_TO_END",
        "SECRET_ASKED",
        "BEATEN",
        "BARCODE",
        "MISS_ME",  # "nikomu bych nechyběla 😅": a laugh does not take that back
    }
)
# beside these the model alone needs MODEL_OVER_SOFTENERS (beside an idiom, "dying to know",
# MODEL_OVER_BLOCKERS): a softening word, something not given back ("won't give back my deposit") or a search for a flat
# ("na ubytovně stejně nechci být dlouho, hledám si jiný byt")
MODEL_SOFTENERS = SIGNAL_BLOCKERS | {"FLAT_HUNT", "FIGURATIVE", "GIVE_BACK", "ON_SHIFT", "JUST_TESTING"}
# a phrase that takes back a word's reading: "lol… jakože vážně." (no joke), "není mi dobře" (not
# well), "better off without me" (no "better"), "znovu vdaná" (nothing again)
CANCELS = {
    "SERIOUS": "JOKE",
    "NOT_WELL": "SAFE_NOW",
    "BETTER_OFF": "SAFE_NOW",
    "REMARRIED": "AGAIN",
    "BACK_THEN": "STILL",
    "LANGUAGE_COURSE": "TOPIC",  # a Czech course is something to attend, not a talk about violence
}
# a message that says only "už nemůžu", "fakt už to nezvládám", "i can't anymore"
DESPAIR_ONLY = frozenset({"ANYMORE", "VERY", "CAN!", "COPE!", "CONTINUE", "IT", "ME", "NEG", "FAREWELL", "HELP_ME"})
SAYING_ONLY = frozenset({"CAN!", "COPE!", "FAREWELL", "HELP_ME"})  # "už nemůžu", "sbohem", "pomoc"

MINIMISED = "MINIMISED"  # the phrase concept of harm played down: its words are not denied
FLEEING = frozenset({"PARTNER", "FEAR"})  # an adult who ran from someone, or ran afraid
# danger the writer denies ("nikdo mě nebije", "nemám sebevražedné myšlenky"): no learned alarm
DENIABLE = frozenset({"HIT", "HURT", "KILL", "SUICIDE_WORD", "VIOLENCE_WORD", "THREAT", "ABUSE", "DIE"})
# what someone did to the writer ("bil", "napadala", "pronásledoval"): every such word told in the
# past, beside a separation, says the harm is over
DEEDS = frozenset({"HIT", "HURT", "ABUSE", "ATTACK", "THREAT", "STALK", "CHOKE", "BEATEN"})
# who writes of a child missing: a parent ("dcera", "syn"), a teacher, a coach, a care worker
MISSING_SAYERS = frozenset({"OWN_CHILD", "PROFESSIONAL", "CARER"})
# what says the child is gone ("odešla", "nevrátil se", "nepřišla domů", "nebere telefon"), not
# that the family is out together ("vyhodili nás i s dcerou")
MISSING_SIGNS = frozenset(
    {"PHONE_OFF", "RETURN!", "COME_TO!", "RUN", "RAN", "LEFT", "AWAY", "DISAPPEAR", "SEEK!", "LOST_PERSON"}
)
