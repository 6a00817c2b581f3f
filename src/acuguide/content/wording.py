"""Every fixed English phrase a session speaks or shows, in one place.

A second language is a second module with the same names. The texts are written as a
person reads them ("BL23", "4-7-8"); each speech engine normalises them for itself, and
the transcripts keep them as written.
"""

from __future__ import annotations

# -- opening and closing --------------------------------------------------------------
END = "This is the end of the session."
INTRODUCTION_CHAPTER = "{title}: introduction"
END_CHAPTER = "End"
BELL = "(bell)"  # how a bell is shown in the text timeline; never spoken or transcribed

SAFETY_FULL = (
    "Before we begin, a few words of care.",
    "Never press on broken, inflamed or scarred skin, a wound, a bruise, or a swollen area.",
    "Start gently, and press no harder than a dull, comfortable ache: never to sharp pain. If anything hurts, ease off or stop.",
    "If your pain is severe, keeps coming back, or lasts more than a few days, see a doctor.",
    "Ask a doctor first if you have a health condition, take blood thinners, have osteoporosis, or have had spinal surgery.",
)
# Red flags: signs that need a doctor, not acupressure (the red flags of back pain
# guidelines, as TRIAGE_RED_FLAGS below). Said in every full note, and in the short one too
# when the session is for sciatica. Short sentences, most urgent first: one long sentence of
# eight signs was among the cues heard worst.
SAFETY_RED_FLAGS = (
    "Some signs need a doctor, not acupressure.",
    "For chest pain or pressure, numbness between your legs or around your bottom, "
    "or new trouble controlling your bladder or bowels, stop and call an ambulance.",
    "See a doctor first if your pain began with a fall or an accident, or comes with a fever or a weak leg.",
    "And see a doctor first if you have had cancer, are losing weight without trying, or the pain is worse at night or at rest.",
    "If any of these begin during the session, stop.",
)
SAFETY_VARICOSE = "Do not press on varicose veins."
SAFETY_SHORT = "Never press on broken skin or swelling, and stop if anything hurts."
# "or might be": early on, nobody may know yet, and the points are avoided from the start
SAFETY_PREGNANCY = "If you are pregnant, or might be, do not follow this session: some of its points are traditionally avoided in pregnancy."

# -- equipment, said after the title, before the listener closes their eyes -----------
EQUIPMENT = "For this session you will need {things}. Have everything beside you now."
EQUIPMENT_TOOLS = {
    "ball": "a massage ball or a tennis ball",
    "ball-two": "two massage balls or tennis balls",  # one each side of the spine
    "roller": "a foam roller",
    "gun": "a massage gun",
}
EQUIPMENT_MAT = "a mat or a carpeted floor"  # to lie on a ball or a roller


def listing(things: list[str]) -> str:
    """'a, b and c'."""
    return " and ".join([", ".join(things[:-1]), things[-1]] if len(things) > 1 else things)


