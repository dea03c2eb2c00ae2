"""A center's facts in the service codes of SAMHSA's treatment locator (FindTreatment.gov,
filled from the N-SUMHSS survey), for /locations.json and /locations.csv, and a comparison
with a listing staff paste from the locator. docs/locator-codes.md is the table in words,
with its sources; both say where no code fits and which codes are unsure.

A code is (category, value code, the value's name as the locator writes it, sure). "Sure"
codes are those SAMHSA's own locator code uses; the others were read in copies of the
locator's code list made by others, and are marked unsure wherever they are exported.
"""

import json
import re
from dataclasses import dataclass

from .models import Language, LevelOfCare, Payment, Population


@dataclass(frozen=True)
class Code:
    category: str
    code: str
    name: str
    sure: bool = True


# The locator's categories this site has facts for, in the locator's order.
CATEGORIES = {
    "TC": "Type of Care",
    "SET": "Service Setting",
    "PAY": "Payment/Insurance/Funding Accepted",
    "PYAS": "Payment Assistance Available",
    "LCA": "License/Certification/Accreditation",
    "SG": "Special Programs/Groups Offered",
    "AGE": "Age Groups Accepted",
    "OL": "Other Languages",
    "SL": "Language Services",
}

SA = Code("TC", "SA", "Substance use treatment")
DT = Code("TC", "DT", "Detoxification")
HI = Code("SET", "HI", "Hospital inpatient")
RES = Code("SET", "RES", "Residential")
OP = Code("SET", "OP", "Outpatient")


def _set(code, name):
    return Code("SET", code, name, sure=False)


LEVELS = {
    LevelOfCare.DETOX_HOSPITAL: [DT, HI, _set("HID", "Hospital inpatient detoxification")],
    LevelOfCare.DETOX_RESIDENTIAL: [DT, RES, _set("RD", "Residential detoxification")],
    LevelOfCare.DETOX_OUTPATIENT: [DT, OP, _set("OD", "Outpatient detoxification")],
    LevelOfCare.RESIDENTIAL_SHORT: [SA, RES, _set("RS", "Short-term residential")],
    LevelOfCare.RESIDENTIAL_LONG: [SA, RES, _set("RL", "Long-term residential")],
    LevelOfCare.PARTIAL_HOSPITALIZATION: [
        SA,
        OP,
        _set("ODT", "Outpatient day treatment or partial hospitalization"),
    ],
    LevelOfCare.INTENSIVE_OUTPATIENT: [SA, OP, _set("OIT", "Intensive outpatient treatment")],
    LevelOfCare.OUTPATIENT: [SA, OP, _set("ORT", "Regular outpatient treatment")],
    LevelOfCare.MOUD: [
        SA,
        OP,
        _set("OMB", "Outpatient methadone/buprenorphine or naltrexone treatment"),
    ],
}

PAYMENTS = {
    Payment.PRIVATE_INSURANCE: [Code("PAY", "PI", "Private health insurance")],
    Payment.MEDICAID: [Code("PAY", "MD", "Medicaid")],
    Payment.MEDICARE: [Code("PAY", "MC", "Medicare")],
    Payment.MILITARY: [Code("PAY", "MI", "Military insurance (e.g., TRICARE)")],
    # Ours may be state funds that are no insurance plan: unsure.
    Payment.STATE_FINANCED: [
        Code("PAY", "SI", "State-financed health insurance plan other than Medicaid", False)
    ],
    Payment.SELF_PAY: [Code("PAY", "SF", "Cash or self-payment")],
    Payment.SLIDING_FEE: [
        Code("PYAS", "SS", "Sliding fee scale (fee is based on income and other factors)")
    ],
    # Not NP ("no payment accepted": free for everyone): free for those who cannot pay is
    # the locator's payment assistance, the nearest it has.
    Payment.FREE: [
        Code("PYAS", "PA", "Payment assistance (check with facility for details)", False)
    ],
}


def _sg(code, name):
    return Code("SG", code, name, sure=False)


