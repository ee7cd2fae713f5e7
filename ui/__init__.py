"""Streamlit pieces of the atlas: the only package, with streamlit_app.py, that calls Streamlit."""
