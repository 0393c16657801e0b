"""A synthetic content library in the real formats, for benchmarks and scale tests.

`generate_library` writes compounds (seed 000's profile format, with its defects), research
articles, goals, conditions, interactions and vendors. Output depends only on the seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from evidex.content.names import fold_name, slugify

try:  # libyaml's emitter is several times faster than the pure-Python one
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

PROGRESS_BATCH = 250


def _dump(data: object, width: int = 100) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=width)


_ONSETS = (
    "b",
    "d",
    "f",
    "g",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "cl",
    "dr",
    "gl",
    "kr",
    "pr",
    "st",
    "tr",
    "th",
    "x",
    "qu",
    "h",
    "j",
    "sy",
    "ph",
    "ch",
)
_VOWELS = ("a", "e", "i", "o", "u", "ae", "y", "io", "ea", "ou")
_CODAS = ("", "", "n", "r", "l", "s", "x", "m", "nt", "st")
_ENDINGS = (
    "tide",
    "relin",
    "morelin",
    "peptin",
    "zumab",
    "stat",
    "zole",
    "vastin",
    "sartan",
    "glutide",
    "lorin",
    "trelix",
    "feron",
    "cortin",
    "mycin",
    "parin",
    "dronate",
    "xaban",
)
_BRAND_ENDINGS = ("ix", "a", "ara", "ex", "on", "ova", "um", "ia", "io", "yl")

# (label shown in the profile, class tag used by interaction rules)
CLASSES: tuple[tuple[str, str], ...] = (
    ("Immunomodulatory agent", "immunomodulator"),
    ("GLP-1 receptor agonist", "glp1-agonist"),
    ("Growth hormone secretagogue", "gh-secretagogue"),
    ("Melanocortin receptor agonist", "melanocortin-agonist"),
    ("Anticoagulant", "anticoagulant"),
    ("Antiplatelet agent", "antiplatelet"),
    ("Serotonergic agent", "serotonergic"),
    ("Nootropic peptide", "nootropic"),
    ("Antioxidant supplement", "antioxidant"),
    ("Corticosteroid", "corticosteroid"),
    ("Sedative-hypnotic", "sedative"),
    ("Insulin sensitiser", "glucose-lowering"),
    ("Tissue repair peptide", "tissue-repair"),
    ("Mitochondrial modulator", "mitochondrial"),
)

# The sample library's goal slugs (content/goals.yaml), so synthetic content links the same way.
GOALS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "liver-health",
        "Liver Health",
        ("liver", "hepatic", "liver support"),
        ("hepatitis B", "hepatitis C", "fatty liver", "cirrhosis"),
    ),
    (
        "immune-support",
        "Immune Support",
        ("immunity", "immune function"),
        ("recurrent infections", "vaccine response"),
    ),
    ("weight-loss", "Weight Loss", ("fat loss", "weight management"), ("obesity", "overweight")),
    (
        "blood-sugar-control",
        "Blood Sugar Control",
        ("blood glucose", "glycemic control"),
        ("type 2 diabetes", "prediabetes"),
    ),
    (
        "muscle-and-strength",
        "Muscle and Strength",
        ("muscle growth", "lean mass", "strength"),
        ("sarcopenia", "muscle loss"),
    ),
    ("sleep", "Sleep", ("insomnia", "sleep quality"), ("insomnia", "jet lag")),
    (
        "tissue-repair",
        "Tissue Repair",
        ("healing", "injury recovery"),
        ("tendon injury", "ligament injury"),
    ),
    ("skin-health", "Skin Health", ("anti-aging", "wrinkles", "collagen"), ("photoaging",)),
    (
        "heart-health",
        "Heart Health",
        ("cardiovascular health", "cholesterol"),
        ("hypertension", "dyslipidaemia"),
    ),
    ("bone-health", "Bone Health", ("bone density", "bones"), ("osteoporosis", "osteopenia")),
    (
        "body-composition",
        "Body Composition",
        ("visceral fat", "body recomposition"),
        ("abdominal obesity",),
    ),
    (
        "cognitive-health",
        "Cognitive Health",
        ("cognition", "memory", "focus"),
        ("mild cognitive impairment", "cognitive decline"),
    ),
)

CONDITIONS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("pregnancy", "Pregnancy", ("pregnant", "expecting"), "life-stage"),
    ("breastfeeding", "Breastfeeding", ("lactation", "nursing"), "life-stage"),
    (
        "immunosuppressed",
        "Immunosuppressed",
        ("organ transplant", "transplant recipient", "immunosuppression"),
        "condition",
    ),
    ("autoimmune-disease", "Autoimmune disease", ("autoimmune disorder", "lupus"), "condition"),
    (
        "renal-impairment",
        "Renal impairment",
        ("kidney disease", "renal insufficiency"),
        "condition",
    ),
    (
        "hepatic-impairment",
        "Hepatic impairment",
        ("liver failure", "hepatic dysfunction", "decompensated liver disease"),
        "condition",
    ),
    ("under-18", "Under 18", ("children", "paediatric", "adolescents"), "age"),
    ("hypersensitivity", "Hypersensitivity", ("allergy", "allergic reaction"), "condition"),
    ("elderly", "Elderly", ("older adults", "geriatric"), "age"),
    ("cancer-history", "History of cancer", ("active malignancy", "tumour"), "condition"),
    ("diabetes", "Diabetes", ("type 2 diabetes", "diabetic"), "condition"),
    (
        "cardiovascular-disease",
        "Cardiovascular disease",
        ("heart disease", "arrhythmia"),
        "condition",
    ),
    ("bleeding-disorder", "Bleeding disorder", ("haemophilia", "coagulopathy"), "condition"),
)

# Phrases for contraindication bullets, each naming a condition in the vocabulary's words.
_CONTRA_PHRASES = (
    "Pregnancy (use caution)",
    "Breastfeeding; excretion in milk unknown",
    "Immunosuppressed patients (e.g., organ transplant recipients)",
    "Active autoimmune disorder; potential for exacerbation",
    "Severe renal impairment",
    "Decompensated liver disease",
    "Children under 18 years",
    "Known hypersensitivity to {name} or excipients",
    "Elderly patients (use with caution)",
    "History of active malignancy",
    "Poorly controlled diabetes",
    "Unstable cardiovascular disease or arrhythmia",
    "Bleeding disorders or coagulopathy",
)
_ROUTES = (
    ("subcutaneously", "subcutaneous"),
    ("intramuscularly", "intramuscular"),
    ("orally", "oral"),
    ("intravenously", "intravenous"),
    ("intranasally", "intranasal"),
)
_FREQUENCIES = (
    "once daily",
    "twice daily",
    "twice weekly",
    "three times weekly",
    "once weekly",
    "every third day",
    "every other day",
    "five days per week",
)
_INDICATIONS = (
    "chronic hepatitis B",
    "tendon injury",
    "visceral adiposity",
    "insomnia",
    "age-related muscle loss",
    "recurrent respiratory infections",
    "fatty liver",
    "mild cognitive impairment",
    "osteoarthritis of the knee",
    "type 2 diabetes",
    "post-surgical recovery",
    "photoaged skin",
    "irritable bowel symptoms",
)
_SIDE_COMMON = (
    "injection site reactions (redness, swelling)",
    "mild nausea",
    "headache",
    "transient fatigue",
    "flushing",
    "dizziness",
    "dry mouth",
    "increased appetite",
    "loose stools",
    "mild insomnia",
)
_SIDE_RARE = (
    "anaphylaxis",
    "elevated liver enzymes",
    "pancreatitis",
    "angioedema",
    "severe hypotension",
    "thrombocytopenia",
    "hypoglycaemia",
    "seizures",
)
_COMMON_SENTENCES = (
    "{name} binds a specific receptor on the cell surface and triggers intracellular signalling.",
    "Receptor occupancy correlates with the dose given by subcutaneous injection.",
    "Most users report tolerable injection site reactions that resolve within a day.",
    "Animal work suggests downstream receptor desensitisation with continuous exposure.",
    "The effect on the target receptor appears dose dependent within the studied range.",
    "Clinicians usually start at the lower dose and titrate according to response.",
    "Liver function tests and a full blood count are commonly checked at baseline.",
    "Data in humans remain limited to small trials and observational cohorts.",
    "Storage at 2-8 °C after reconstitution preserves potency for up to four weeks.",
    "The injection should be rotated between abdominal sites to limit local irritation.",
)
_RECEPTOR_FREE = (
    "{name} is taken as an oral capsule with food in most protocols.",
    "Evidence in people comes mostly from small open-label studies.",
    "Users are advised to keep a symptom diary during the first month.",
    "The compound is cleared mainly by the kidneys within a day.",
    "Doses above the studied range have not been evaluated for safety.",
    "Some users take {name} in the evening to limit daytime drowsiness.",
)
_DESIGNS = (
    ("meta-analysis", "A meta-analysis of {k} randomized controlled trials (n={n} total)"),
    ("rct", "A randomized, double-blind, placebo-controlled trial (n={n})"),
    ("rct", "A randomized controlled trial in {pop} (n={n})"),
    ("non-randomised-controlled", "A non-randomised controlled study of {n} {pop}"),
    ("propensity-matched", "A propensity score-matched observational study of {n} {pop}"),
    ("cohort", "A prospective cohort of {n} {pop}"),
    ("case-control", "A case-control study including {n} {pop}"),
    ("case-series", "A case series of {n} {pop}"),
    ("animal", "A study in rats ({n} animals)"),
    ("in-vitro", "An in vitro study on cultured human cells"),
)
_POPULATIONS = (
    "adults with chronic hepatitis B",
    "older adults",
    "overweight adults",
    "athletes with tendinopathy",
    "patients after surgery",
    "healthy volunteers",
    "adults with insomnia",
    "postmenopausal women",
    "adults with type 2 diabetes",
)
_OUTCOMES = (
    "overall survival",
    "recurrence-free survival",
    "ALT normalisation",
    "body weight",
    "sleep latency",
    "pain score",
    "HbA1c",
    "lean mass",
    "infection rate",
    "cognitive score",
    "wrinkle depth",
    "symptom remission",
)


@dataclass
class SynthCompound:
    slug: str
    title: str
    alternate: list[str]
    brands: list[str]
    class_label: str
    class_tag: str
    goals: list[str]
    combos: list[str] = field(default_factory=list)
    mentions_receptor: bool = True  # about one profile in ten never says "receptor"
    main_regimen: tuple[str, str] | None = None  # (sentence, route) written in the profile
    common_side_effects: list[str] = field(default_factory=list)  # as the profile lists them


class _NameMaker:
    """Unique pronounceable names from syllables; uniqueness is on the folded form."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def _syllable(self) -> str:
        rng = self.rng
        return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)

    def make(self, endings: tuple[str, ...], syllables: tuple[int, int] = (1, 3)) -> str:
        for attempt in range(1000):
            count = self.rng.randint(*syllables) + attempt // 200
            word = "".join(self._syllable() for _ in range(count)) + self.rng.choice(endings)
            key = fold_name(word)
            if key not in self.taken:
                self.taken.add(key)
                return word.capitalize()
        raise RuntimeError("name space exhausted")  # unreachable in practice


