"""The reader's page: headline, the linked panels and map, the profile, context, the article and the data."""

from __future__ import annotations

import streamlit as st

from components.links import source_ids
from components.page import article, context, controls, data, header, panels, profile
from components.store import DataError, Story, data_version, load_story, version_key
from components.views import sources


@st.cache_resource(max_entries=2, show_spinner=False)
def story_for(version: str) -> Story:
    # A resource, not data: every session shares one read-only Story instead of unpickling a copy per run.
    return load_story()


@st.cache_resource(max_entries=64, show_spinner=False)
def story_from(version: str, chosen: tuple[str, ...], _story: Story) -> Story:
    # The story told by the chosen sources; cached per data version and choice, shared by every session.
    return sources.include(_story, list(chosen))


@st.cache_data(max_entries=2, show_spinner=False)
def labels_for(version: str, _story: Story) -> tuple[list[str], dict[str, str]]:
    # The `source` values a link may name, and how the sources control lists each article: once per data version.
    return source_ids(_story.seeds), sources.article_labels(_story.articles)


@st.fragment
def linked_view(story: Story, countries: list[str], version: tuple, charts: bool = True) -> None:
    """Focus, the four panels, the map and the profile: a click reruns only this part of the page."""
    focus = controls.show_focus(countries)
    if not charts:  # the run that only normalises a shared link: its charts would be replaced mid-draw
        return
    panels.show(story, countries, focus, version)
    profile.show(story, focus, version)


def show() -> None:
    """The whole reader page, in reading order."""
    version = version_key(data_version())  # short: every cached call below hashes it
    try:
        story = story_for(version)
    except DataError as err:
        st.error(f"The dashboard's data cannot be trusted, so nothing is shown. {err}", icon=":material/error:")
        st.stop()

    ids, labels = labels_for(version, story)
    needs_rerun = controls.read_link(ids)
    chosen = tuple(controls.chosen_sources(labels))  # read first: the header above the control tells their story
    story, version = story_from(version, chosen, story), (version, chosen)
    header.show(story, version)
    controls.show_notice()
    countries = controls.show_filter()
    controls.show_sources(labels)
    linked_view(story, countries, version, charts=not needs_rerun)
    if needs_rerun:
        st.rerun()  # apply the normalised shared link (see controls.read_link)
    context.show(story, version)
    article.show(story, version)
    data.show(story, countries)
    controls.write_back_link()
