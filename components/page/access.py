"""Whether this deployment shows the journalist's desk: off unless the operator turns it on."""

from __future__ import annotations

import os

import streamlit as st

ENV = "CENTRAL_ASIA_REVIEW"  # "1" turns the desk on; "0" forces it off whatever the secrets say
ON = ("1", "true", "yes", "on")


def review_enabled() -> bool:
    """On when CENTRAL_ASIA_REVIEW=1, or when it is unset and Streamlit secrets hold `review = true`."""
    flag = os.environ.get(ENV)
    if flag is not None:
        return flag.strip().lower() in ON
    try:
        return st.secrets.load_if_toml_exists() and st.secrets.get("review") is True
    except Exception:  # unreadable secrets never open the desk
        return False