def _make_compounds(rng: random.Random, count: int) -> list[SynthCompound]:
    names = _NameMaker(rng)
    compounds: list[SynthCompound] = []
    for _ in range(count):
        title = names.make(_ENDINGS)
        code = f"{title[:2].upper()}-{rng.randint(100, 9999)}"
        while fold_name(code) in names.taken:
            code = f"{title[:2].upper()}-{rng.randint(100, 99999)}"
        names.taken.add(fold_name(code))
        alternate = [code]
        if rng.random() < 0.4:
            alternate.append(names.make(_ENDINGS, (2, 3)).lower())
        brands = [names.make(_BRAND_ENDINGS, (1, 2)) for _ in range(rng.randint(0, 3))]
        label, tag = rng.choice(CLASSES)
        goals = rng.sample([g[0] for g in GOALS], rng.randint(1, 3))
        compounds.append(
            SynthCompound(
                slugify(title),
                title,
                alternate,
                brands,
                label,
                tag,
                goals,
                mentions_receptor=rng.random() >= 0.1,
            )
        )
    for compound in compounds:
        picks = rng.sample(compounds, min(len(compounds), rng.randint(1, 3)))
        compound.combos = [c.title for c in picks if c is not compound]
        if rng.random() < 0.15:  # a partner the library does not have
            compound.combos.append(names.make(_ENDINGS, (2, 2)))
    return compounds


