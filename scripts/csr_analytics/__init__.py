"""CSR impact analytics: the loader and tools around the dbt project."""

__version__ = "0.1.0"
