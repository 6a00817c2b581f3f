"""The speech seam: engines behind one interface, one synthesizer (cache, trim, resample,
workers) around them. The fake engine tests the machinery fast; eSpeak NG and Piper are
tested for real."""

from __future__ import annotations

import wave
from array import array

import pytest

from acuguide import routine as routine_mod
from acuguide.pcm import TRIM_THRESHOLD, trim
from acuguide.pipeline import session as build
from acuguide.speech import EngineMissing, Synthesizer, Voice, VoiceNotFound
from acuguide.speech.engine import Clip
from acuguide.timeline import layout

RATE = layout.SAMPLE_RATE


def synth(tmp_path, engine="fake", voice=None, rate=None, **kw) -> Synthesizer:
    return Synthesizer(Voice(engine, voice, rate), RATE, tmp_path, **kw)


@pytest.mark.process
def test_a_16_khz_voice_lays_out_to_its_true_length(tmp_path, write_routine):
    clips = synth(tmp_path, voice="tone-16k").clips(["Sit comfortably."])
    clip = clips["Sit comfortably."]
    expected = len("Sit comfortably.") * 0.06  # the fake engine's length for this text
    assert clip.sample_rate == RATE
    assert clip.seconds == pytest.approx(expected, abs=0.002)
    routine = routine_mod.load(write_routine("title: T\nsafety: off\nbells: off\nsteps:\n  - say: Sit comfortably.\n"))
    compiled = build.compile_routine(routine, Voice("fake", "tone-16k"), tmp_path)
    cue = next(c for c in compiled.script.cues if c.text == "Sit comfortably.")
    assert (cue.end - cue.start) / RATE == pytest.approx(expected, abs=0.002)


def test_phrases_are_cached_by_what_the_engine_reads(tmp_path):
    first = synth(tmp_path)
    clips = first.clips(["Press BL23.", "Press  BL23.", "And out."])
    assert first.synthesized == 2  # the fake engine folds spaces: two texts, one phrase
    again = synth(tmp_path)
    assert again.clips(["Press BL23.", "And out."]) == {k: clips[k] for k in ("Press BL23.", "And out.")}
    assert again.synthesized == 0
    assert len(list(tmp_path.rglob("*.wav"))) == 2


def test_cached_looks_without_speaking(tmp_path):
    s = synth(tmp_path)
    assert s.cached(["Hello."]) == {}
    s.clips(["Hello."])
    assert set(s.cached(["Hello.", "Other."])) == {"Hello."}
    assert s.synthesized == 1


def test_rate_and_voice_change_the_cache_key(tmp_path):
    slow = synth(tmp_path, rate=100).clips(["Relax."])["Relax."]
    fast = synth(tmp_path, rate=200).clips(["Relax."])["Relax."]
    assert slow.samples == pytest.approx(2 * fast.samples, rel=0.02)
    assert len(list(tmp_path.rglob("*.wav"))) == 2


def test_a_damaged_cache_entry_is_spoken_again(tmp_path):
    s = synth(tmp_path)
    good = s.clips(["Relax."])["Relax."]
    entry = next(tmp_path.rglob("*.wav"))
    entry.write_bytes(entry.read_bytes()[:30])
    again = synth(tmp_path)
    assert again.clips(["Relax."])["Relax."] == good
    assert again.synthesized == 1


def test_many_phrases_on_several_workers_each_get_their_own_clip(tmp_path):
    texts = [f"Count {'x' * n}." for n in range(1, 16)]
    clips = synth(tmp_path, jobs=3).clips(texts)
    assert [clips[t].samples for t in texts] == sorted(clips[t].samples for t in texts)


def test_an_unknown_engine_or_voice_is_an_error_never_another_engine(tmp_path):
    with pytest.raises(EngineMissing, match="no speech engine 'festival'; engines: espeak, piper, fake"):
        synth(tmp_path, engine="festival")
    with pytest.raises(VoiceNotFound, match="fake has no voice 'nope'; voices here: tone, tone-16k"):
        synth(tmp_path, voice="nope")


def test_a_missing_engine_names_its_install_command(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "piper" else real(name, *a))
    with pytest.raises(
        EngineMissing, match=r"install it with: pip install --force-reinstall acuguide .*--engine espeak"
    ):
        synth(tmp_path, engine="piper")


def test_a_hung_engine_becomes_an_error_not_silence(tmp_path):
    with pytest.raises(Exception, match="did not start the speech engine within 0.001 s"):
        synth(tmp_path, timeout=0.001).clips(["Hello."])
    assert not list(tmp_path.rglob("*.wav"))


def test_an_engine_that_fails_names_the_phrase_and_the_next_call_works(tmp_path, monkeypatch):
    from acuguide.speech import fake

    s = synth(tmp_path, jobs=1)
    s.engine.voice = "missing"  # makes speak() fail inside the worker with a KeyError
    with pytest.raises(Exception, match=r"fake failed to speak 'Hello.'"):
        s.clips(["Hello."])
    s.engine.voice = fake.Fake.default_voice
    assert s.clips(["Hello."])["Hello."].samples > 0