def _sentence(rng: random.Random, c: SynthCompound) -> str:
    common = c.mentions_receptor and rng.random() < 0.85
    return rng.choice(_COMMON_SENTENCES if common else _RECEPTOR_FREE).format(name=c.title)


def _prose(rng: random.Random, c: SynthCompound, sentences: int) -> str:
    return " ".join(_sentence(rng, c) for _ in range(sentences))


def _regimen(rng: random.Random) -> tuple[str, str]:
    adverb, route = rng.choice(_ROUTES)
    amount = rng.choice((0.25, 0.5, 1, 1.5, 1.6, 2, 2.5, 5, 10, 20, 100, 250, 500))
    unit = "mcg" if amount >= 100 else "mg"
    low = rng.randint(2, 12)
    text = (
        f"{amount:g} {unit} {adverb} {rng.choice(_FREQUENCIES)} for {low}-{low + rng.randint(2, 12)}"
        f" weeks for {rng.choice(_INDICATIONS)}."
    )
    return text, route


def _faqs(rng: random.Random, c: SynthCompound, dose: str, broken: bool) -> list[dict[str, str]]:
    pairs = [
        (f"What is the recommended dosage for {c.title}?", f"For adults, {dose}"),
        ("What are the common side effects?", f"Mostly {rng.choice(_SIDE_COMMON)}."),
        ("Is it safe to use during pregnancy?", "Use with caution; only if clearly needed."),
        (f"How is {c.title} administered?", "By injection or as directed by a prescriber."),
    ]
    faqs = []
    for question, answer in pairs[: rng.randint(2, 4)]:
        if broken:  # the seed's defect: the answer leaks into q and a starts with 'A:**'
            faqs.append({"q": f"{question}**\n\n**A:** {answer}", "a": f"A:** {answer}"})
        else:
            faqs.append({"q": question, "a": answer})
    return faqs


