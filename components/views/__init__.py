"""Pure views of the loaded story (no Streamlit, no file I/O): rows, labels, HTML and the charts of both editions."""
