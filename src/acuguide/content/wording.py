"""Every fixed phrase a session speaks or shows, in English, marked for the catalogs.

English is the catalogs' source language: each text here is its own message id, and
`catalog.translator(language)` gives it in another language (`t(wording.END)`). A second
language is a `.po` file, never a second module. The texts are written as a person reads
them ("BL23", "4-7-8"); each speech engine normalises them for itself (spelling numbers in
the session's language), and the transcripts keep them as written.

`# TRANSLATORS:` comments reach the translators in the template; `C_` gives a text a context
where the same English needs different translations.
"""

from __future__ import annotations

import functools

from .catalog import C_, N_, P_, Translator, translator

ENGLISH = translator()

# -- opening and closing --------------------------------------------------------------
# TRANSLATORS: not words: your language's ISO 639-2 code (spa, deu, fra, hin, zho), the MP3's TLAN tag.
ISO_639_2 = C_("ISO 639-2 code", "eng")

# TRANSLATORS: spoken, to a person who has followed the session with closed eyes.
END = N_("This is the end of the session.")
# TRANSLATORS: a chapter title shown in a player; {title} is the session's title.
INTRODUCTION_CHAPTER = N_("{title}: introduction")
# TRANSLATORS: the last chapter's title, shown in a player.
END_CHAPTER = C_("chapter", "End")
# TRANSLATORS: shown (never spoken) in a text timeline where a bell rings.
BELL = N_("(bell)")  # how a bell is shown in the text timeline; never spoken or transcribed

# TRANSLATORS: the spoken safety note: to a person in pain, calm and plain, one sentence a breath.
SAFETY_FULL = (
    N_("Before we begin, a few words of care."),
    N_("Never press on broken, inflamed or scarred skin, a wound, a bruise, or a swollen area."),
    N_(
        "Start gently, and press no harder than a dull, comfortable ache: never to sharp pain. If anything hurts, ease off or stop."
    ),
    N_("If your pain is severe, keeps coming back, or lasts more than a few days, see a doctor."),
    N_(
        "Ask a doctor first if you have a health condition, take blood thinners, have osteoporosis, or have had spinal surgery."
    ),
)
# Red flags: signs that need a doctor, not acupressure (the red flags of back pain
# guidelines, as TRIAGE_RED_FLAGS below). Said in every full note, and in the short one too
# when the session is for sciatica. Short sentences, most urgent first: one long sentence of
# eight signs was among the cues heard worst.
SAFETY_RED_FLAGS = (
    N_("Some signs need a doctor, not acupressure."),
    N_(
        "For chest pain or pressure, numbness between your legs or around your bottom, "
        "or new trouble controlling your bladder or bowels, stop and call an ambulance."
    ),
    N_("See a doctor first if your pain began with a fall or an accident, or comes with a fever or a weak leg."),
    N_(
        "And see a doctor first if you have had cancer, are losing weight without trying, or the pain is worse at night or at rest."
    ),
    N_("If any of these begin during the session, stop."),
)
# After compose's screening questions: the signs were asked about; this says what to do if one begins,
# as urgently as the screening's own table does (saddle numbness, bladder or bowels, a weak leg:
# an emergency department today; chest pain: an ambulance).
SAFETY_RED_FLAGS_REMINDER = N_(
    "If numbness between your legs or around your bottom, new trouble controlling your bladder or bowels, or a "
    "weak leg begins during the session, stop and go to an emergency department today. For chest pain, call an "
    "ambulance."
)
SAFETY_VARICOSE = N_("Do not press on varicose veins.")
SAFETY_SHORT = N_("Never press on broken skin or swelling, and stop if anything hurts.")
# "or might be": early on, nobody may know yet, and the points are avoided from the start
SAFETY_PREGNANCY = N_(
    "If you are pregnant, or might be, do not follow this session: some of its points are traditionally avoided in pregnancy."
)

# -- equipment, said after the title, before the listener closes their eyes -----------
# TRANSLATORS: {things} is a list of the items below, joined by the list messages.
EQUIPMENT = N_("For this session you will need {things}. Have everything beside you now.")
EQUIPMENT_TOOLS = {
    "ball": N_("a massage ball or a tennis ball"),
    "ball-two": N_("two massage balls or tennis balls"),  # one each side of the spine
    "roller": N_("a foam roller"),
    "gun": N_("a massage gun"),
}
# TRANSLATORS: the word a routine's `equipment` uses for a second person who presses the points
# TRANSLATORS: ("equipment: [a partner]"); found inside an equipment item, in lower case.
PARTNER = C_("equipment", "partner")
EQUIPMENT_MAT = N_("a mat or a carpeted floor")  # to lie on a ball or a roller


# TRANSLATORS: joins the items of a list but the last ("a, b"); Chinese would use its own comma.
LIST_SEPARATOR = C_("list", ", ")
# TRANSLATORS: joins the last item of a list to the rest: "a, b and c".
LIST_LAST = C_("list", "{items} and {last}")


# TRANSLATORS: joins the last of a list of alternatives to the rest: "a, b or c".
LIST_LAST_OR = C_("list", "{items} or {last}")


def listing(things: list[str], t: Translator = ENGLISH, last: str = LIST_LAST) -> str:
    """'a, b and c' (or, with `last=LIST_LAST_OR`, 'a, b or c')."""
    if len(things) < 2:
        return "".join(things)
    return t(last).format(items=t(LIST_SEPARATOR).join(things[:-1]), last=things[-1])