def _section(title: str, lines: list[str], rng: random.Random) -> str:
    heading = f"## **{title}**" if rng.random() < 0.8 else f"## {title}"
    return heading + "\n\n" + "\n".join(lines) + "\n"


_PROSE_STYLE_SHARE = 0.15  # profiles whose sections are paragraphs rather than bullets


def _as_prose(title: str, lines: list[str], c: SynthCompound, rng: random.Random) -> list[str]:
    """A section written the way editors who do not use bullets write it."""
    if title == "Side Effects":
        rare = rng.sample(_SIDE_RARE, 2)
        return [
            f"Common side effects include {_spoken_list(c.common_side_effects)}. "
            f"Rarely, {_spoken_list(rare)}."
        ]
    if title == "Contraindications":
        items = [line.removeprefix("- ").split(";")[0] for line in lines]
        return [", ".join(items[:1] + [item[:1].lower() + item[1:] for item in items[1:]]) + "."]
    if title == "Alternate Names":
        return ["; ".join([*c.alternate, *(f"{brand} (brand)" for brand in c.brands)])]
    if title == "Pregnancy and Breastfeeding":
        return [" ".join(line.removeprefix("- ").replace("**", "") for line in lines)]
    return lines


def _spoken_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def compound_markdown(rng: random.Random, c: SynthCompound) -> str:
    """One profile in seed 000's format, with the seed's kinds of defects at random."""
    dose, route = _regimen(rng)
    c.main_regimen = (dose, route)
    c.common_side_effects = rng.sample(_SIDE_COMMON, 3)
    second_dose, _ = _regimen(rng)
    usage = (
        f"{c.title} is a {c.class_label.lower()} studied for "
        f"{rng.choice(_INDICATIONS)} and {rng.choice(_INDICATIONS)}. " + _prose(rng, c, 4)
    )
    sp = "  " if rng.random() < 0.5 else " "  # the seed's double spaces after full stops
    usage = usage.replace(". ", "." + sp, 2)
    truncated = rng.random() < 0.12
    if truncated:  # the seed's defect: a description cut off with '...'
        description = usage[:180].rsplit(" ", 1)[0] + " ..."
    else:
        description = usage[: usage.index(".", 60) + 1] if "." in usage[60:] else usage
    sections: list[tuple[str, list[str]]] = [
        (
            "Usage",
            [
                f"- {usage}",
                f"- **Pharmacological Classification:** {c.class_label}.",
                f"- **Mechanism of Action:** {_prose(rng, c, 3)}",
            ],
        ),
        (
            "Alternate Names",
            [
                *(f"- {a}" for a in c.alternate),
                *([f"- **Brand Names:** {', '.join(c.brands)}"] if c.brands else []),
            ],
        ),
        (
            "How It Works",
            [
                f"- **Pharmacodynamics:** {_prose(rng, c, 4)}",
                f"- **Pharmacokinetics:** Peak levels within {rng.randint(1, 3)}-{rng.randint(4, 8)}"
                f" hours. It has a half-life of approximately {rng.choice((0.5, 2, 6, 12, 24, 160))}"
                f" hours, with {rng.randint(10, 40)}-{rng.randint(45, 90)}% excreted in urine.",
                f"- **Mode of Action:** {_prose(rng, c, 3)}",
                "- **Elimination Pathways:** Primarily renal excretion with some hepatic metabolism.",
            ],
        ),
        (
            "Dosage",
            [
                "### **Standard Dosage**",
                "",
                "#### **Adults:**",
                "",
                f"- {dose} Alternative regimens include {second_dose}",
                f"- For patients <40 kg:  {rng.choice((20, 40, 50))} mcg/kg twice weekly.",
                "",
                "#### **Children:**",
                "",
                "- Safety and efficacy have not been established below the age of 18 years.",
                "",
                "#### **Special Cases:**",
                "",
                "- **Elderly Patients:** Use with caution; no specific adjustment is recommended.",
                "- **Patients with Renal Impairment:** Use with caution; dose changes may be needed.",
                "",
                "### **Dosage Adjustments:**",
                "",
                "- Adjust to weight, renal and hepatic function, and response.",
            ],
        ),
        (
            "Side Effects",
            [
                "### **Common Side Effects:**",
                "",
                f"- {', '.join(c.common_side_effects)}",
                "",
                "### **Rare but Serious Side Effects:**",
                "",
                f"-  {', '.join(rng.sample(_SIDE_RARE, 2))}",
                "",
                "### **Long-Term Effects:**",
                "",
                f"- {_prose(rng, c, 2)}",
            ],
        ),
        (
            "Contraindications",
            [
                "- " + phrase.format(name=c.title)
                for phrase in rng.sample(_CONTRA_PHRASES, rng.randint(2, 5))
            ],
        ),
        (
            "Drug Interactions",
            [f"- {_prose(rng, c, 2)} Caution with other {c.class_tag.replace('-', ' ')} agents."],
        ),
        (
            "Pregnancy and Breastfeeding",
            [
                f"- **Pregnancy Safety Category:** {rng.choice('BCDX')}. Avoid unless clearly needed.",
                "- **Breastfeeding:** Unknown if excreted in breast milk; use caution.",
            ],
        ),
        (
            "Drug Profile Summary",
            [
                f"- **Dosage:** {dose}",
                "- **Monitoring Parameters:** Liver function tests, glucose.",
            ],
        ),
        (
            "Popular Combinations",
            [f"- {name} for {rng.choice(_INDICATIONS)}" for name in c.combos]
            or ["- None documented"],
        ),
        ("Precautions", [f"- {_prose(rng, c, 3)}"]),
    ]
    prose_style = rng.random() < _PROSE_STYLE_SHARE
    if prose_style:
        sections = [(title, _as_prose(title, lines, c, rng)) for title, lines in sections]
    if rng.random() < 0.3:  # some profiles lack a section
        del sections[rng.randrange(2, len(sections))]
    if rng.random() < 0.2:  # and some are out of the usual order
        i, j = rng.sample(range(1, len(sections)), 2)
        sections[i], sections[j] = sections[j], sections[i]
    padding = [f"- {_prose(rng, c, 5)}" for _ in range(rng.randint(8, 14))]
    sections.append(("Research Notes", padding))
    faqs = _faqs(rng, c, dose, broken=rng.random() < 0.2)
    faq_lines = []
    for number, faq in enumerate(faqs, 1):
        question = faq["q"].split("**")[0]
        answer = faq["a"].removeprefix("A:** ")
        if prose_style:  # the other common way: question and answer on one line
            faq_lines += [f"**Q:** {question} **A:** {answer}", ""]
        else:
            faq_lines += [f"### **Q{number}: {question}**", "", f"**A:** {answer}", ""]
    sections.append(("FAQs (Frequently Asked Questions)", faq_lines))
    meta: dict[str, object] = {
        "title": c.title,
        "description": description,
        "is_banned": rng.random() < 0.05,
        "lastModified": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00.000Z",
        "faqs": faqs,
    }
    if rng.random() < 0.5:
        meta["aliases"] = [c.title.lower()]
    if rng.random() < 0.7:
        meta["goals"] = c.goals
    front = _dump(meta, width=80)
    body = "\n".join(_section(t, lines, rng) for t, lines in sections)
    return f"---\n{front}---\n{body}"


