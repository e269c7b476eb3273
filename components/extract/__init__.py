"""Reading articles into data/: seeds → sentences and numbers → figures and context facts → validated tables."""
