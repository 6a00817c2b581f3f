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
# After compose's screening questions: the signs were asked about; this says what to do if one begins.
SAFETY_RED_FLAGS_REMINDER = (
    "If numbness between your legs, trouble with your bladder or bowels, chest pain, or a weak leg begins during "
    "the session, stop and call a doctor, or an ambulance for chest pain."
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
PROGRAM_SUMMARY = (
    "Week {week} of {weeks}: holds of {hold}{rounds}. Practise it {sessions} times this week, on separate days."
)
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


PHASE_FOR = {
    "in": "in for {seconds}",
    "hold": "hold for {seconds}",
    "out": "out for {seconds}",
    "hold_out": "hold for {seconds}",
}
FOLLOW_THE_TONE = "Follow the tone: breathe in as it rises, and out as it falls."
BREATHING_CHAPTER = "Breathing: {pattern}"
RISING_TONE, FALLING_TONE = "(rising tone)", "(falling tone)"


# -- the starting routine `acuguide new` writes ------------------------------------------
STARTER_SUMMARY = "A short acupressure session for the lower back and legs."
STARTER_SIT = "Sit on a firm chair with your feet flat on the floor, and let your shoulders drop."
STARTER_FRONT = "Move toward the front of the seat."
STARTER_ANKLE = "Cross your left ankle over your right knee, so you can reach the ankle and the top of the foot."
STARTER_OTHER_FOOT = (
    "Uncross your legs, and cross your right ankle over your left knee. The same two points on the right foot."
)
STARTER_REST = "Rest your hands in your lap and notice how your back and legs feel."


# -- composed sessions ----------------------------------------------------------------
COMPOSE_QUIET = "Find a quiet place where nobody will disturb you for the next few minutes."
COMPOSE_POSTURE = {
    "seated": "Sit on a chair with your feet flat on the floor and your back free of the backrest.",
    "standing": "Open your eyes, and stand up slowly with your feet hip-width apart. Keep your eyes open while you stand. "
    "Rest one hand on a chair or a wall if you like.",
    "lying": "Open your eyes, and lie down slowly on your back on the mat, knees bent and feet flat.",
}
COMPOSE_OTHER_SIDE = "Now the same points on the other side."
COMPOSE_OTHER_SIDE_ONE = "Now the same spot, on the other side."
COMPOSE_AGAIN = "Now once more through the same points."
COMPOSE_SAME_SPOT = "{name}, {code}: the same spot."
COMPOSE_REST = "Rest for a moment with your eyes closed, and notice how your body feels."
COMPOSE_TOOL_AWAY = {  # before the next posture or tool, and at the end: nothing left under the back
    "ball": "Lift your hips a little, slide the ball out from under you, and put it aside.",
    "ball-both": "Lift your hips a little, slide the balls out from under you, and put them aside.",
    "roller": "Open your eyes, roll gently to one side, off the roller, and put it aside.",
    "gun": "Switch the massage gun off, and put it down.",
}
COMPOSE_EQUIPMENT = {
    "chair": "a chair",
    "mat": "a mat or a bed to lie on",
}  # beyond the tools, which name their own mat
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


# -- composing from a person's own words ----------------------------------------------------
# The screening questions, the red flags and the phrase tables that read a person's words are
# data, in screening.yaml beside this file: one place for compose and the phone's form.
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
    "thinners": "You take a blood thinner, so this session uses gentle pressure with your hands only. Bruises come more "
    "easily: if one appears, or a spot stays sore the next day, press more lightly next time, and tell your "
    "doctor about any large or unexplained bruise.",
    "stomach": "First, about your heart. A heart attack can feel like heartburn or a stomach ache. If you have new "
    "pressure or tightness in your chest or upper belly, or the pain comes with breathlessness, sweating or "
    "feeling sick, stop now and call an ambulance. Do not use this session for that pain.",
}
COMPOSE_MAPPED = (
    'your words "{said}" were taken as "{name}", the nearest complaint acuguide composes for; '
    "it covers {known}. If that is not what you meant, choose one of those with --for"
)
COMPOSE_HANDS_ONLY = (
    "{codes} left out: only hands may press {them} (no massage gun, roller or ball goes on the bones of the spine, "
    "over the kidneys or across the ribs)"
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
COMPOSE_PARTNER_ONLY = (
    "{codes} left out: no tool may press {them} and your own hands cannot reach {them}; "
    "have a partner press {them} (acuguide render partner-back)"
)
COMPOSE_THINNERS_NOTICE = (
    "blood thinners: this session uses your hands only, with gentle pressure, and says what to watch for; "
    "bruises come more easily"
)
COMPOSE_ALSO_OUTSIDE = 'your words "{said}" also name {about}, which acuguide makes no session for: see {see}'
COMPOSE_ALL_AVOIDED = (
    "every point used for {complaint} ({codes}) is traditionally avoided in pregnancy, so this session is for "
    "the lower back, with the points pregnancy allows; ask your midwife before acupressure in pregnancy"
)
COMPOSE_GUN_EYES = "Keep your eyes open whenever the massage gun is running, so you can see where it is."
COMPOSE_FEET = (
    "Take off your shoes and socks. Rest your left foot on a low stool, or cross your left ankle over your right knee, "
    "so you can reach your lower leg and foot easily."
)
COMPOSE_OTHER_FOOT = (
    "Now the right leg. Rest your right foot on the stool, or cross your right ankle over your left knee."
)