def _estimate(rng: random.Random) -> tuple[str, float, float, float, str]:
    """A ratio estimate with a CI around it and a p value that agrees with the CI."""
    measure = rng.choice(("HR", "OR", "RR"))
    value = round(rng.uniform(0.4, 1.3), 2)
    low = round(value * rng.uniform(0.6, 0.92), 2)
    high = round(value * rng.uniform(1.08, 1.5), 2)
    if low > 1 or high < 1:
        p = "<0.001" if rng.random() < 0.4 else f"{rng.uniform(0.001, 0.045):.3f}"
    else:
        p = f"{rng.uniform(0.06, 0.8):.2f}"
    return measure, value, low, high, p


def article_markdown(
    rng: random.Random,
    c: SynthCompound,
    goal: tuple[str, str, tuple[str, ...], tuple[str, ...]],
    index: int,
) -> str:
    """A research deep dive on one compound for one goal, with study prose and estimates."""
    slug, name, _syn, conditions = goal
    studies: list[dict[str, object]] = []
    findings: list[str] = []
    for number in range(rng.randint(2, 5)):
        design, template = rng.choice(_DESIGNS)
        n = rng.randint(12, 900)
        population = rng.choice(_POPULATIONS)
        measure, value, low, high, p = _estimate(rng)
        outcome = rng.choice(_OUTCOMES)
        p_text = p if p.startswith("<") else f"={p}"
        agrees = c.main_regimen is not None and rng.random() < 0.85
        study_dose = c.main_regimen[0] if agrees and c.main_regimen else _regimen(rng)[0]
        lead = template.format(k=rng.randint(3, 9), n=n, pop=population)
        findings.append(
            f"### {outcome.capitalize()} in {population.split(' with ')[0]}\n\n"
            f"{lead} gave {c.title} {study_dose[:-1]}. For {outcome}, the estimate was "
            f"{measure} {value} (95% CI {low}–{high}, p{p_text}). "
            f"{rng.randint(15, 70)}.{rng.randint(0, 9)}% of participants reached the primary "
            f"endpoint. {_prose(rng, c, 2)}\n"
        )
        studies.append(
            {
                "id": f"{c.slug}-{slug}-{number + 1}",
                "citation": {
                    "title": f"{c.title} and {outcome} in {population}",
                    "year": rng.randint(1998, 2025),
                },
                "design": design,
                "n": n,
                "population": population,
                "intervention": c.title,
                "comparator": "placebo",
                "outcomes": [
                    {
                        "name": outcome,
                        "measure": measure,
                        "value": value,
                        "ci_low": low,
                        "ci_high": high,
                        "p": p,
                    }
                ],
            }
        )
    tier = rng.randint(1, 5)
    summary = (
        f"{c.title} is a {c.class_label.lower()} with human data for "
        f"{name.lower()}, mostly in {rng.choice(conditions)}."
    )
    meta: dict[str, object] = {
        "title": f"{c.title} for {name}: What the Research Says",
        "compound": rng.choice([c.title, *c.alternate, *c.brands]),
        "goal": slug,
        "tier": tier,
        "lastModified": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "summary": summary,
    }
    if index % 3 == 0:
        meta["studies"] = studies
    # Most articles agree with their profile's dose; the rest give the consistency checks work.
    agrees = c.main_regimen is not None and rng.random() < 0.8
    dose, route = c.main_regimen if agrees and c.main_regimen else _regimen(rng)
    body = "\n".join(
        [
            "**Disclaimer:** Educational content only; not medical advice.",
            "",
            "## Overview",
            "",
            f"{summary} {_prose(rng, c, 4)}",
            f"The evidence is rated as Tier {tier}.",
            "",
            f"## How {c.title} Affects {name}",
            "",
            _prose(rng, c, 5),
            "",
            "## What the Research Shows",
            "",
            *findings,
            f"## Dosing for {name}",
            "",
            f"Studies used {dose[:-1]}, given by the {route} route.",
            "",
            "### Limitations",
            "",
            *(
                f"- **{label}:** {_prose(rng, c, 2)}"
                for label in ("Sample Sizes", "Study Designs", "Follow-Up")
            ),
            "",
            "## Side Effects to Consider",
            "",
            *(
                f"- **{s.split(' (')[0].capitalize()}:** {_sentence(rng, c)}"
                for s in (
                    c.common_side_effects
                    if c.common_side_effects and rng.random() < 0.85
                    else rng.sample(_SIDE_COMMON, 3)
                )
            ),
            "",
            "## The Bottom Line",
            "",
            _prose(rng, c, 3),
            "",
        ]
    )
    front = _dump(meta, width=100)
    return f"---\n{front}---\n{body}"