# Counts shown to a reader (check, the text timeline's heading): "{n}" stays digits.
STEPS = P_("{n} step", "{n} steps")
POINT_STEPS = P_("{n} point step", "{n} point steps")
CUES = P_("{n} cue", "{n} cues")
HOLDS = P_("{n} hold", "{n} holds")


# -- points -----------------------------------------------------------------------------
# TRANSLATORS: spoken; {english} is the point's name in your language, {code} its code (BL23), which the voice
# TRANSLATORS: says as the channel's name and number ("Bladder 23"). The full stops make a short pause.
POINT_NAME = N_("{english}. {code}.")  # a beat between name and code: heard as "Sea of Vitality. Bladder 23"
REFLEX_NAME = N_("{english}.")  # its code (HAND-SPINE) is for typing, not saying; its directions say what it is
# TRANSLATORS: spoken, imperative, to one person pressing a point on their own body with a finger or thumb.
PRESS = {
    ("gentle", "circles"): N_("Press gently, in small, slow circles."),
    ("gentle", "steady"): N_("Press gently."),
    ("moderate", "circles"): N_("Press with moderate pressure, in small, slow circles."),
    ("moderate", "steady"): N_("Press with moderate pressure."),
    ("firm", "circles"): N_("Press firmly, in small, slow circles."),
    ("firm", "steady"): N_("Press firmly."),
}
PRESS_WITH = {  # pressing with a tool: the tool does the work, the listener lets it
    "ball": N_("Now let your weight sink slowly down."),
    # never "let your weight rest on it": over the spine (stomach-back's GV9 against a wall)
    # that undid the step's own "lean back only lightly"; lying on it, the feet still help
    "roller": N_("Ease into the roller, and keep some of your weight on your feet."),
    "gun": N_("Rest the massage gun on the spot, on its lowest setting, and let it work."),
    # standing against a wall: sinking would roll the ball off the spot; lean back instead
    "ball-wall": N_("Now lean back into the ball, a little at a time."),
    "roller-wall": N_("Lean back into the roller only lightly, and keep your weight on your feet."),
}
RELEASE = N_("And release.")
SWITCH_SIDES = N_("Now the right side, the same spot.")
START_LEFT = N_("Start on the left side.")
BOTH_HANDS = N_("Use both hands, one on each side.")
LEFT_ONLY = N_("Use the left side.")
RIGHT_ONLY = N_("Use the right side.")
GROUP_START = {  # said once where a group of steps grouped by side begins
    "each": N_("Start on the left side, for all of these points."),
    "left": N_("Use the left side for these points."),
    "right": N_("Use the right side for these points."),
}
GROUP_START_ONE = {  # the same, for a group of one point (held in one hand, say, and switched by hand)
    "each": N_("Start on the left side."),
    "left": N_("Use the left side."),
    "right": N_("Use the right side."),
}
GROUP_SWITCH_SIDES = N_("Now the right side: the same points again.")
SAME_SPOT = N_("The same spot, on this side.")  # a point found on the other side a moment ago
# TRANSLATORS: spoken before a press; {round} and {rounds} are numbers, said as words by the voice.
ROUND = N_("Round {round} of {rounds}.")
ROUND_LEFT = N_("Round {round} of {rounds}, left side.")
# TRANSLATORS: added to a chapter title ("BL23 Sea of Vitality, left"); {side} is one of the side words.
CHAPTER_SIDE = N_(", {side}")
# TRANSLATORS: added to a chapter title ("BL23 Sea of Vitality, round 2").
CHAPTER_ROUND = N_(", round {round}")
# TRANSLATORS: a side of the body, in a chapter title and on the page ("BL23 Sea of Vitality, left").
SIDE = {"left": C_("side", "left"), "right": C_("side", "right")}

# TRANSLATORS: a point picture's caption, after the view ("back, your left side").
PICTURE_SIDE = {
    ("point", "left"): C_("picture", "your left side"),
    ("point", "right"): C_("picture", "your right side"),
    ("point", "both"): C_("picture", "on both sides"),
    ("reflex", "left"): C_("picture", "reflex area, on the left hand"),
    ("reflex", "right"): C_("picture", "reflex area, on the right hand"),
    ("reflex", "both"): C_("picture", "reflex area, on both hands"),
    "midline": C_("picture", "on the midline"),
}

# TRANSLATORS: the foot of every point picture and cover.
PICTURE_FOOTER = N_("acuguide · a practice aid, not medical advice")

# TRANSLATORS: a duration, spoken and shown; {n} is a number. Where the singular form is used
# TRANSLATORS: only for one, it may spell the one with the right gender ("un minuto", "eine Minute").
# TRANSLATORS: Spanish and French catalogs have three forms (Babel's CLDR rules): one, many (a
# TRANSLATORS: million or more: "{n} de minutos"), and other.
MINUTES = P_("{n} minute", "{n} minutes")
SECONDS = P_("{n} second", "{n} seconds")
# TRANSLATORS: a duration of minutes and seconds: "1 minute 30 seconds".
MINUTES_SECONDS = C_("duration", "{minutes} {seconds}")
# TRANSLATORS: spoken during a hold, then silence: "Queda un minuto.", "Quedan diez segundos.". {duration} is
# TRANSLATORS: one of the durations; the form follows its first number (minutes, else seconds), for the verb.
TIME_LEFT = P_("{duration} left.", "{duration} left.")


def duration(seconds: float, t: Translator = ENGLISH) -> str:
    """'1 minute 30 seconds'."""
    minutes, secs = divmod(round(seconds), 60)
    if minutes and secs:
        return t(MINUTES_SECONDS).format(minutes=t.counted(MINUTES, minutes), seconds=t.counted(SECONDS, secs))
    return t.counted(MINUTES, minutes) if minutes else t.counted(SECONDS, secs)