def counted(number: int, noun: str) -> str:
    """'1 hold', '3 holds'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- points -----------------------------------------------------------------------------
POINT_NAME = "{english}. {code}."  # a beat between name and code: heard as "Sea of Vitality. Bladder 23"
REFLEX_NAME = "{english}."  # its code (HAND-SPINE) is for typing, not saying; its directions say what it is
PRESS = {"gentle": "Press gently", "moderate": "Press with moderate pressure", "firm": "Press firmly"}
PRESS_CIRCLES = ", in small, slow circles."
PRESS_STEADY = "."
PRESS_WITH = {  # pressing with a tool: the tool does the work, the listener lets it
    "ball": "Now let your weight sink slowly down.",
    # never "let your weight rest on it": over the spine (stomach-back's GV9 against a wall)
    # that undid the step's own "lean back only lightly"; lying on it, the feet still help
    "roller": "Ease into the roller, and keep some of your weight on your feet.",
    "gun": "Rest the massage gun on the spot, on its lowest setting, and let it work.",
    # standing against a wall: sinking would roll the ball off the spot; lean back instead
    "ball-wall": "Now lean back into the ball, a little at a time.",
    "roller-wall": "Lean back into the roller only lightly, and keep your weight on your feet.",
}
RELEASE = "And release."
SWITCH_SIDES = "Now the right side, the same spot."
START_LEFT = "Start on the left side."
BOTH_HANDS = "Use both hands, one on each side."
LEFT_ONLY = "Use the left side."
RIGHT_ONLY = "Use the right side."
GROUP_START = {  # said once where a group of steps grouped by side begins
    "each": "Start on the left side, for all of these points.",
    "left": "Use the left side for these points.",
    "right": "Use the right side for these points.",
}
GROUP_START_ONE = {  # the same, for a group of one point (held in one hand, say, and switched by hand)
    "each": "Start on the left side.",
    "left": "Use the left side.",
    "right": "Use the right side.",
}
GROUP_SWITCH_SIDES = "Now the right side: the same points again."
SAME_SPOT = "The same spot, on this side."  # a point found on the other side a moment ago
ROUND = "Round {round} of {rounds}."
ROUND_LEFT = "Round {round} of {rounds}, left side."
CHAPTER_SIDE = ", {side}"
CHAPTER_ROUND = ", round {round}"


def duration(seconds: float) -> str:
    """'1 minute 30 seconds'."""
    minutes, secs = divmod(round(seconds), 60)
    parts = [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes else []
    parts += [f"{secs} second{'s' if secs != 1 else ''}"] if secs else []
    return " ".join(parts) or "0 seconds"


def time_left(seconds: float) -> str:
    """'1 minute 30 seconds left.'"""
    return (duration(seconds) + " left.").capitalize()


PROGRAM_TITLE = "{title}: week {week} of {weeks}"
PROGRAM_SUMMARY = "Week {week} of {weeks}: holds of {hold}{rounds}. Practise it {sessions} times this week, on separate days."
PROGRAM_ROUNDS = ", {repeat} rounds"


# -- breathing --------------------------------------------------------------------------
# Trailing, as a guide says them over the start of the phase, and each says what to do:
# "Hold." and "And out." were misheard most of the time in eSpeak NG ("Oh", "And I'll"), and
# eSpeak's "breathe" often as "three"; "Inhale..." and "Exhale..." were heard in every voice.
BREATH = {"in": "Inhale...", "hold": "Hold your breath...", "out": "Exhale...", "hold_out": "Pause..."}
COUNT_FIRST = {"in": "In.", "hold": "Hold.", "out": "Out.", "hold_out": "Hold."}
COUNTS = (
    "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "Eight.", "Nine.", "Ten.", "Eleven.", "Twelve.",
    "Thirteen.", "Fourteen.", "Fifteen.", "Sixteen.", "Seventeen.", "Eighteen.", "Nineteen.", "Twenty.",
)  # fmt: skip
BREATHE_WITH_ME = "Breathe with me: {phases}."
def seconds(value: float) -> str:
    """A count of seconds as it is said: '5 and a half', not '5.5' (read 'five point five')."""
    whole, part = divmod(value, 1)
    if part == 0.5:
        return f"{whole:g} and a half"
    return f"{value:g}"


PHASE_FOR = {"in": "in for {seconds}", "hold": "hold for {seconds}", "out": "out for {seconds}", "hold_out": "hold for {seconds}"}
FOLLOW_THE_TONE = "Follow the tone: breathe in as it rises, and out as it falls."
BREATHING_CHAPTER = "Breathing: {pattern}"
RISING_TONE, FALLING_TONE = "(rising tone)", "(falling tone)"


# -- the starting routine `acuguide new` writes ------------------------------------------
STARTER_SUMMARY = "A short acupressure session for the lower back and legs."
STARTER_SIT = "Sit on a firm chair with your feet flat on the floor, and let your shoulders drop."
STARTER_FRONT = "Move toward the front of the seat."
STARTER_ANKLE = "Cross your left ankle over your right knee, so you can reach the ankle and the top of the foot."
STARTER_OTHER_FOOT = "Uncross your legs, and cross your right ankle over your left knee. The same two points on the right foot."
STARTER_REST = "Rest your hands in your lap and notice how your back and legs feel."


# -- composed sessions ----------------------------------------------------------------
COMPOSE_QUIET = "Find a quiet place where nobody will disturb you for the next few minutes."
COMPOSE_POSTURE = {
    "seated": "Sit on a chair with your feet flat on the floor and your back free of the backrest.",
    "standing": "Now stand up slowly with your feet hip-width apart, and keep your eyes open while you stand. "
                "Rest one hand on a chair or a wall if you like.",
    "lying": "Now lie down on your back on the mat, knees bent and feet flat.",
}
COMPOSE_OTHER_SIDE = "Now the same points on the other side."
COMPOSE_AGAIN = "Now once more through the same points."
COMPOSE_SAME_SPOT = "{name}, {code}: the same spot."
COMPOSE_REST = "Rest for a moment with your eyes closed, and notice how your body feels."
COMPOSE_TOOL_AWAY = {  # before the next posture or tool, and at the end: nothing left under the back
    "ball": "Lift your hips a little, slide the ball out from under you, and put it aside.",
    "ball-both": "Lift your hips a little, slide the balls out from under you, and put them aside.",
    "roller": "Roll gently to one side, off the roller, and put it aside.",
}
COMPOSE_EQUIPMENT = {"chair": "a chair", "mat": "a mat or a bed to lie on"}  # beyond the tools, which name their own mat
COMPOSE_SETTLE = {  # before the closing rest, from where the last point left the listener
    "standing": "Sit down slowly on the chair, and keep your eyes open until you are seated.",
    "lying": "Lie flat on the mat, arms by your sides.",
}
COMPOSE_GET_UP = {
    "lying": "When you are ready, open your eyes, roll onto your side, and come up to sitting slowly.",
    "seated": "When you are ready, open your eyes, and get up slowly.",
}
COMPOSE_PLACE = {
    "ball": "{name}, {code}. Place the ball under {place}.",
    "ball-both": "{name}, {code}. Lie with the two balls under your back, {place}.",
    "roller": "{name}, {code}. Lie back with the roller across your back, under {place}.",
    "roller-both": "{name}, {code}. Lie back with the roller across your back, under {place}.",
    "gun": "{name}, {code}. Hold the massage gun on {place}.",
}


# -- composing from a person's own words: red flags, pregnancy, how the words were read ---
# Signs that back pain needs a doctor before anyone presses anything (the red flags of back
# pain guidelines). `compose` refuses the session and says which sign it read, and why.
# The patterns are English: a second language brings its own. Each is a regular expression
# over the lower-cased words of one clause ("and", "but" and punctuation end a clause).
TRIAGE_REFUSED = (
    "no session was composed: these symptoms need a doctor first, not acupressure. {findings} "
    "When a doctor has seen you and says self-massage is safe, run compose again with only what hurts."
)
TRIAGE_FINDING = 'You wrote "{said}", which reads as {what}: {why}'
TRIAGE_NERVES = (
    "with back pain this can mean pressure on the nerves at the base of the spine (cauda equina syndrome). "
    "That is an emergency: go to an emergency department now, or call an ambulance."
)
TRIAGE_RED_FLAGS = {  # key: (what was recognised, why it needs a doctor and what to do)
    "saddle": ("numbness in the groin or saddle area", TRIAGE_NERVES),
    "continence": ("loss of bladder or bowel control", TRIAGE_NERVES),
    "chest": ("chest pain, tightness or pressure",
              "this can come from the heart, even when the back hurts too. Call an ambulance now."),
    "injury": ("pain after a fall or an accident",
               "a bone of the spine or a rib may be broken, and pressing on a fracture can do harm. "
               "See a doctor before any massage."),
    "fever": ("a fever", "a fever with back pain can mean an infection in or near the spine. See a doctor today."),
    "weight": ("weight loss you cannot explain",
               "with back pain this can be the sign of an illness elsewhere in the body. See a doctor soon."),
    "cancer": ("a history of cancer",
               "new back pain after a cancer must be checked in case it has spread to the bones of the spine. "
               "See your doctor soon."),
    "leg": ("weakness in a leg or foot, or a foot you cannot feel",
            "with back pain this can mean a nerve is being pressed hard. See a doctor before any massage, "
            "today if it is new or getting worse."),
    "heart": ("breathlessness, or pain in the jaw, with pain in the back",
              "this can come from the heart. If it is new or came on suddenly, call an ambulance now; "
              "otherwise see a doctor before any massage."),
    "urine": ("pain or burning when you pass urine, or blood in it",
              "with back pain this can be a kidney infection, and the points of the lower back lie over the kidneys. "
              "See a doctor today."),
    "belly": ("vomiting, blood in the stool, or a lump in the belly that pulses",
              "with back pain these can come from the bowel or the main blood vessel of the belly. "
              "Call a doctor now, or an ambulance if the pain is sudden and severe."),
    "rest": ("pain at night or at rest that does not ease",
             "a strained muscle eases with rest; pain that wakes you, or does not ease when you rest, can come "
             "from an infection, an inflammation or a growth. See a doctor before treating it yourself."),
}
_NUMB = r"numb|numbness|numb feeling|no feeling|loss of feeling|lost feeling|loss of sensation|tingling|(?:can't|cannot) feel"
_SADDLE = (r"groin|crotch|genitals?|perineum|saddle|saddle area|between (?:my|the|your) legs"
           r"|around (?:my|the|your) (?:bottom|anus|back passage)")
TRIAGE_RED_FLAG_WORDS = {  # key of TRIAGE_RED_FLAGS: the ways people write it
    "saddle": (
        rf"(?:{_NUMB}) (?:\w+ ){{0,2}}?(?:{_SADDLE})",  # numb groin, numbness between my legs
        rf"(?:{_SADDLE}) (?:\w+ ){{0,2}}?(?:{_NUMB})",  # saddle numbness, my groin feels numb
    ),
    "continence": (
        r"(?:can't|cannot|can not|couldn't|unable to|trouble|difficulty|problems?|struggling to|struggle to) "
        r"(?:\w+ )?control(?:ling)? (?:of )?(?:my |the )?(?:bladder|bowels?|pee|wee|urine|peeing|weeing)",
        r"(?:loss|lost|losing|lose) (?:of )?(?:control of |control over )?(?:my |the )?(?:bladder|bowels?)",
        r"(?:bladder|bowel|urinary|faecal|fecal) (?:leaks?|leaking)",
        r"incontinen\w*",
        r"(?:wet|wetting|wets|peed|peeing|pee|wee|weed|weeing|soiled|soiling|soil) (?:myself|my pants|my trousers|the bed)",
        r"(?:can't|cannot|unable to|couldn't) (?:pee|wee|urinate|pass urine|pass water)",
        r"(?:can't|cannot|unable to|couldn't|trouble|difficulty) (?:hold|holding) (?:in )?(?:my |the )?(?:pee|wee|urine|bladder|bowels?|wind|it in)",
    ),
    "leg": (
        r"(?:weak|weakness|weakened|no strength) (?:\w+ ){0,3}?(?:legs?|foot|feet|knees?|ankles?)",
        r"(?:legs?|foot|feet|knees?|ankles?) (?:\w+ ){0,2}?(?:weak|weakness|gives? way|giving way|gave way|buckles?|buckling|drags?|dragging)",
        r"foot drop|drop foot",
        r"(?:can't|cannot|can not|couldn't) (?:\w+ ){0,1}?feel (?:my |the )?(?:legs?|foot|feet|toes)",
        r"no feeling in (?:my |the |both |one )?(?:legs?|foot|feet)",  # not numbness alone: common with sciatica
    ),
    "heart": (
        r"breathless\w*|short of breath|shortness of breath|out of breath|(?:can't|cannot) (?:catch my )?breathe?",
        r"jaw (?:pain|ache|aches|hurts)|pain in (?:my |the )?jaw|aching jaw",
    ),
    "urine": (
        r"(?:burning|burns|stings?|stinging|hurts?|pain|painful) (?:\w+ ){0,2}?(?:when|while|as) (?:i )?(?:pee|wee|urinate|pass urine|passing urine|peeing|weeing)",
        r"painful (?:urination|peeing|weeing)",
        r"blood in (?:my |the )?(?:urine|pee|wee)",
        r"(?:kidney|urine|urinary|bladder) infection|\buti\b|cystitis",
    ),
    "belly": (
        r"vomit\w*|throwing up|threw up|being sick",
        r"blood in (?:my |the )?(?:stools?|poo|poop|bowel movements?)|bloody (?:stools?|poo)|black (?:stools?|poo)",
        r"(?:pulsing|pulsating|throbbing|beating) (?:\w+ ){0,2}?(?:lump|mass|swelling)",
        r"(?:lump|mass|swelling) (?:\w+ ){0,4}?(?:pulses|pulsing|pulsates|throbs|beats)",
    ),
    "chest": (
        r"chest (?:pains?|tightness|pressure|aches?|discomfort|is tight|feels tight|feels heavy)",
        r"(?:pains?|tightness|pressure|aches?|aching|discomfort|heaviness|squeezing) (?:in|on|across|around) (?:my |the )?chest",
        r"tight chest",
    ),
    "injury": (
        r"(?:after|since|from|had|took|with) (?:a|an|my|the|that) (?:\w+ )?(?:fall|tumble)",  # not "in the fall"
        r"fell(?! asleep)(?: (?:off|down|from|over|onto?) (?:a |an |the |my )?\w+)?",  # not "fell asleep"
        r"(?:fall|falling) (?:off|down|from|over)",
        r"(?:(?:car|road|traffic|bike|cycling|motorbike|motorcycle|work|sports?|skiing) )?accidents?",
        r"(?:crash|crashed|collision|whiplash)",
        r"(?:hit|knocked down|run over) by",
    ),
    "fever": (
        r"(?<!hay )fevers?",
        r"feverish",
        r"(?:a|high|raised) temperature",
        r"night sweats",
    ),
    "weight": (
        r"(?:lost|losing|lose|dropped|dropping) (?:\w+ ){0,4}?(?:without trying|without dieting|for no reason|"
        r"without meaning to|unintentionally|and i don't know why)",
        r"(?:unexplained|unintended|unintentional|unexplainable|sudden) weight loss",
        r"weight loss (?:without|for no)",
    ),
    "cancer": (
        r"(?:(?:a )?history of |had |have |treated for )?cancers?",
        r"tumou?rs?",
        r"malignan\w*",
        r"carcinoma",
        r"metasta\w*",
        r"lymphoma|leuka?emia|myeloma|melanoma|sarcoma",
        r"chemo\w*|radiotherapy",
    ),
    "rest": (
        r"(?:pain|pains|aches?|aching|hurts?|hurting|sore|worse|throbbing) (?:even )?(?:at night|in the night|"
        r"during the night|at rest|when (?:i'm |i am |i )?(?:resting|rest|lying still|lie still))",
        r"night pain|night time pain|nighttime pain|rest pain",
        r"wakes? me(?: up)?(?: at night| in the night| during the night)?",
        r"(?:woken|waking|woke|wake) (?:me )?(?:up )?(?:by|with|from) (?:the )?(?:pain|ache)",
        r"keeps? me (?:up|awake) at night",
        r"(?:doesn't|does not|won't|will not|never) (?:ease|go away|let up|settle|stop|get better|improve)"
        r"(?: even)? (?:at night|at rest|when i rest|with rest|when resting|when lying still)",
    ),
}
TRIAGE_PREGNANCY_WORDS = (
    r"pregnan\w*",
    r"expecting (?:a |our |my )?(?:first |second |third |next )?(?:baby|child|twins)",
    r"(?:i'm|i am|we're|we are) expecting$",
    r"trimester",
    r"baby on the way",
    r"(?:i'm|i am|im|she's|she is) \d+ (?:weeks?|months?)(?: along| gone| in)?$",  # "I'm 30 weeks": pregnancy, said short
    r"\d+ (?:weeks?|months?) (?:along|gone)",
)
# Words that make what follows them within a few words not so ("no fever", "I don't have a fever").
# "can't" and "won't" are not among them: "can't control my bladder" is the sign itself.
TRIAGE_NEGATIONS = (
    "no", "not", "non", "never", "without", "none", "nor", "neither",
    "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "haven't", "havent", "hasn't", "hasnt",
    "hadn't", "hadnt", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent",
)  # fmt: skip
# Doubt is not denial: these are read as "unsure", so "not sure if I'm pregnant" still counts.
TRIAGE_HEDGES = ("not sure", "not certain", "don't know", "dont know", "do not know", "no idea")
TRIAGE_CLAUSE_BREAKS = ("and", "but", "although", "though", "however", "yet", "except", "whereas", "also")
COMPOSE_PREGNANCY = (
    'pregnancy in your words ("{said}"): points traditionally avoided in pregnancy are left out; '
    "ask your midwife or doctor before acupressure in pregnancy"
)
# What a composed session says first, as its `warning`, when the words or the complaint call for it.
COMPOSE_WARNINGS = {
    "pregnancy": "The points avoided in pregnancy are left out of this session. If you are pregnant and have any bleeding, "
                 "leaking fluid, tightening that comes in waves, a fever, or burning when you pass urine, stop and call "
                 "your midwife or doctor.",
    "bloating": "With a bloated belly, some signs need help straight away, not acupressure: sudden, severe pain in the "
                "belly and back, vomiting, blood in your stool, or a lump in your belly that pulses with your heartbeat. "
                "If you have any of these, stop now and call a doctor or an ambulance.",
    "stomach": "First, about your heart. A heart attack can feel like heartburn or a stomach ache. If you have new "
               "pressure or tightness in your chest or upper belly, or the pain comes with breathlessness, sweating or "
               "feeling sick, stop now and call an ambulance. Do not use this session for that pain.",
}
COMPOSE_MAPPED = (
    'your words "{said}" were taken as "{name}", the nearest complaint acuguide composes for; '
    "it covers {known}. If that is not what you meant, choose one of those with --for"
)
COMPOSE_HANDS_ONLY = (
    "{codes} left out: no massage gun, roller or ball goes on the bones of the spine or over the kidneys, "
    "only gentle hands"
)
COMPOSE_OUT_OF_REACH = (
    "{codes} left out: {tools} cannot reach {them}; add {needed} (--tools {option}), "
    "or have a partner press {them} (acuguide render partner-back)"
)
COMPOSE_UNUSED = (
    "not used: {tools}; the points that fit {complaint} in this time are pressed better otherwise "
    "(no tool goes on the spine or over the kidneys, and balls are lain on before a roller)"
)
COMPOSE_HANDS_ONLY_ADD = "; add hands (--tools {tools},hands) to press {them} gently by hand"