def _vocabularies(out: Path, compounds: list[SynthCompound], rng: random.Random) -> None:
    goals = [
        {"slug": s, "name": n, "synonyms": list(syn), "conditions": list(cond)}
        for s, n, syn, cond in GOALS
    ]
    conditions = [
        {"slug": s, "name": n, "synonyms": list(syn), "category": cat}
        for s, n, syn, cat in CONDITIONS
    ]
    rules: list[dict[str, object]] = [
        {
            "id": "anticoagulant-antiplatelet",
            "a_class": "anticoagulant",
            "b_class": "antiplatelet",
            "severity": "avoid",
            "advice": "Combined bleeding risk; avoid or monitor closely.",
            "mechanism": "additive effect on haemostasis",
        },
        {
            "id": "serotonergic-pair",
            "a_class": "serotonergic",
            "b_class": "serotonergic",
            "severity": "contraindicated",
            "advice": "Risk of serotonin syndrome.",
        },
        {
            "id": "glp1-glucose",
            "a_class": "glp1-agonist",
            "b_class": "glucose-lowering",
            "severity": "monitor",
            "advice": "Check glucose; hypoglycaemia is possible.",
        },
        {
            "id": "immunomodulator-corticosteroid",
            "a_class": "immunomodulator",
            "b_class": "corticosteroid",
            "severity": "monitor",
            "advice": "Steroids may blunt the immune effect.",
        },
        {
            "id": "sedative-pair",
            "a_class": "sedative",
            "b_class": "sedative",
            "severity": "avoid",
            "advice": "Additive sedation and breathing depression.",
        },
    ]
    for number in range(min(len(compounds) // 2, 40)):
        a, b = rng.sample(compounds, 2)
        rules.append(
            {
                "id": f"pair-{number + 1}",
                "a": a.title,
                "b": b.title,
                "severity": rng.choice(("avoid", "monitor", "minor")),
                "advice": f"Separate doses of {a.title} and {b.title} by a few hours.",
            }
        )
    # Same shapes as the sample library: top-level lists, and interactions under `rules:`.
    (out / "goals.yaml").write_text(_dump(goals), encoding="utf-8")
    (out / "conditions.yaml").write_text(_dump(conditions), encoding="utf-8")
    (out / "interactions.yaml").write_text(_dump({"rules": rules}), encoding="utf-8")
    _vendors(out / "vendors", compounds, rng)


_VENDORS = (
    ("Northwind Peptides", "US", ["US", "CA"]),
    ("Alder Labs", "GB", ["UK", "EU"]),
    ("Cobalt Compounding", "AU", ["AU", "NZ"]),
    ("Rhine Valley Biochem", "DE", ["EU", "UK", "CH"]),
)


def _vendors(folder: Path, compounds: list[SynthCompound], rng: random.Random) -> None:
    """Fictional vendors in the sample library's vendor format (content/vendors/*.yaml)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, country, regions in _VENDORS:
        slug = slugify(name)
        site = f"https://{slug}.example.com"
        products = []
        for c in rng.sample(compounds, min(len(compounds), 25)):
            amount = rng.choice((2, 5, 10))
            products.append(
                {
                    "compound": rng.choice([c.title, *c.brands]),
                    "form": rng.choice(("lyophilised vial", "capsule", "solution")),
                    "amount": amount,
                    "unit": "mg",
                    "units_per_pack": rng.choice((1, 1, 2, 5)),
                    "price": round(rng.uniform(20, 180), 2),
                    "currency": rng.choice(("USD", "EUR", "GBP")),
                    "url": f"{site}/p/{c.slug}-{amount}mg",
                    "in_stock": rng.random() < 0.85,
                }
            )
        tested = rng.random() < 0.6
        record: dict[str, object] = {
            "name": name,
            "website": site,
            "country": country,
            "ships_to": regions,
            "prescription_required": {region: rng.random() < 0.3 for region in regions},
            "last_verified": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
            "products": products,
        }
        if tested:
            record["third_party_testing"] = {
                "lab": "Synthetic Assay Lab (fictional)",
                "coa_url": f"{site}/quality/",
                "date": f"2026-{rng.randint(1, 10):02d}-01",
            }
        (folder / f"{slug}.yaml").write_text(_dump(record), encoding="utf-8")


def _write(path: Path, text: str, rng: random.Random) -> None:
    """Write UTF-8, sometimes with a byte-order mark or CRLF line ends, as real files come."""
    roll = rng.random()
    if roll < 0.05:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if 0.05 <= roll < 0.09:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def generate_library(
    out: Path,
    compounds: int,
    articles: int,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write a synthetic library under `out` (content/ layout).

    `progress`, when given, is called with how many more files (compounds or articles) were
    written since its last call; the total is compounds + articles.
    """
    rng = random.Random(seed)
    out = Path(out)
    (out / "compounds").mkdir(parents=True, exist_ok=True)
    (out / "research").mkdir(parents=True, exist_ok=True)
    library = _make_compounds(rng, max(compounds, 1 if articles else 0))[:compounds]
    _vocabularies(out, library or _make_compounds(random.Random(seed), 2), rng)
    pending = 0
    for compound in library:
        _write(out / "compounds" / f"{compound.slug}.md", compound_markdown(rng, compound), rng)
        pending += 1
        if progress is not None and pending >= PROGRESS_BATCH:
            progress(pending)
            pending = 0
    goal_by_slug = {g[0]: g for g in GOALS}
    written: set[str] = set()
    for index in range(articles if library else 0):
        compound = library[index % len(library)]
        goal = goal_by_slug[compound.goals[(index // len(library)) % len(compound.goals)]]
        slug = f"{compound.slug}-for-{goal[0]}"
        if slug in written:
            slug = f"{slug}-{index}"
        written.add(slug)
        _write(out / "research" / f"{slug}.md", article_markdown(rng, compound, goal, index), rng)
        pending += 1
        if progress is not None and pending >= PROGRESS_BATCH:
            progress(pending)
            pending = 0
    if progress is not None and pending:
        progress(pending)