POPULATIONS = {
    Population.ADULTS: [Code("AGE", "ADLT", "Adults")],
    Population.ADOLESCENTS: [Code("AGE", "CHLD", "Children/Adolescents"), _sg("AD", "Adolescents")],
    Population.OLDER_ADULTS: [
        Code("AGE", "SNR", "Seniors (65 or older)", False),
        _sg("SE", "Seniors or older adults"),
    ],
    Population.WOMEN: [_sg("WN", "Adult women")],
    Population.MEN: [_sg("MN", "Adult men")],
    Population.PREGNANT: [_sg("PW", "Pregnant/postpartum women")],
    Population.VETERANS: [Code("SG", "VET", "Veterans")],
    Population.LGBTQ: [Code("SG", "GL", "LGBTQ")],
    Population.JUSTICE_INVOLVED: [
        _sg("CJ", "Criminal justice (other than DUI/DWI)/Forensic clients")
    ],
    Population.CO_OCCURRING: [
        _sg("CO", "Persons with co-occurring mental and substance use disorders")
    ],
}


def _ol(code, name):
    return Code("OL", code, name, sure=False)


LANGUAGES = {
    Language.ENGLISH: [],  # the locator assumes English: no code
    Language.SPANISH: [_ol("SP", "Spanish")],
    Language.ASL: [Code("SL", "AH", "Services for the deaf and hard of hearing", False)],
    Language.ARABIC: [_ol("F4", "Arabic")],
    Language.CHINESE: [_ol("F17", "Any Chinese Language")],
    Language.FRENCH: [_ol("F28", "French")],
    Language.GERMAN: [_ol("F30", "German")],
    Language.SOMALI: [],  # no code found for Somali
}

# Licenses and accreditations, by words in the issuer's name (case-insensitive). A state
# license has no code here: the locator names the kind of state agency (substance use,
# mental health, health department), which an issuer's name does not say for sure.
JC = Code("LCA", "JC", "The Joint Commission", False)
CARF = Code("LCA", "CARF", "Commission on Accreditation of Rehabilitation Facilities (CARF)", False)
COA = Code("LCA", "COA", "Council on Accreditation (COA)", False)
NCQA = Code("LCA", "NCQA", "National Committee for Quality Assurance (NCQA)", False)
CREDENTIALS = [
    ("joint commission", JC),
    ("carf", CARF),
    ("commission on accreditation of rehabilitation", CARF),
    ("council on accreditation", COA),
    ("ncqa", NCQA),
    ("national committee for quality assurance", NCQA),
]


def credential_codes(credential):
    issuer = credential.issuer.lower()
    return [code for words, code in CREDENTIALS if words in issuer][:1]


def center_codes(center):
    """{category: [Code, ...]} of a center's facts, in CATEGORIES' order, each code once."""
    found = []
    for level in center.care_levels:
        found += LEVELS.get(level, [])
    for payment in center.payments:
        found += PAYMENTS.get(payment, [])
    for credential in center.current_credentials():
        found += credential_codes(credential)
    for population in center.populations:
        found += POPULATIONS.get(population, [])
    for language in center.languages:
        found += LANGUAGES.get(language, [])
    codes = {}
    for code in found:
        listed = codes.setdefault(code.category, [])
        if code not in listed:
            listed.append(code)
    return {category: codes[category] for category in CATEGORIES if category in codes}


def center_record(center, site):
    """A center as /locations.json gives it; `site` is the scheme and host."""
    return {
        "name": center.name,
        "street": center.street,
        "city": center.city,
        "state": center.state,
        "zip": center.postal_code,
        "phone": center.phone,
        "intake_phone": center.admissions_phone or center.phone,
        "website": site + center.get_absolute_url(),
        "latitude": float(center.latitude) if center.latitude is not None else None,
        "longitude": float(center.longitude) if center.longitude is not None else None,
        "services": {
            category: [
                {"code": c.code, "name": c.name, **({} if c.sure else {"unsure": True})}
                for c in codes
            ]
            for category, codes in center_codes(center).items()
        },
    }


