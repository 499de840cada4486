"""Model resolution: the configured models in order, then spacy.blank with a warning."""

from __future__ import annotations

import logging

import pytest

from diplograph.nlp import has_parser, load_nlp
from diplograph.settings import Options


def test_unknown_models_fall_back_to_blank_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="diplograph.nlp"):
        nlp = load_nlp(Options(models=("no_such_model_abc", "no_such_model_xyz")))
    assert nlp.pipe_names == []
    assert not has_parser(nlp)
    assert "spacy.blank" in caplog.text and "no_such_model_abc" in caplog.text


@pytest.mark.model
def test_shipped_model_loads_without_ner() -> None:
    nlp = load_nlp(Options())
    assert has_parser(nlp)
    assert "ner" not in nlp.pipe_names
    assert load_nlp(Options()) is nlp  # cached per process
