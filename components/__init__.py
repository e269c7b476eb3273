"""Central Asia story dashboard: extraction, data loading, figures and page sections."""
