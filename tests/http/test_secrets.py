"""API keys never show in URLs, messages or logs."""

from __future__ import annotations

import logging

from claimcheck.http import Redactor

KEY = "AIzaSyD-not-a-real-key-1234567890"


def test_known_secret_values_are_masked_anywhere_in_a_message() -> None:
    redact = Redactor([KEY])
    assert redact(f"GET https://api.example/v1?query=x&k={KEY} failed") == "GET https://api.example/v1?query=x&k=*** failed"
    assert KEY not in redact(f"header X-Api-Key: {KEY}")


def test_url_encoded_forms_of_a_secret_are_masked_too() -> None:
    secret = "s3cr3t/with+chars="
    redact = Redactor([secret])
    assert redact("https://x.example/?t=s3cr3t%2Fwith%2Bchars%3D") == "https://x.example/?t=***"


def test_key_and_token_query_parameters_are_masked_even_when_unknown() -> None:
    redact = Redactor()
    assert redact("https://factchecktools.googleapis.com/v1alpha1/claims:search?query=a&key=abc123") == (
        "https://factchecktools.googleapis.com/v1alpha1/claims:search?query=a&key=***"
    )
    assert redact("https://x.example/?access_token=zzz&page=2") == "https://x.example/?access_token=***&page=2"


def test_secrets_are_taken_from_secret_looking_environment_variables() -> None:
    environ = {"CLAIMCHECK_FACTCHECK_API_KEY": KEY, "GITHUB_TOKEN": "ghp_abcdefgh", "HOME": "/home/jane"}
    redact = Redactor.from_environ(environ)
    assert redact(f"{KEY} ghp_abcdefgh /home/jane") == "*** *** /home/jane"


def test_short_values_are_not_treated_as_secrets() -> None:
    # A 1-character "secret" would blank out every "1" in every message.
    assert Redactor(["1"]).redact("HTTP 401 after 1 try") == "HTTP 401 after 1 try"


def test_the_logging_filter_redacts_records(caplog) -> None:  # type: ignore[no-untyped-def]
    logger = logging.getLogger("claimcheck.test.redaction")
    handler_filter = Redactor([KEY]).logging_filter()
    logger.addFilter(handler_filter)
    try:
        with caplog.at_level(logging.INFO, logger=logger.name):
            logger.info("calling %s", f"https://api.example/?k={KEY}")
    finally:
        logger.removeFilter(handler_filter)
    assert KEY not in caplog.text
    assert "https://api.example/?k=***" in caplog.text