def time_left(seconds: float, t: Translator = ENGLISH) -> str:
    """'1 minute 30 seconds left.'"""
    minutes, secs = divmod(round(seconds), 60)
    said = t.ngettext(TIME_LEFT, minutes or secs).format(duration=duration(seconds, t))
    return said[:1].upper() + said[1:]


# TRANSLATORS: a program's session title, spoken first and shown in a player.
PROGRAM_TITLE = N_("{title}: week {week} of {weeks}")
# TRANSLATORS: shown in players and feeds; {hold} is a duration, {rounds} empty or the next message.
PROGRAM_SUMMARY = N_(
    "Week {week} of {weeks}: holds of {hold}{rounds}. Practise it {sessions} times this week, on separate days."
)
PROGRAM_ROUNDS = N_(", {repeat} rounds")


# -- breathing --------------------------------------------------------------------------
# Trailing, as a guide says them over the start of the phase, and each says what to do:
# "Hold." and "And out." were misheard most of the time in eSpeak NG ("Oh", "And I'll"), and
# eSpeak's "breathe" often as "three"; "Inhale..." and "Exhale..." were heard in every voice.
# TRANSLATORS: spoken over the start of each breathing phase, trailing off; short words a voice says clearly.
BREATH = {"in": N_("Inhale..."), "hold": N_("Hold your breath..."), "out": N_("Exhale..."), "hold_out": N_("Pause...")}
# TRANSLATORS: the count style's first word of each phase, then the counts below, one a second.
COUNT_FIRST = {"in": N_("In."), "hold": N_("Hold."), "out": N_("Out."), "hold_out": N_("Hold.")}
# TRANSLATORS: counting seconds of a breath, one word a second, spoken in the listener's language.
COUNTS = (
    C_("count", "Two."), C_("count", "Three."), C_("count", "Four."), C_("count", "Five."), C_("count", "Six."),
    C_("count", "Seven."), C_("count", "Eight."), C_("count", "Nine."), C_("count", "Ten."), C_("count", "Eleven."),
    C_("count", "Twelve."), C_("count", "Thirteen."), C_("count", "Fourteen."), C_("count", "Fifteen."),
    C_("count", "Sixteen."), C_("count", "Seventeen."), C_("count", "Eighteen."), C_("count", "Nineteen."),
    C_("count", "Twenty."),
)  # fmt: skip
BREATHE_WITH_ME = N_("Breathe with me: {phases}.")


# TRANSLATORS: a number of seconds and a half, as it is said ("5 and a half"); {n} is the whole number.
AND_A_HALF = N_("{n} and a half")


def seconds(value: float, t: Translator = ENGLISH) -> str:
    """A count of seconds as it is said: '5 and a half', not '5.5' (read 'five point five')."""
    whole, part = divmod(value, 1)
    if part == 0.5:
        return t(AND_A_HALF).format(n=f"{whole:g}")
    return f"{value:g}"


# TRANSLATORS: parts of "Breathe with me: in for 4, out for 6."; {seconds} is a number of seconds.
PHASE_FOR = {
    "in": N_("in for {seconds}"),
    "hold": N_("hold for {seconds}"),
    "out": N_("out for {seconds}"),
    "hold_out": N_("hold for {seconds}"),
}
FOLLOW_THE_TONE = N_("Follow the tone: breathe in as it rises, and out as it falls.")
# TRANSLATORS: a chapter title; {pattern} is a breathing pattern's name (calm, box, 4-7-8, coherent).
BREATHING_CHAPTER = N_("Breathing: {pattern}")
# TRANSLATORS: the built-in breathing patterns' names, in a chapter title.
PATTERN_NAMES = {
    "calm": C_("breathing pattern", "calm"),
    "box": C_("breathing pattern", "box"),
    "coherent": C_("breathing pattern", "coherent"),
}
# TRANSLATORS: shown (never spoken) in a text timeline where a breathing tone sounds.
RISING_TONE, FALLING_TONE = N_("(rising tone)"), N_("(falling tone)")


# -- the starting routine `acuguide new` writes ------------------------------------------
# TRANSLATORS: the title of a starting routine whose file name has no letters.
STARTER_TITLE = N_("My Routine")
STARTER_SUMMARY = N_("A short acupressure session for the lower back and legs.")
STARTER_SIT = N_("Sit on a firm chair with your feet flat on the floor, and let your shoulders drop.")
STARTER_FRONT = N_("Move toward the front of the seat.")
STARTER_ANKLE = N_("Cross your left ankle over your right knee, so you can reach the ankle and the top of the foot.")
STARTER_OTHER_FOOT = N_(
    "Uncross your legs, and cross your right ankle over your left knee. The same two points on the right foot."
)
STARTER_REST = N_("Rest your hands in your lap and notice how your back and legs feel.")