CSV_COLUMNS = [
    "name", "street", "city", "state", "zip", "phone", "intake_phone", "website",
    "latitude", "longitude", *CATEGORIES,
]  # fmt: skip


def csv_row(record):
    """A record's cells: each category's codes joined by ";", an unsure one marked "?"."""
    row = [record[column] for column in CSV_COLUMNS if column not in CATEGORIES]
    for category in CATEGORIES:
        codes = record["services"].get(category, [])
        row.append(";".join(c["code"] + ("?" if c.get("unsure") else "") for c in codes))
    return ["" if cell is None else cell for cell in row]


# -- Comparing with a listing pasted from the locator -----------------------------------


class ListingError(ValueError):
    """The pasted text is not a locator record."""


def _norm(text):
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


def parse_listing(text):
    """The locator's record of one facility, as its API gives it (a JSON object with
    name1, street1, city, state, zip, phone, intake1, website and `services`, a list of
    {f1: category's name, f2: category code, f3: values' names joined by "; "}):
    {"fields": {...}, "services": {category: {normalized name: name}}}."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
        raise ListingError(
            "This is not the locator's record: paste the facility's JSON as the locator "
            "gives it, from { to }."
        ) from None
    if isinstance(data, dict) and isinstance(data.get("rows"), list) and len(data["rows"]) == 1:
        data = data["rows"][0]  # a search answer holding this one facility
    if not isinstance(data, dict) or not isinstance(data.get("services"), list):
        raise ListingError('The record has no list of services ("services") to compare.')
    services = {}
    for entry in data["services"]:
        if not isinstance(entry, dict) or not entry.get("f2"):
            continue
        code = _text(entry, "f2", "a service's category code")
        named = _text(entry, "f3", "a service's names") or ""
        names = [name.strip() for name in named.split(";") if name.strip()]
        services.setdefault(code, {}).update({_norm(name): name for name in names})
    fields = {
        key: _text(data, key, f'"{key}"')
        for key in ("name1", "street1", "city", "state", "zip", "phone", "intake1", "website")
    }
    return {"fields": fields, "services": services}


def _text(record, key, what):
    """`record[key]` as text (a number as it is written: the locator sends some phones
    and ZIP codes as numbers), None if absent; anything else is refused."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ListingError(
        f"In the pasted record, {what} ({key}) is not text but {json.dumps(value)[:60]}: "
        "paste the record as the locator gives it."
    )


@dataclass
class Difference:
    what: str
    ours: str
    listed: str


def compare(center, listing, site):
    """Where the listing differs from what the site says about `center`."""
    ours = center_record(center, site)
    differences = []
    pairs = [
        ("Name", ours["name"], listing["fields"]["name1"]),
        ("Street", ours["street"], listing["fields"]["street1"]),
        ("City", ours["city"], listing["fields"]["city"]),
        ("State", ours["state"], listing["fields"]["state"]),
        ("ZIP code", ours["zip"], listing["fields"]["zip"]),
    ]
    for what, mine, theirs in pairs:
        if _norm(mine) != _norm(theirs):
            differences.append(Difference(what, mine, theirs or "(none)"))
    for what, mine, theirs in [
        ("Main phone", ours["phone"], listing["fields"]["phone"]),
        ("Intake phone", ours["intake_phone"], listing["fields"]["intake1"]),
    ]:
        if re.sub(r"\D", "", mine or "")[-10:] != re.sub(r"\D", "", theirs or "")[-10:]:
            differences.append(Difference(what, mine, theirs or "(none)"))
    for category in CATEGORIES:
        mine = {_norm(c["name"]): c["name"] for c in ours["services"].get(category, [])}
        theirs = listing["services"].get(category, {})
        missing = [name for key, name in mine.items() if key not in theirs]
        extra = [name for key, name in theirs.items() if key not in mine]
        if missing or extra:
            differences.append(
                Difference(
                    f"{category} ({CATEGORIES[category]})",
                    "; ".join(missing) or "—",
                    "; ".join(extra) or "—",
                )
            )
    return differences
