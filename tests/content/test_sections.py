"""Section headings as editors write them map to the profile's sections."""

from __future__ import annotations

import pytest

from evidex.content.sections import section_key


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("**Usage**", "usage"),
        ("Indications", "usage"),
        ("Contraindications:", "contraindications"),
        ("Contra-indications", "contraindications"),  # not 'indications' (usage)
        ("Drug Profile Summary", "summary"),
        ("Key Facts", "summary"),
        ("Adverse Effects", "side_effects"),
        ("Pregnancy & Lactation", "pregnancy"),
        ("Common Stacks", "combinations"),
        ("Warnings and Precautions", "precautions"),
        ("Also Known As", "alternate_names"),
        ("Pharmacokinetics", "how_it_works"),
        ("Half-Life", "how_it_works"),
        ("Dosing", "dosage"),
        ("How to Take", "dosage"),
        ("Q&A", "faqs"),
        ("Monitoring Parameters", "monitoring"),
        ("FAQs (Frequently Asked Questions)", "faqs"),
        ("Storage", "storage"),  # unknown headings keep a key of their own
    ],
)
def test_heading_names_map_to_section_keys(title: str, key: str) -> None:
    assert section_key(title) == key
