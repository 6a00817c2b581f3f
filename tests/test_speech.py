"""Speech synthesis through the real pyttsx3/eSpeak NG worker, and its cache."""

from __future__ import annotations

import wave
from array import array

import pytest

from acuguide.errors import SpeechError
from acuguide.speech import SAMPLE_RATE, TRIM_THRESHOLD, Synthesizer, VoiceSettings, trim

pytestmark = pytest.mark.audio


def test_phrases_are_trimmed_to_the_voice(tmp_path):
    with Synthesizer(VoiceSettings(), tmp_path) as synth:
        phrase = synth.phrases(["Press firmly."])["Press firmly."]
    samples = array("h", phrase.pcm)
    assert phrase.sample_rate == SAMPLE_RATE
    assert abs(samples[0]) > TRIM_THRESHOLD and abs(samples[-1]) > TRIM_THRESHOLD
    assert 0.3 < phrase.samples / SAMPLE_RATE < 2.0  # a short phrase, with eSpeak's 350 ms tail gone


def test_each_phrase_is_synthesized_once_then_cached(tmp_path):
    texts = ["Breathe in.", "And out.", "Breathe in."]
    with Synthesizer(VoiceSettings(), tmp_path) as synth:
        first = synth.phrases(texts)
        assert synth.synthesized == 2
    with Synthesizer(VoiceSettings(), tmp_path) as synth:
        again = synth.phrases(texts)
        assert synth.synthesized == 0
    assert first == again
    cached = list(tmp_path.rglob("*.wav"))
    assert len(cached) == 2
    with wave.open(str(cached[0])) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, SAMPLE_RATE)


def test_rate_and_voice_change_the_sound_and_the_cache_key(tmp_path):
    text = "Relax your shoulders."
    lengths = {}
    for settings in (VoiceSettings(rate=120), VoiceSettings(rate=220), VoiceSettings(voice="en-us", rate=120)):
        with Synthesizer(settings, tmp_path) as synth:
            lengths[settings] = synth.phrases([text])[text].samples
            assert synth.synthesized == 1
    slow, fast, us = lengths.values()
    assert slow > fast * 1.4  # a faster rate really speaks faster


def test_many_phrases_in_one_worker_each_get_their_own_file(tmp_path):
    texts = [f"Count {n}." for n in range(1, 16)]
    with Synthesizer(VoiceSettings(), tmp_path) as synth:
        phrases = synth.phrases(texts)
    assert len({p.pcm for p in phrases.values()}) == len(texts)  # none is another's (or an empty) file


def test_unknown_voice_is_a_clear_error(tmp_path):
    with Synthesizer(VoiceSettings(voice="no-such-voice"), tmp_path) as synth, pytest.raises(SpeechError) as error:
        synth.phrases(["Hello."])
    assert "no voice 'no-such-voice'" in str(error.value)
    assert "gmw/en" in str(error.value)  # lists the English voices there are


def test_a_hung_engine_becomes_an_error_not_silence(tmp_path):
    with Synthesizer(VoiceSettings(), tmp_path, timeout=0.001) as synth, pytest.raises(SpeechError) as error:
        synth.phrases(["Hello."])
    assert "did not start the speech engine within 0.001 s" in str(error.value)
    assert not list(tmp_path.rglob("*.wav"))


def test_trim_keeps_only_the_voice():
    quiet, loud = [0, 5, -20, 100], [3000, -2500, 400]
    pcm = array("h", quiet + loud + quiet[::-1]).tobytes()
    assert array("h", trim(pcm)).tolist() == loud
    assert trim(array("h", quiet).tobytes()) == b""
