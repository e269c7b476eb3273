"""Streamlit sections of the dashboard page; each module exposes `show(...)`."""
