"""Importing from authoritative sources: drug labels (SPL XML, openFDA JSON), PubMed records and
ClinicalTrials.gov registry entries, into drafts in the library's own formats."""
