"""The static edition: one light HTML page in site/, built from data/ with the same views as the dashboard."""
