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
# Red flags: signs that need a doctor now, not acupressure. Said in every full note, and in
# the short one too when the session is for sciatica.
SAFETY_RED_FLAGS = (
    "Stop, and see a doctor straight away, if you have numbness between your legs or around your bottom, "
    "new trouble controlling your bladder or bowels, weakness in a leg, a fever, or pain that began with a fall or an accident.",
)
SAFETY_VARICOSE = "Do not press on varicose veins."
SAFETY_SHORT = "Never press on broken skin or swelling, and stop if anything hurts."
SAFETY_PREGNANCY = "If you are pregnant, do not follow this session: some of its points are traditionally avoided in pregnancy."

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


# -- points -----------------------------------------------------------------------------
POINT_NAME = "{english}, {code}."
REFLEX_NAME = "{english}."  # its code (HAND-SPINE) is for typing, not saying; its directions say what it is
PRESS = {"gentle": "Press gently", "moderate": "Press with moderate pressure", "firm": "Press firmly"}
PRESS_CIRCLES = ", in small, slow circles."
PRESS_STEADY = "."
PRESS_WITH = {  # pressing with a tool: the tool does the work, the listener lets it
    "ball": "Now let your weight sink slowly down.",
    "roller": "Let your weight rest on the roller.",
    "gun": "Rest the massage gun on the spot, on its lowest setting, and let it work.",
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
BREATH = {"in": "Breathe in.", "hold": "Hold.", "out": "And out.", "hold_out": "Hold."}
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
    "standing": "Now stand with your feet hip-width apart. Rest one hand on a chair or a wall if you like.",
    "lying": "Now lie down on your back on the mat, knees bent and feet flat.",
}
COMPOSE_OTHER_SIDE = "Now the same points on the other side."
COMPOSE_AGAIN = "Now once more through the same points."
COMPOSE_SAME_SPOT = "{name}, {code}: the same spot."
COMPOSE_REST = "Rest for a moment with your eyes closed, and notice how your body feels."
COMPOSE_PLACE = {
    "ball": "{name}, {code}. Place the ball under {place}.",
    "ball-both": "{name}, {code}. Lie with the two balls under your back, {place}.",
    "roller": "{name}, {code}. Lie back with the roller across your back, under {place}.",
    "roller-both": "{name}, {code}. Lie back with the roller across your back, under {place}.",
    "gun": "{name}, {code}. Hold the massage gun on {place}.",
}