def test_trim_keeps_only_the_sound():
    quiet, loud = [0, 5, -20, 100], [3000, -2500, 400]
    pcm = array("h", quiet + loud + quiet[::-1]).tobytes()
    assert array("h", trim(pcm)).tolist() == loud
    assert trim(array("h", quiet).tobytes()) == b""


# -- the real engines -------------------------------------------------------------------


@pytest.mark.audio
@pytest.mark.parametrize("engine", ["espeak", "piper"])
def test_real_engines_speak_trimmed_phrases_at_the_timeline_rate(engine, tmp_path):
    s = synth(tmp_path, engine=engine)
    clip = s.clips(["Press firmly."])["Press firmly."]
    values = array("h", clip.pcm)
    assert clip.sample_rate == RATE
    assert abs(values[0]) > TRIM_THRESHOLD and abs(values[-1]) > TRIM_THRESHOLD
    assert 0.3 < clip.seconds < 2.0
    with wave.open(str(next(tmp_path.rglob("*.wav")))) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, RATE)


@pytest.mark.audio
@pytest.mark.parametrize("engine", ["espeak", "piper"])
def test_rate_means_words_per_minute_in_every_engine(engine, tmp_path):
    text = "Let your shoulders drop, and let your breath settle into an easy rhythm."
    lengths = {rate: synth(tmp_path, engine=engine, rate=rate).clips([text])[text].seconds for rate in (120, 200)}
    for rate, seconds in lengths.items():
        assert len(text.split()) * 60 / seconds == pytest.approx(rate, rel=0.3)
    assert lengths[120] > lengths[200] * 1.3


@pytest.mark.audio
def test_piper_speaks_the_same_samples_every_time(tmp_path):
    text = "Breathe in slowly through your nose."
    first = synth(tmp_path / "a", engine="piper").clips([text])[text]
    second = synth(tmp_path / "b", engine="piper").clips([text])[text]
    assert first == second


@pytest.mark.audio
@pytest.mark.parametrize("engine", ["espeak", "piper"])
def test_a_phrase_is_the_same_whatever_was_spoken_before_it(engine, tmp_path):
    """A routine rendered into a cache another routine filled gives the same bytes as into an
    empty one: each phrase is a function of its text and settings alone. eSpeak NG carries
    state from one utterance to the next, so one worker speaks the others first here."""
    before = ["Press firmly into the point between your thumb and index finger.", "Let your shoulders drop."]
    ours = ["Breathe in.", "And release.", "Sea of Vitality, BL23."]
    after_others = synth(tmp_path / "used", engine, jobs=1).clips(before + ours)
    alone = synth(tmp_path / "empty", engine, jobs=1).clips(ours)
    for text in ours:
        assert after_others[text].pcm == alone[text].pcm, text


@pytest.mark.audio
def test_espeak_unknown_voice_lists_the_english_voices(tmp_path):
    with pytest.raises(VoiceNotFound, match="eSpeak NG has no voice 'no-such-voice'; English voices here: .*en-us"):
        synth(tmp_path, engine="espeak", voice="no-such-voice")
    with pytest.raises(VoiceNotFound, match="no variant 'nope'"):
        synth(tmp_path, engine="espeak", voice="en-us+nope")


def test_clip_knows_its_length():
    assert Clip(bytes(32000), 16000).seconds == 1.0


@pytest.mark.audio
@pytest.mark.parametrize("language", ["es", "de", "fr"])
def test_each_language_is_spoken_by_its_own_espeak_voice_not_the_english_one(language):
    """eSpeak's library finds a voice by its file, not its language: given 'fr-fr' it kept the
    English voice without a word, and French sessions came out in English phonetics."""
    from acuguide.speech.registry import make_engine

    def ready(voice: Voice):
        engine = make_engine(voice)
        engine.check()
        engine.load()
        return engine

    text = "Appuyez doucement, puis relâchez."
    own = ready(Voice("espeak", language=language))
    english = ready(Voice("espeak", "en-us", language="en"))  # the same words, in the English voice
    by_file = ready(Voice("espeak", own.loaded, language=language))  # the voice named by its file
    assert own.speak(text).pcm != english.speak(text).pcm
    assert own.speak(text).pcm == by_file.speak(text).pcm


@pytest.mark.parametrize("written, said", [
    ("auf die höchste Stelle", "auf die höchßte Stelle"),  # eSpeak: 'höchste' with a k for its ch
    ("Höchstens zwei Minuten", "Höchßtens zwei Minuten"),
    ("Schulterbrunnen. Zwischen den Schulterblättern.", "Schulter-brunnen. Zwischen den Schulter-blättern."),
    ("Lassen Sie die Schultern sinken, die Schulter locker.", "Lassen ßie die Schultern sinken, die Schulter locker."),
    ("Atmen Sie ein... wenn sie sinken", "Atmen ßie ein... wenn sie sinken"),  # the polite Sie only
])  # fmt: skip
def test_espeak_is_given_the_german_words_it_misreads_respelled(written, said):
    from acuguide.speech.espeak import respelled

    assert respelled(written, "de") == said
    assert respelled(written, "es") == respelled(written, "en") == written  # only German's table