# -- composed sessions ----------------------------------------------------------------
COMPOSE_QUIET = N_("Find a quiet place where nobody will disturb you for the next few minutes.")
COMPOSE_POSTURE = {
    "seated": N_("Sit on a chair with your feet flat on the floor and your back free of the backrest."),
    "standing": N_(
        "Open your eyes, and stand up slowly with your feet hip-width apart. Keep your eyes open while you stand. "
        "Rest one hand on a chair or a wall if you like."
    ),
    "lying": N_("Open your eyes, and lie down slowly on your back on the mat, knees bent and feet flat."),
}
COMPOSE_OTHER_SIDE = N_("Now the same points on the other side.")
COMPOSE_OTHER_SIDE_ONE = N_("Now the same spot, on the other side.")
COMPOSE_AGAIN = N_("Now once more through the same points.")
COMPOSE_SAME_SPOT = N_("{name}, {code}: the same spot.")
COMPOSE_REST = N_("Rest for a moment with your eyes closed, and notice how your body feels.")
COMPOSE_TOOL_AWAY = {  # before the next posture or tool, and at the end: nothing left under the back
    "ball": N_("Lift your hips a little, slide the ball out from under you, and put it aside."),
    "ball-both": N_("Lift your hips a little, slide the balls out from under you, and put them aside."),
    "roller": N_("Open your eyes, roll gently to one side, off the roller, and put it aside."),
    "gun": N_("Switch the massage gun off, and put it down."),
}
COMPOSE_EQUIPMENT = {
    "chair": N_("a chair"),
    "mat": N_("a mat or a bed to lie on"),
}  # beyond the tools, which name their own mat
COMPOSE_SETTLE = {  # before the closing rest, from where the last point left the listener
    "standing": N_("Sit down slowly on the chair, and keep your eyes open until you are seated."),
    "lying": N_("Lie flat on the mat, arms by your sides."),
}
COMPOSE_GET_UP = {
    "lying": N_("When you are ready, open your eyes, roll onto your side, and come up to sitting slowly."),
    "seated": N_("When you are ready, open your eyes, and get up slowly."),
}
COMPOSE_PLACE = {
    "ball": N_("{name}, {code}. Place the ball under {place}."),
    "ball-both": N_("{name}, {code}. Lie with the two balls under your back, {place}."),
    "roller": N_("{name}, {code}. Lie back with the roller across your back, under {place}."),
    "roller-both": N_("{name}, {code}. Lie back with the roller across your back, under {place}."),
    "gun": N_("{name}, {code}. Hold the massage gun on {place}."),
}


# TRANSLATORS: a composed session's title and summary; {complaint} is one of the complaints below.
COMPOSE_TITLE = N_("{complaint}, {minutes} minutes")
COMPOSE_SUMMARY = N_("A {minutes} minute {level} session for {complaint}, composed by acuguide.")
LEVELS = {"beginner": C_("level", "beginner"), "regular": C_("level", "regular")}
# TRANSLATORS: what hurts, as compose names it in a session's title: "Lower back, 10 minutes".
COMPLAINT_NAMES = {
    "lower back": C_("complaint", "lower back"),
    "upper back and shoulders": C_("complaint", "upper back and shoulders"),
    "sciatica and hip": C_("complaint", "sciatica and hip"),
    "sacral ache": C_("complaint", "sacral ache"),
    "stress": C_("complaint", "stress"),
    "bloating": C_("complaint", "bloating"),
    "stomach": C_("complaint", "stomach"),
    "fatigue": C_("complaint", "fatigue"),
    "cold sensitivity": C_("complaint", "cold sensitivity"),
    "whole-body ache": C_("complaint", "whole-body ache"),
    "period pain": C_("complaint", "period pain"),
}


