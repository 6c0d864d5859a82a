"""Name material for the demo's foreign buyers and their people, per country.

Every name is made up from common words; none names a real company.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class CountryProfile:
    """How enterprises and people of one country are named, and what they write in."""

    code: str
    language: str  # language of descriptions (ISO 639-1)
    # Weighted currencies of demands: each entry is one lot.
    currencies: tuple[str, ...]
    # (name in the original language, romanised/English name) of trade-name cores.
    cores: tuple[tuple[str, str], ...]
    legal_forms: tuple[tuple[str, str], ...]  # (original, English)
    cities: tuple[str, ...]  # as written in the description language
    given_names: tuple[str, ...]
    family_names: tuple[str, ...]
    family_name_first: bool = False


def _latin(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, name) for name in names)


_EN_GIVEN = (
    "James",
    "Emily",
    "Michael",
    "Sarah",
    "David",
    "Olivia",
    "Daniel",
    "Laura",
    "Robert",
    "Megan",
    "Andrew",
    "Rachel",
    "Thomas",
    "Hannah",
)
_EN_FAMILY = (
    "Miller",
    "Johnson",
    "Carter",
    "Bennett",
    "Hughes",
    "Foster",
    "Reid",
    "Campbell",
    "Morgan",
    "Palmer",
    "Walsh",
    "Turner",
    "Collins",
    "Ward",
)

COUNTRIES: dict[str, CountryProfile] = {
    profile.code: profile
    for profile in (
        CountryProfile(
            code="US",
            language="en",
            currencies=("USD",),
            cores=_latin(
                "Redwood",
                "Harborview",
                "Summit Ridge",
                "Lakeshore",
                "Granite Peak",
                "Silver Creek",
                "Bayside",
                "Blue Heron",
                "Cedar Point",
                "Ironwood",
                "Pinecrest",
                "Stonebridge",
                "Willow Bend",
                "Riverstone",
                "Clearwater",
                "Sierra Vista",
                "Oak Hollow",
                "Northgate",
                "Highline",
                "Prairie Wind",
            ),
            legal_forms=(("Inc.", "Inc."), ("LLC", "LLC"), ("Corp.", "Corp.")),
            cities=("San Francisco", "Boston", "Seattle", "Austin", "New York", "Chicago"),
            given_names=_EN_GIVEN,
            family_names=_EN_FAMILY,
        ),
        CountryProfile(
            code="CA",
            language="en",
            currencies=("CAD", "CAD", "USD"),
            cores=_latin(
                "Northshore",
                "Laurentian",
                "Fraser Valley",
                "Cascadia",
                "Algonquin",
                "Red River",
                "Boreal",
                "Kootenay",
                "Muskoka",
                "Georgian Bay",
            ),
            legal_forms=(("Inc.", "Inc."), ("Ltd.", "Ltd.")),
            cities=("Toronto", "Vancouver", "Montreal", "Ottawa", "Calgary"),
            given_names=_EN_GIVEN,
            family_names=_EN_FAMILY,
        ),
        CountryProfile(
            code="GB",
            language="en",
            currencies=("GBP", "GBP", "USD"),
            cores=_latin(
                "Thameside",
                "Pennine",
                "Cotswold",
                "Kingsbridge",
                "Highgate",
                "Severn",
                "Wessex",
                "Ashdown",
                "Malvern",
                "Tynedale",
            ),
            legal_forms=(("Ltd", "Ltd"), ("plc", "plc")),
            cities=("London", "Manchester", "Edinburgh", "Bristol", "Cambridge"),
            given_names=_EN_GIVEN,
            family_names=_EN_FAMILY,
        ),
        CountryProfile(
            code="AU",
            language="en",
            currencies=("AUD", "USD"),
            cores=_latin(
                "Southern Cross",
                "Coral Coast",
                "Eucalypt",
                "Kookaburra",
                "Red Centre",
                "Blue Gum",
                "Darling Range",
                "Tasman",
                "Whitsunday",
            ),
            legal_forms=(("Pty Ltd", "Pty Ltd"),),
            cities=("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"),
            given_names=_EN_GIVEN,
            family_names=_EN_FAMILY,
        ),
        CountryProfile(
            code="SG",
            language="en",
            currencies=("SGD", "USD", "USD"),
            cores=_latin(
                "Lion City",
                "Marina Bay",
                "Straits",
                "Orchard",
                "Kallang",
                "Tanjong",
                "Serangoon",
                "Bukit Timah",
            ),
            legal_forms=(("Pte. Ltd.", "Pte. Ltd."),),
            cities=("Singapore",),
            given_names=("Wei Ling", "Jun Jie", "Hui Min", "Kai Wen", "Priya", "Farhan"),
            family_names=("Tan", "Lim", "Ng", "Ong", "Goh", "Teo"),
        ),
        CountryProfile(
            code="IN",
            language="en",
            currencies=("INR", "INR", "USD"),
            cores=_latin(
                "Indus",
                "Deccan",
                "Kaveri",
                "Himalaya",
                "Narmada",
                "Sahyadri",
                "Godavari",
                "Aravalli",
                "Konkan",
                "Nilgiri",
                "Brahmaputra",
            ),
            legal_forms=(("Pvt. Ltd.", "Pvt. Ltd."), ("Ltd.", "Ltd.")),
            cities=("Bengaluru", "Mumbai", "Hyderabad", "Pune", "Chennai"),
            given_names=(
                "Arjun",
                "Priya",
                "Rahul",
                "Ananya",
                "Vikram",
                "Kavya",
                "Sanjay",
                "Neha",
                "Rohan",
                "Deepa",
            ),
            family_names=(
                "Sharma",
                "Iyer",
                "Patel",
                "Reddy",
                "Nair",
                "Gupta",
                "Menon",
                "Rao",
                "Kulkarni",
                "Banerjee",
            ),
        ),
        CountryProfile(
            code="JP",
            language="ja",
            currencies=("JPY", "JPY", "JPY", "USD"),
            cores=(
                ("青空", "Aozora"),
                ("北斗", "Hokuto"),
                ("若葉", "Wakaba"),
                ("光陽", "Koyo"),
                ("飛鳥", "Asuka"),
                ("翠光", "Suiko"),
                ("東雲", "Shinonome"),
                ("白鷺", "Shirasagi"),
                ("藤波", "Fujinami"),
                ("星野", "Hoshino"),
                ("千歳", "Chitose"),
                ("葵", "Aoi"),
                ("紅葉", "Momiji"),
                ("銀河", "Ginga"),
                ("蒼海", "Sokai"),
                ("晴嵐", "Seiran"),
                ("椿", "Tsubaki"),
                ("清流", "Seiryu"),
            ),
            legal_forms=(("株式会社", "Co., Ltd."), ("株式会社", "Inc.")),
            cities=("東京", "大阪", "福岡", "名古屋", "横浜"),
            given_names=(
                "Kenji",
                "Yuki",
                "Haruto",
                "Aiko",
                "Takeshi",
                "Naoko",
                "Hiroshi",
                "Emi",
                "Satoshi",
                "Mai",
            ),
            family_names=(
                "Sato",
                "Suzuki",
                "Takahashi",
                "Tanaka",
                "Watanabe",
                "Ito",
                "Yamamoto",
                "Nakamura",
                "Kobayashi",
                "Kato",
            ),
            family_name_first=True,
        ),
        CountryProfile(
            code="KR",
            language="ko",
            currencies=("KRW", "KRW", "USD"),
            cores=(
                ("새봄", "Saebom"),
                ("푸른솔", "Pureunsol"),
                ("누리", "Nuri"),
                ("별빛", "Byeolbit"),
                ("하늘", "Haneul"),
                ("다온", "Daon"),
                ("가람", "Garam"),
                ("아라", "Ara"),
                ("나래", "Narae"),
                ("솔빛", "Solbit"),
                ("온새미", "Onsaemi"),
                ("한울", "Hanul"),
                ("미르", "Mireu"),
                ("단비", "Danbi"),
                ("은하", "Eunha"),
            ),
            legal_forms=(("주식회사", "Co., Ltd."),),
            cities=("서울", "부산", "성남", "대전", "인천"),
            given_names=(
                "Min-jun",
                "Seo-yeon",
                "Ji-hoon",
                "Ha-eun",
                "Hyun-woo",
                "Soo-jin",
                "Dong-hyun",
                "Eun-ji",
            ),
            family_names=("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"),
            family_name_first=True,
        ),
        CountryProfile(
            code="DE",
            language="de",
            currencies=("EUR",),
            cores=_latin(
                "Nordlicht",
                "Rheinblick",
                "Alpenstern",
                "Elbufer",
                "Lindenhof",
                "Isartal",
                "Falkenstein",
                "Weserland",
                "Tannenberg",
                "Moselgrund",
                "Bodensee",
            ),
            legal_forms=(("GmbH", "GmbH"), ("AG", "AG")),
            cities=("München", "Berlin", "Hamburg", "Stuttgart", "Köln"),
            given_names=("Lukas", "Anna", "Jonas", "Katharina", "Felix", "Julia", "Matthias"),
            family_names=(
                "Müller",
                "Schneider",
                "Fischer",
                "Weber",
                "Wagner",
                "Becker",
                "Hoffmann",
            ),
        ),
        CountryProfile(
            code="FR",
            language="fr",
            currencies=("EUR",),
            cores=_latin(
                "Lumière",
                "Horizon Bleu",
                "Belle-Île",
                "Montclair",
                "Val de Loire",
                "Étoile du Nord",
                "Mistral",
                "Côte d'Opale",
                "Pic du Midi",
                "Rive Gauche",
            ),
            legal_forms=(("SAS", "SAS"), ("SA", "SA")),
            cities=("Paris", "Lyon", "Toulouse", "Nantes", "Lille"),
            given_names=("Julien", "Camille", "Nicolas", "Claire", "Antoine", "Élodie", "Mathieu"),
            family_names=("Martin", "Bernard", "Dubois", "Laurent", "Moreau", "Lefèvre", "Girard"),
        ),
        CountryProfile(
            code="NL",
            language="en",
            currencies=("EUR", "USD"),
            cores=_latin("Zeewind", "Polderlicht", "Duinrand", "Waddenzee", "Grachtenhuis"),
            legal_forms=(("B.V.", "B.V."),),
            cities=("Amsterdam", "Rotterdam", "Eindhoven", "Utrecht"),
            given_names=("Daan", "Sanne", "Bram", "Lotte", "Jeroen", "Femke"),
            family_names=("de Vries", "van Dijk", "Bakker", "Jansen", "Visser", "Smit"),
        ),
        CountryProfile(
            code="SE",
            language="en",
            currencies=("EUR", "USD"),
            cores=_latin("Norrsken", "Fjällvind", "Skärgård", "Ljusdal", "Vättern"),
            legal_forms=(("AB", "AB"),),
            cities=("Stockholm", "Gothenburg", "Malmö", "Uppsala"),
            given_names=("Erik", "Sara", "Johan", "Elin", "Anders", "Maja"),
            family_names=("Lindqvist", "Johansson", "Berg", "Nyström", "Holm", "Ekström"),
        ),
    )
}

# Per field and description language: (business word in the original name, in English).
BUYER_FIELD_WORDS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "animation": {
        "en": _latin("Animation", "Studios", "Pictures", "Media"),
        "ja": (("アニメーション", "Animation"), ("スタジオ", "Studio"), ("映像", "Pictures")),
        "ko": (("애니메이션", "Animation"), ("스튜디오", "Studio"), ("픽처스", "Pictures")),
        "de": (("Trickfilm", "Animation"), ("Studios", "Studios"), ("Medien", "Media")),
        "fr": (("Animation", "Animation"), ("Studios", "Studios"), ("Images", "Pictures")),
    },
    "software": {
        "en": _latin("Software", "Systems", "Digital", "Technologies"),
        "ja": (
            ("システムズ", "Systems"),
            ("ソフトウェア", "Software"),
            ("テクノロジー", "Technology"),
        ),
        "ko": (("소프트", "Soft"), ("시스템즈", "Systems"), ("테크", "Tech")),
        "de": (("Software", "Software"), ("Systemhaus", "Systems"), ("Informatik", "IT")),
        "fr": (("Logiciels", "Software"), ("Informatique", "IT"), ("Numérique", "Digital")),
    },
    "applied_rd": {
        "en": _latin("Engineering", "Labs", "Industrial Research", "Instruments"),
        "ja": (
            ("技研", "Engineering"),
            ("エンジニアリング", "Engineering"),
            ("工業", "Industries"),
        ),
        "ko": (("엔지니어링", "Engineering"), ("기술연구", "Research"), ("산업", "Industries")),
        "de": (
            ("Technik", "Engineering"),
            ("Forschung", "Research"),
            ("Messtechnik", "Instruments"),
        ),
        "fr": (
            ("Ingénierie", "Engineering"),
            ("Technologies", "Technologies"),
            ("Recherche", "Research"),
        ),
    },
    "pharma_rd": {
        "en": _latin("Pharma", "Biosciences", "Therapeutics", "Life Sciences"),
        "ja": (("製薬", "Pharmaceutical"), ("ファーマ", "Pharma"), ("バイオ", "Bio")),
        "ko": (("제약", "Pharmaceutical"), ("바이오", "Bio"), ("파마", "Pharma")),
        "de": (("Pharma", "Pharma"), ("Biotech", "Biotech"), ("Arzneimittel", "Pharmaceuticals")),
        "fr": (("Pharma", "Pharma"), ("Biotech", "Biotech"), ("Laboratoires", "Laboratories")),
    },
}


def buyer_name(
    *, profile: CountryProfile, core: tuple[str, str], word: tuple[str, str], form: tuple[str, str]
) -> tuple[str, str]:
    """The (original, English) name of a foreign buyer from its parts."""
    if profile.code == "JP":
        return f"{form[0]}{core[0]}{word[0]}", f"{core[1]} {word[1]} {form[1]}"
    if profile.code == "KR":
        return f"{form[0]} {core[0]}{word[0]}", f"{core[1]} {word[1]} {form[1]}"
    return f"{core[0]} {word[0]} {form[0]}", f"{core[1]} {word[1]} {form[1]}"


def person_name(*, profile: CountryProfile, given: str, family: str) -> str:
    """A person's name in the order used in the country (romanised)."""
    if profile.family_name_first:
        return f"{family} {given}"
    return f"{given} {family}"
