"""Name material for the demo: Chinese providers, foreign buyers per country, people.

Every name is made up from common words; none names a real company.
"""

from dataclasses import dataclass

# --- Domestic (Chinese) providers -------------------------------------------------------

# (Chinese, pinyin); the host city appears more often than the others.
CHINESE_CITIES: tuple[tuple[str, str], ...] = (
    ("大连", "Dalian"),
    ("大连", "Dalian"),
    ("大连", "Dalian"),
    ("沈阳", "Shenyang"),
    ("北京", "Beijing"),
    ("上海", "Shanghai"),
    ("杭州", "Hangzhou"),
    ("成都", "Chengdu"),
    ("西安", "Xi'an"),
    ("武汉", "Wuhan"),
    ("南京", "Nanjing"),
    ("苏州", "Suzhou"),
    ("深圳", "Shenzhen"),
    ("广州", "Guangzhou"),
    ("青岛", "Qingdao"),
    ("无锡", "Wuxi"),
    ("长沙", "Changsha"),
    ("合肥", "Hefei"),
    ("厦门", "Xiamen"),
    ("济南", "Jinan"),
    ("天津", "Tianjin"),
    ("重庆", "Chongqing"),
)

# Trade-name cores (Chinese, pinyin); each pinyin is unique so English names stay unique.
CHINESE_CORES: tuple[tuple[str, str], ...] = (
    ("海创", "Haichuang"),
    ("星云", "Xingyun"),
    ("博远", "Boyuan"),
    ("启明", "Qiming"),
    ("天衡", "Tianheng"),
    ("瑞达", "Ruida"),
    ("云帆", "Yunfan"),
    ("恒通", "Hengtong"),
    ("嘉禾", "Jiahe"),
    ("锦程", "Jincheng"),
    ("智源", "Zhiyuan"),
    ("凌云", "Lingyun"),
    ("新桥", "Xinqiao"),
    ("鼎盛", "Dingsheng"),
    ("长风", "Changfeng"),
    ("朗思", "Langsi"),
    ("汇智", "Huizhi"),
    ("金石", "Jinshi"),
    ("青木", "Qingmu"),
    ("蓝海", "Lanhai"),
    ("星河", "Xinghe"),
    ("优卓", "Youzhuo"),
    ("华彩", "Huacai"),
    ("明德", "Mingde"),
    ("泰和", "Taihe"),
    ("安澜", "Anlan"),
    ("至诚", "Zhicheng"),
    ("远景", "Yuanjing"),
    ("睿思", "Ruisi"),
    ("天工", "Tiangong"),
    ("百川", "Baichuan"),
    ("同创", "Tongchuang"),
    ("宏图", "Hongtu"),
    ("聚能", "Juneng"),
    ("光华", "Guanghua"),
    ("众诚", "Zhongcheng"),
    ("飞鸿", "Feihong"),
    ("和信", "Hexin"),
    ("立德", "Lide"),
    ("精诚", "Jingcheng"),
    ("方圆", "Fangyuan"),
    ("润泽", "Runze"),
    ("晨曦", "Chenxi"),
    ("景行", "Jingxing"),
    ("卓越", "Zhuoyue"),
    ("思创", "Sichuang"),
    ("海纳", "Haina"),
    ("云图", "Yuntu"),
)

# Per field: (Chinese business words, English business words).
CHINESE_FIELD_SUFFIXES: dict[str, tuple[tuple[str, str], ...]] = {
    "animation": (
        ("动漫科技", "Animation Technology"),
        ("动画制作", "Animation Production"),
        ("数字影视", "Digital Film"),
        ("文化传媒", "Culture & Media"),
    ),
    "software": (
        ("软件技术", "Software Technology"),
        ("信息技术", "Information Technology"),
        ("数码科技", "Digital Technology"),
        ("网络科技", "Network Technology"),
    ),
    "applied_rd": (
        ("科技研发", "Technology R&D"),
        ("工业技术研究", "Industrial Technology Research"),
        ("检测技术", "Testing Technology"),
        ("智能装备科技", "Intelligent Equipment Technology"),
    ),
    "pharma_rd": (
        ("医药研发", "Pharmaceutical R&D"),
        ("生物医药科技", "Biopharmaceutical Technology"),
        ("临床研究", "Clinical Research"),
        ("药物研究", "Drug Research"),
    ),
}

CHINESE_SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("赵", "Zhao"),
    ("黄", "Huang"),
    ("周", "Zhou"),
    ("吴", "Wu"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("林", "Lin"),
    ("高", "Gao"),
    ("罗", "Luo"),
)

CHINESE_GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("娜", "Na"),
    ("敏", "Min"),
    ("静", "Jing"),
    ("磊", "Lei"),
    ("勇", "Yong"),
    ("艳", "Yan"),
    ("杰", "Jie"),
    ("涛", "Tao"),
    ("明", "Ming"),
    ("超", "Chao"),
    ("秀英", "Xiuying"),
    ("海燕", "Haiyan"),
    ("建华", "Jianhua"),
    ("晓东", "Xiaodong"),
    ("丽娟", "Lijuan"),
    ("志强", "Zhiqiang"),
    ("文博", "Wenbo"),
    ("雨萱", "Yuxuan"),
    ("子涵", "Zihan"),
    ("浩然", "Haoran"),
    ("思远", "Siyuan"),
    ("佳怡", "Jiayi"),
)

# --- Foreign buyers ----------------------------------------------------------------------


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