# -- composing from a person's own words ----------------------------------------------------
# The screening questions, the red flags and the phrase tables that read a person's words are
# data, in screening.yaml beside this file: one place for compose and the phone's form.
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_PREGNANCY = N_(
    'pregnancy in your words ("{said}"): points traditionally avoided in pregnancy are left out; '
    "ask your midwife or doctor before acupressure in pregnancy"
)
# What a composed session says first, as its `warning`, when the words or the complaint call for it.
COMPOSE_WARNINGS = {
    "pregnancy": N_(
        "The points avoided in pregnancy are left out of this session. If you are pregnant and have any bleeding, "
        "leaking fluid, tightening that comes in waves, a fever, or burning when you pass urine, stop and call "
        "your midwife or doctor."
    ),
    "bloating": N_(
        "With a bloated belly, some signs need help straight away, not acupressure: sudden, severe pain in the "
        "belly and back, vomiting, blood in your stool, or a lump in your belly that pulses with your heartbeat. "
        "If you have any of these, stop now and call a doctor or an ambulance."
    ),
    "thinners": N_(
        "You take a blood thinner, so this session uses gentle pressure with your hands only. Bruises come more "
        "easily: if one appears, or a spot stays sore the next day, press more lightly next time, and tell your "
        "doctor about any large or unexplained bruise."
    ),
    "stomach": N_(
        "First, about your heart. A heart attack can feel like heartburn or a stomach ache. If you have new "
        "pressure or tightness in your chest or upper belly, or the pain comes with breathlessness, sweating or "
        "feeling sick, stop now and call an ambulance. Do not use this session for that pain."
    ),
}
# TRANSLATORS: a note shown after composing, in a terminal and on the phone's form.
COMPOSE_MAPPED = N_(
    'Your words "{said}" were taken as "{name}", the nearest complaint acuguide composes for; '
    "it covers {known}. If that is not what you meant, name one of those instead."
)
# TRANSLATORS: compose's note when the words name two complaints and one session serves one;
# TRANSLATORS: {other} and {name} are complaints as this catalog names them (COMPLAINT_NAMES).
COMPOSE_ALSO_NAMED = N_(
    'Your words also name "{other}": this session is for "{name}"; compose another with --for "{other}" '
    "if that hurts too."
)
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_HANDS_ONLY = P_(
    "{codes} left out: only hands may press it (no massage gun, roller or ball goes on the bones of the spine, "
    "over the kidneys or across the ribs)",
    "{codes} left out: only hands may press them (no massage gun, roller or ball goes on the bones of the spine, "
    "over the kidneys or across the ribs)",
)
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_OUT_OF_REACH = P_(
    "{codes} left out: {tools} cannot reach it; add {needed} (--tools {option}), "
    "or have a partner press it (acuguide render partner-back)",
    "{codes} left out: {tools} cannot reach them; add {needed} (--tools {option}), "
    "or have a partner press them (acuguide render partner-back)",
)
# TRANSLATORS: what may press a point, in a note compose prints: "add a massage ball or a foam roller".
COMPOSE_TOOL_NAMES = {
    "hands": N_("your own hands"),
    "ball": N_("a massage ball"),
    "roller": N_("a foam roller"),
    "gun": N_("a massage gun"),
}
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_UNUSED = N_(
    "not used: {tools}; the points that fit {complaint} in this time are pressed better otherwise "
    "(no tool goes on the spine or over the kidneys, and balls are lain on before a roller)"
)
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_HANDS_ONLY_ADD = P_(
    "; add hands (--tools {tools},hands) to press it gently by hand",
    "; add hands (--tools {tools},hands) to press them gently by hand",
)
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_PARTNER_ONLY = P_(
    "{codes} left out: no tool may press it and your own hands cannot reach it; "
    "have a partner press it (acuguide render partner-back)",
    "{codes} left out: no tool may press them and your own hands cannot reach them; "
    "have a partner press them (acuguide render partner-back)",
)
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_THINNERS_NOTICE = N_(
    "blood thinners: this session uses your hands only, with gentle pressure, and says what to watch for; "
    "bruises come more easily"
)
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_ALSO_OUTSIDE = N_('your words "{said}" also name {about}, which acuguide makes no session for: see {see}')
# TRANSLATORS: a note compose prints in a terminal; keep --options, their values and acuguide commands as written.
COMPOSE_ALL_AVOIDED = N_(
    "every point used for {complaint} ({codes}) is traditionally avoided in pregnancy, so this session is for "
    "the lower back, with the points pregnancy allows; ask your midwife before acupressure in pregnancy"
)
# TRANSLATORS: compose's words at a terminal; {notice} is one of the notes above.
COMPOSE_NOTE = N_("note: {notice}")
# TRANSLATORS: printed after compose writes a routine; {path} is the file, {length} like 9:59.
COMPOSE_WRITTEN = N_("{path}  about {length} (estimated; acuguide script --exact measures it)")
# TRANSLATORS: compose at a terminal, before the screening questions; click takes y or n, so keep "y" and "n".
COMPOSE_ASKING = N_("Before composing, the questions a physiotherapist would ask. Answer y or n (Enter is no).")
# TRANSLATORS: the answers a screening question takes as yes at a terminal: comma-separated, lower case, the first
# TRANSLATORS: one shown in the prompt ("[y/N]"); keep "y, yes" among them too.
ANSWER_YES = N_("y, yes")
# TRANSLATORS: the answers taken as no (Enter alone is no as well), comma-separated, lower case.
ANSWER_NO = N_("n, no")
# TRANSLATORS: said again when an answer is neither; {yes} and {no} are the first answer of each list.
ANSWER_AGAIN = N_("Please answer {yes} or {no}.")
# TRANSLATORS: after a refusal that a GP visit answers (a GP in the next few days); keep --doctor-cleared as written.
COMPOSE_DOCTOR_CLEARED = N_(
    "If a doctor has already seen this pain and said self-massage is safe, make the session with "
    "--doctor-cleared added."
)
# TRANSLATORS: compose with no terminal to ask its questions in; keep --screened as written.
COMPOSE_NO_TERMINAL = N_(
    "compose asks these questions before it writes a session, and there is no terminal to answer them in; "
    "nothing was written. Run it in a terminal, or, if you have read them and none applies to you, add --screened"
)
# TRANSLATORS: a follow-up screening question, asked only after a yes to the one above it.
COMPOSE_IF_YES = N_("if yes: {question}")
# TRANSLATORS: compose could not tell what hurts; {said} is the person's words, quoted; {known} the complaints.
COMPOSE_UNKNOWN = N_("unknown complaint {said}{hint}; known: {known}")
# TRANSLATORS: completes the line above when a complaint is spelt nearly so: {name} is one, quoted.
COMPOSE_DID_YOU_MEAN = N_(" (did you mean {name}?)")
COMPOSE_GUN_EYES = N_("Keep your eyes open whenever the massage gun is running, so you can see where it is.")
COMPOSE_FEET = N_(
    "Take off your shoes and socks. Rest your left foot on a low stool, or cross your left ankle over your right knee, "
    "so you can reach your lower leg and foot easily."
)
COMPOSE_OTHER_FOOT = N_(
    "Now the right leg. Rest your right foot on the stool, or cross your right ankle over your left knee."
)


# -- compose's answers when no session fits, at a terminal and on the phone's form --------------
# TRANSLATORS: the prefix of every error acuguide prints at a terminal; {message} is the error.
ERROR = N_("Error: {message}")
# TRANSLATORS: compose's answer to a --tools value it does not know; {tool} is what was typed, quoted;
# TRANSLATORS: {tools} the values --tools takes, as typed (hands, ball, roller, gun): keep them as written.
COMPOSE_UNKNOWN_TOOL = N_("unknown tool {tool}; tools: {tools}")
# TRANSLATORS: check's and render's refusal of a routine's step; {code} a point's code (LI4), {name} its name,
# TRANSLATORS: {condition} one of the conditions below (pregnancy).
POINT_AVOIDED = N_("{code} ({name}) is traditionally avoided in {condition}; remove this step or choose another point")
# TRANSLATORS: check's and render's refusal of a routine too long to follow; {hours} a whole number (3), {total} a decimal.
SESSION_TOO_LONG = N_(
    "the session passes {hours} hours here ({total} hours of holds, rests, pauses and breathing before any words); "
    "shorten it, or split it into routines of a few hours or less"
)
# TRANSLATORS: check's line for a routine with no problem; {steps} and {points} are the two counts below.
CHECK_OK = N_("OK ({steps}, {points})")
# TRANSLATORS: check's last line, on the error stream, when any routine has a problem.
PROBLEMS_FOUND = P_("{n} problem found", "{n} problems found")
# TRANSLATORS: a condition in which points are traditionally avoided (--avoid pregnancy), in compose's answers.
CONDITION_NAMES = {"pregnancy": C_("condition", "pregnancy")}
# TRANSLATORS: what a point is pressed with, after "with" in compose's answers and a composed file's comments
# TRANSLATORS: ("can be reached with hands and ball"): in the form your language needs after that word.
TOOL_WITH = {
    "hands": C_("with a tool", "hands"),
    "ball": C_("with a tool", "ball"),
    "roller": C_("with a tool", "roller"),
    "gun": C_("with a tool", "gun"),
}
# TRANSLATORS: compose's answer; {codes} are point codes, {conditions} from --avoid.
COMPOSE_NONE_ALLOWED = N_(
    "every point used for {complaint} ({codes}) is traditionally avoided in {conditions}; "
    "ask a doctor or midwife instead"
)
# TRANSLATORS: compose's answer; {tools} are the tools asked for (see "with a tool"); keep the --tools option as written.
COMPOSE_NONE_REACHED = N_(
    "no point for {complaint} can be reached with {tools}; "
    "add a tool (--tools hands,ball,roller,gun) or choose another complaint"
)
# TRANSLATORS: compose's answer when the minutes asked cannot hold one point; the form follows {minutes}, the
# TRANSLATORS: minutes asked; {hold} is seconds, {shortest} minutes with one decimal, {least} whole minutes.
COMPOSE_TOO_SHORT = P_(
    "{minutes} minute is too short for {complaint}: the shortest session, one point held {hold} s once "
    "with the safety note and directions, lasts about {shortest} minutes; ask for at least {least}",
    "{minutes} minutes is too short for {complaint}: the shortest session, one point held {hold} s once "
    "with the safety note and directions, lasts about {shortest} minutes; ask for at least {least}",
)
# TRANSLATORS: compose's answer when the points at hand cannot fill the minutes asked; the form follows {count},
# TRANSLATORS: the number of points; {left_out} is empty or the next message; {level} one of the levels;
# TRANSLATORS: {longest} minutes with one decimal. Keep "--level regular" as written if you name the option.
COMPOSE_TOO_LONG = P_(
    "{minutes} minutes is too long for {complaint} with {tools} at the {level} level: its {count} point{left_out}, "
    "{passes} times through, {rounds} rounds of {hold} s holds, last about {longest} minutes; "
    "ask for fewer minutes, add a tool, or choose level regular",
    "{minutes} minutes is too long for {complaint} with {tools} at the {level} level: its {count} points{left_out}, "
    "{passes} times through, {rounds} rounds of {hold} s holds, last about {longest} minutes; "
    "ask for fewer minutes, add a tool, or choose level regular",
)
# TRANSLATORS: completes the message above: the points left out, and the conditions they are avoided in.
COMPOSE_TOO_LONG_LEFT_OUT = N_(" ({codes} left out, avoided in {conditions})")
# TRANSLATORS: compose's answer to a complaint too long to read; {count} and {most} are numbers of characters.
COMPOSE_TOO_MANY_CHARACTERS = N_(
    "{count} characters is more than compose reads; say what hurts in a few words or sentences "
    "(at most {most} characters)"
)

# -- a composed routine file's comments, for the person who reads or edits it -------------------
# TRANSLATORS: a composed routine file's first comment; {command} is the compose command line: keep it as it is.
COMPOSE_HEADER = N_("Composed by acuguide: {command}")
COMPOSE_HEADER_POINTS = N_("Points for {complaint} from the point library, most typical first:")
# TRANSLATORS: one point in a composed file's comments: its code, name, uses, the tool (see "with a tool"), and
# TRANSLATORS: {sources}, one of the next two messages.
COMPOSE_HEADER_POINT = N_("{code} {name} ({uses}; with {tool}; {sources})")
# TRANSLATORS: {articles} are the numbers of articles, as written: "[000], [001]".
COMPOSE_HEADER_FROM = N_("from {articles}")
COMPOSE_HEADER_UNCITED = N_("named by none of the articles")
# TRANSLATORS: the WHO's book keeps its English title if it has no published one in your language.
COMPOSE_HEADER_LOCATED = N_("Located by the WHO Standard Acupuncture Point Locations (2008); the articles cited:")
# TRANSLATORS: a composed file's comment; the form follows {rounds}; {level} is one of the levels.
COMPOSE_HEADER_SHAPE = P_(
    "Holds of {hold} s in the {level} range ({low}-{high} s), {rounds} round, {rest} s rests; "
    "seated points before standing and lying ones; one side of each limb, then the other.",
    "Holds of {hold} s in the {level} range ({low}-{high} s), {rounds} rounds, {rest} s rests; "
    "seated points before standing and lying ones; one side of each limb, then the other.",
)
# TRANSLATORS: an article with no title of its own, described in its place (the others keep their titles as published).
UNTITLED_ARTICLES = {
    "002": N_("an untitled guide to acupressure points that relieve back pain (Sea of Vitality, Commanding Middle)")
}
COMPOSE_HEADER_LEFT_OUT = N_("Left out, traditionally avoided in {conditions}: {codes}")
# TRANSLATORS: a comment after "safety: screened" in a composed file.
COMPOSE_SCREENED = N_("the red flags were asked before it was composed; a reminder is said, not the full note")


# -- the routine loader's problems ----------------------------------------------------------
# What check and render say is wrong in a routine a person wrote, after "file, line N: field: ",
# in the language the routine is written in (or the one asked with --language). The YAML reader's
# own problems (a wrong duration, an unknown key) are marked in yamlread.py, below content; the
# fields' help they quote in routine/fields.py.
# TRANSLATORS: the routine loader's problems. Keep as written: YAML keys (tool, sides, breathing), the values
# TRANSLATORS: a person types (hands, ball, on, off, none, calm, voice), commands, --options and file paths.
# TRANSLATORS: {why} is the system's own reason, in English ("Permission denied").
READ_FAILED = N_("cannot read the file: {why}")
# TRANSLATORS: {what} is one of the kinds of file below ("a routine").
NOT_A_REGULAR_FILE = N_("not a regular file; {what} is a YAML text file")
# TRANSLATORS: {size} and {most} are numbers of bytes, grouped as your language writes them.
TOO_BIG = N_("the file is {size} bytes; {what} may be at most {most} (1 MB)")
# TRANSLATORS: a kind of file, as the subject of the two messages above.
FILE_KINDS = {
    "a routine": C_("file kind", "a routine"),
    "a points file": C_("file kind", "a points file"),
    "a program": C_("file kind", "a program"),
}
# TRANSLATORS: a file a routine names, in the messages below: "no points file 'mine.yaml' in /home/ana".
FILE_NAMES = {
    "points file": C_("named file", "points file"),
    "voice file": C_("named file", "voice file"),
    "audio file": C_("named file", "audio file"),
    "routine file": C_("named file", "routine file"),
}
# TRANSLATORS: {what} is one of the named files above, {name} the name written, quoted, {folder} a folder.
NO_SUCH_FILE = {
    "routine": N_("no {what} {name} in {folder}; give a file in the routine's folder"),
    "program": N_("no {what} {name} in {folder}; give a file in the program's folder"),
}
OUTSIDE_FOLDER = {
    "routine": N_(
        "{name} is outside the routine's folder, and a routine may use only files in its own folder "
        "(so that one shared with you cannot read yours); copy the file beside the routine"
    ),
    "program": N_(
        "{name} is outside the program's folder, and a program may use only files in its own folder "
        "(so that one shared with you cannot read yours); copy the file beside the program"
    ),
}
A_FOLDER = N_("{name} is a folder; give the {what} itself")
NOT_A_REGULAR_NAMED_FILE = N_("{name} is not a regular file; give the {what} itself")
# TRANSLATORS: {why} is one of the messages above, about a points file.
POINTS_FILE_WANTED = N_("{why} (written like acuguide's points.yaml, up to 1 MB)")
# TRANSLATORS: {why} is one of the messages above, about a voice file.
VOICE_FILE_WANTED = N_("{why}; or name an installed voice (acuguide voices)")
# TRANSLATORS: {why} is one of the messages above, about an audio file.
AUDIO_FILE_WANTED = N_("{why}; or use noise or off")
BINARY_FILE = N_("this is a binary file, not YAML text (it contains a NUL byte)")
# TRANSLATORS: {byte} is two hexadecimal digits, {offset} a number of bytes from the start.
NOT_UTF8 = N_("byte 0x{byte} at offset {offset} is not UTF-8; save the file as UTF-8 text")
NO_STEPS = N_("a routine needs at least one step")
# TRANSLATORS: {target} is a language code (es, de), {written_name} and {target_name} languages' names in yours
# TRANSLATORS: (Babel's: "Spanish", "español", "Spanisch"); keep the --language option as written.
WRITTEN_IN_ANOTHER = N_(
    "this routine is written in {written_name}, and only English routines translate through the catalogs; "
    "render it in {written_name} (leave out --language {target}), or write it in {target_name}"
)
# TRANSLATORS: {text} is a line of a shipped routine, quoted; {target} a language code.
NO_SHIPPED_TRANSLATION = N_(
    "{text} has no translation in acuguide's {target} catalog "
    "(src/acuguide/locale/{target}/LC_MESSAGES/messages.po); run scripts/catalog check"
)
# TRANSLATORS: {text} is a line of the person's routine, quoted; {target} a language code, {target_name}
# TRANSLATORS: that language's name in yours (Babel's: "Spanish", "español", "Spanisch").
NO_OWN_TRANSLATION = N_(
    "{text} has no {target_name} translation: this routine is written in English, and only the shipped routines' "
    "lines are in acuguide's catalogs; write it in {target_name} (language: {target}) to render it in "
    "{target_name}, or render it in English"
)
# TRANSLATORS: {tool} is a tool as written (ball, roller, gun), {code} a point's code, {name} its name,
# TRANSLATORS: {allows} one of the next two messages, {fix} one of the three after them.
TOOL_REFUSED = N_(
    "no {tool} on {code} ({name}): its entry in the point library {allows}, "
    "since a tool's weight or hammering there can do harm; {fix}"
)
# TRANSLATORS: {tools} are tools as written (hands, ball), joined by commas.
ALLOWS_ONLY = N_("allows only {tools}")
ALLOWS_NO_TOOL = N_("allows no tool, only a partner's hands")
# TRANSLATORS: "tool: {tool}" is a line to write in the routine: keep it as written.
FIX_TOOL = N_("write tool: {tool}, or choose another point")
# TRANSLATORS: "equipment: [a partner]" is a line to write: write its item with your word for a partner.
FIX_TOOL_OR_PARTNER = N_("write tool: {tool}, or have a partner press it (equipment: [a partner])")
FIX_PARTNER = N_("have a partner press it by hand (tool: hands, equipment: [a partner]), or choose another point")
# TRANSLATORS: a note; {tools} are the tools the point's entry lists, as written, or the next message.
OUT_OF_REACH = N_(
    "{code} ({name}) cannot be reached with {tool} by its entry in the point library, which lists {tools}; {fix}"
)
PARTNER_ONLY = N_("no tool: a partner only")
# TRANSLATORS: {file} is the person's points file, {name} a name in it, quoted, {other} a point's code.
POINT_TAKEN = N_(
    "{file}: {code}: {name} already names {other} in acuguide's library; use that point, or give yours another code"
)
# TRANSLATORS: {example} is YAML, as written.
PATTERNS_EXPECTED = N_("expected a mapping of pattern names to phases, like  {example}")
NONE_IS_TAKEN = N_("'none' means no breathing cues; choose another name")
# TRANSLATORS: {name} is the pattern written, quoted; {known} the patterns' names, as written.
UNKNOWN_PATTERN = N_("unknown breathing pattern {name}; use one of {known}, or define it under 'breathing:'")
# TRANSLATORS: {most} and {longest} are numbers of seconds; {name} a pattern's name, as written.
COUNT_TOO_LONG = N_(
    "the count style counts each second up to {most}, but pattern '{name}' has a {longest} s phase; "
    "use style voice or tone, or shorter phases"
)
# TRANSLATORS: {mapping} is YAML, as written.
BELLS_EXPECTED = N_("expected on, off, or {mapping}, got {value}")
# TRANSLATORS: {kinds} are the step kinds, as written (say, pause, breathe, point, steps).
STEP_EXPECTED = N_("expected a step: a mapping with one of {kinds}")
GROUP_IN_GROUP = N_("a group of steps cannot hold another group; list its steps here directly")
# TRANSLATORS: {kind} is what was written, quoted; {hint} empty or a "did you mean".
UNKNOWN_STEP_KIND = N_("unknown step kind {kind}{hint}; a step is one of {kinds}")
# TRANSLATORS: {kinds} are two or three step kinds as written, joined by the list's "and".
TWO_KINDS = N_("one step has {kinds}; put each in its own '- ' entry")
# TRANSLATORS: {kind} is a step kind as written (say), {key} the other key, quoted.
NO_OTHER_KEYS = N_("a {kind} step takes no other keys; remove {key} or make it a point step")
# TRANSLATORS: {example} is YAML, as written.
BREATHE_EXPECTED = N_("expected a mapping like {example}")
BREATHE_NEEDS_PATTERN = N_("a breathe step needs a pattern, not none")
GROUP_WITHOUT_POINTS = N_(
    "a group by side needs at least one point step; without points, list its steps outside a group"
)
# TRANSLATORS: {code} is a point's code (GV20).
MIDLINE_IN_GROUP = N_("{code} is on the midline and has no sides; move it out of the group")
SIDES_IN_GROUP = N_(
    "the group's sides apply to every step in it; remove 'sides' here, or move the step out of the group"
)
MIDLINE_SIDES = N_("{code} is on the midline and has no sides; remove 'sides'")
# TRANSLATORS: {marker} and {hold} are durations as a routine writes them (30s, 1m30s).
LATE_MARKER = N_("a {marker} left marker cannot be said in a {hold} hold; remove it or lengthen the hold")
# TRANSLATORS: {hold} is a duration as a routine writes it (20s); {cycle} and {settle} numbers of seconds;
# TRANSLATORS: {name} a pattern's name, as written.
NO_BREATHING_ROOM = N_(
    "a {hold} hold has no room for a {cycle} s cycle of '{name}' after the {settle} s settle, so no breathing "
    "would be guided; hold longer, choose a shorter pattern, or breathing: none"
)
# TRANSLATORS: completes an unknown point's message; keep "acuguide points" and "points: FILE" as written.
POINTS_LISTED = N_(" (acuguide points lists them all; add your own with points: FILE)")
# TRANSLATORS: {text} is a point's words, quoted; {language} a language code; {path} a catalog's path.
POINT_UNTRANSLATED = N_("{code}: {text} has no {language} translation in your points file")
POINT_UNTRANSLATED_SHIPPED = N_("{code}: {text} has no {language} translation in {path}")
# TRANSLATORS: a point code a routine names that the library does not have; {code} as written, quoted;
# TRANSLATORS: {hint} is empty or the next message.
UNKNOWN_POINT = N_("unknown point {code}{hint}")
# TRANSLATORS: completes the message above: {codes} are the nearest codes, joined by the list's "or".
POINT_DID_YOU_MEAN = N_("; did you mean {codes}?")


def chained(things: list[str], t: Translator = ENGLISH, last: str = LIST_LAST) -> str:
    """'a and b and c' (or with `last=LIST_LAST_OR`, 'a or b or c'): alternatives a problem names,
    each joined as the last."""
    return functools.reduce(lambda items, thing: t(last).format(items=items, last=thing), things)
