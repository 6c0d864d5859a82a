"""A multilingual glossary of the fields' services: terms in en/zh/ja/ko (and de/fr) -> concepts.

Character n-grams cannot tell that 渲染, レンダリング, 렌더링 and "rendering" are one thing;
this table can. Each concept belongs to a field (or to none: cooperation forms that any
field shares), so a term that means different things in two fields (合成: compositing in
animation, synthesis in chemistry) only counts in the field the text is about.

Terms are lower case; Latin terms match at a word start (short ones as whole words), CJK
terms anywhere, since those scripts do not separate words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Concept:
    code: str
    field: str  # "" for concepts shared by every field
    en: str
    zh: str
    terms: tuple[str, ...]


def _c(code: str, field: str, en: str, zh: str, terms: str) -> Concept:
    return Concept(code, field, en, zh, tuple(t.strip() for t in terms.split("|") if t.strip()))


CONCEPTS: tuple[Concept, ...] = (
    # --- cartoon and animation ---
    _c(
        "anim.inbetween",
        "animation",
        "in-betweening",
        "动画中期",
        "in-between|inbetween|tweening|in between|中期|中间画|中割|動画工程|동화|intervalle|"
        "zwischenphase|key animation|原画|作画|키 애니메이션|원화",
    ),
    _c(
        "anim.colour",
        "animation",
        "colouring",
        "上色",
        "colouring|coloring|colour|color|ink and paint|上色|彩色|着色|仕上げ|채색|색칠|"
        "colorisation|coloriage|kolorierung",
    ),
    _c(
        "anim.3d",
        "animation",
        "3D modelling and rigging",
        "三维建模与绑定",
        "3d|cg|cgi|modelling|modeling|rigging|maya|blender|建模|绑定|三维|3dcg|モデリング|"
        "リギング|모델링|리깅|modélisation|modellierung",
    ),
    _c("anim.render", "animation", "rendering", "渲染", "render|渲染|レンダリング|렌더링|rendu"),
    _c(
        "anim.background",
        "animation",
        "background art",
        "背景美术",
        "background|backdrop|scenery|背景|美術|배경|décor|hintergr",
    ),
    _c(
        "anim.compositing",
        "animation",
        "compositing",
        "后期合成",
        "compositing|post-production|postproduction|合成|后期|撮影|コンポジット|합성|후반 작업",
    ),
    _c(
        "anim.ip",
        "animation",
        "characters and IP",
        "动画IP",
        "ip|character|licens|merchandis|衍生品|形象|授权|キャラクター|ライセンス|캐릭터|라이선스|"
        "lizenz|personnage",
    ),
    # --- software ---
    _c(
        "sw.mobile",
        "software",
        "mobile apps",
        "移动应用",
        "mobile|ios|android|smartphone|移动|手机|app|应用程序|モバイル|アプリ|スマホ|모바일|앱|"
        "mobil",
    ),
    _c(
        "sw.finance",
        "software",
        "banking and finance",
        "金融",
        "bank|fintech|financ|payment|insurance|金融|银行|支付|保险|銀行|バンキング|決済|뱅킹|"
        "금융|은행|결제|banque|zahlung",
    ),
    _c(
        "sw.testing",
        "software",
        "testing and QA",
        "软件测试",
        "test|qa|quality assurance|测试|质量保证|テスト|品質保証|테스트|품질 보증|"
        "qualitätssicherung|assurance qualité",
    ),
    _c(
        "sw.erp",
        "software",
        "ERP",
        "ERP",
        "erp|sap|oracle|enterprise resource|企业资源|基幹システム|전사적",
    ),
    _c(
        "sw.cloud",
        "software",
        "cloud migration",
        "云迁移",
        "cloud|migration|saas|云|迁移|上云|クラウド|移行|클라우드|마이그레이션|전환",
    ),
    _c(
        "sw.offshore",
        "software",
        "offshore development teams",
        "离岸开发团队",
        "offshore|development cent|dedicated team|nearshore|java|.net|react|离岸|开发团队|"
        "开发中心|オフショア|開発センター|오프쇼어|개발센터|개발 센터|entwicklungszentrum",
    ),
    _c(
        "sw.maintenance",
        "software",
        "maintenance and operations",
        "运维",
        "maintenance|support|operations|managed service|运维|维护|保守|運用|유지보수|운영|wartung",
    ),
    _c(
        "sw.localisation",
        "software",
        "localisation",
        "本地化",
        "locali|translat|本地化|翻译|ローカライズ|翻訳|현지화|번역|lokalisierung",
    ),
    _c(
        "sw.logistics",
        "software",
        "logistics software",
        "物流软件",
        "logistic|supply chain|物流|供应链|サプライチェーン|물류|공급망|logistik",
    ),
    # --- applied technology R&D ---
    _c(
        "rd.embedded",
        "applied_rd",
        "IoT sensors and embedded systems",
        "物联网与嵌入式",
        "iot|sensor|embedded|firmware|microcontroller|物联网|传感器|嵌入式|固件|センサー|組込|"
        "組み込み|ファームウェア|센서|임베디드|펌웨어|capteur|sensorik",
    ),
    _c(
        "rd.simulation",
        "applied_rd",
        "simulation (FEA, CAE)",
        "仿真分析",
        "simulat|finite element|finite-element|fea|fem|cae|仿真|有限元|模拟|解析|シミュレーション|"
        "有限要素|시뮬레이션|유한요소|해석|éléments finis",
    ),
    _c(
        "rd.reliability",
        "applied_rd",
        "reliability testing",
        "可靠性试验",
        "reliability|durability|environmental test|可靠性|耐久|环境试验|信頼性|耐久試験|신뢰성|"
        "내구성|fiabilité|zuverlässigkeit",
    ),
    _c(
        "rd.vision",
        "applied_rd",
        "machine vision inspection",
        "机器视觉检测",
        "machine vision|machine-vision|computer vision|visual inspection|image processing|"
        "机器视觉|视觉检测|图像|画像検査|画像処理|マシンビジョン|머신비전|비전 검사|영상 처리|"
        "vision industrielle|bildverarbeitung",
    ),
    _c(
        "rd.battery",
        "applied_rd",
        "battery systems",
        "电池系统",
        "battery|batteries|bms|energy storage|cell|电池|储能|电控|バッテリー|電池|蓄電|배터리|"
        "에너지 저장|batterie",
    ),
    _c(
        "rd.prototype",
        "applied_rd",
        "prototyping",
        "样机试制",
        "prototyp|pilot production|small batch|样机|试制|试产|打样|試作|시제품|시작품|prototypen",
    ),
    _c(
        "rd.design",
        "applied_rd",
        "industrial design",
        "工业设计",
        "industrial design|product design|工业设计|产品设计|工業デザイン|製品設計|산업 디자인|"
        "제품 디자인|conception",
    ),
    _c(
        "rd.instruments",
        "applied_rd",
        "measuring instruments",
        "测量仪器",
        "measur|instrument|metrology|测量|仪器|计量|計測|測定|계측|측정|mesure|messger",
    ),
    # --- pharmaceutical R&D ---
    _c(
        "ph.chemistry",
        "pharma_rd",
        "medicinal chemistry and synthesis",
        "药物化学与合成",
        "chemistry|synthes|compound|molecule|药物化学|合成|化合物|分子|創薬化学|의약화학|합성|"
        "화합물|chimie|synthèse|chemie",
    ),
    _c(
        "ph.toxicology",
        "pharma_rd",
        "toxicology",
        "毒理",
        "toxicolog|toxicity|safety assessment|safety evaluation|毒理|毒性|安全性评价|毒性試験|"
        "安全性評価|독성|안전성 평가|toxikologie",
    ),
    _c(
        "ph.pk",
        "pharma_rd",
        "pharmacokinetics",
        "药代动力学",
        "pharmacokinetic|pk|adme|dmpk|药代|药物代谢|薬物動態|약동학|약물동태|pharmacocinétique|"
        "pharmakokinetik",
    ),
    _c(
        "ph.preclinical",
        "pharma_rd",
        "pre-clinical studies",
        "非临床研究",
        "pre-clinical|preclinical|non-clinical|nonclinical|glp|animal stud|非临床|临床前|非臨床|"
        "前臨床|비임상|전임상|préclinique|präklinisch",
    ),
    _c(
        "ph.clinical",
        "pharma_rd",
        "clinical trials",
        "临床试验",
        "clinical trial|clinical stud|phase i|phase 2|phase 3|cro|monitoring|site management|"
        "临床试验|临床研究|监查|期临床|臨床試験|治験|モニタリング|임상시험|임상 시험|모니터링|"
        "essai clinique|klinische",
    ),
    _c(
        "ph.data",
        "pharma_rd",
        "clinical data management and statistics",
        "临床数据管理与统计",
        "data management|biostatistic|statistic|数据管理|统计|データマネジメント|データ管理|統計|"
        "데이터 관리|통계",
    ),
    _c(
        "ph.biologics",
        "pharma_rd",
        "biologics process development",
        "生物药工艺开发",
        "biologic|biosimilar|antibod|process development|cell line|生物药|生物类似药|抗体|"
        "工艺开发|细胞株|バイオ医薬品|抗体医薬|プロセス開発|바이오의약품|항체|공정 개발|biologika",
    ),
    _c(
        "ph.regulatory",
        "pharma_rd",
        "registration and regulatory affairs",
        "注册申报",
        "regulatory|registration|marketing authori|approval|generic|注册|申报|仿制药|批文|承認|"
        "薬事|ジェネリック|허가|제네릭|인허가|zulassung|générique",
    ),
    # --- markets and client sectors, any field: who the work is for ---
    _c(
        "mk.children",
        "",
        "children's content",
        "少儿内容",
        "child|kids|preschool|young audience|儿童|少儿|幼儿|学龄前|子ども|子供|幼児|キッズ|어린이|"
        "아동|유아|enfant|jeunesse|kinder",
    ),
    _c(
        "mk.anime",
        "",
        "Japanese anime style",
        "日式动画风格",
        "anime|japanese style|japanese-style|日式|番剧|二次元|アニメ調|日本のtvアニメ|재패니메이션|"
        "일본 애니메이션|일본식",
    ),
    _c(
        "mk.streaming",
        "",
        "streaming and online video",
        "流媒体与网络视频",
        "streaming|online video|video service|video-on-demand|vod|流媒体|网络视频|视频平台|网播|"
        "配信|動画配信|스트리밍|동영상 서비스|ott",
    ),
    _c(
        "mk.japanese",
        "",
        "Japanese-language work",
        "日语交付",
        "japanese-speaking|in japanese|japanese language|日语|对日|日本語|일본어",
    ),
    _c(
        "mk.security",
        "",
        "information security",
        "信息安全",
        "information security|information-security|iso 27001|iso/iec 27001|isms|cybersecurity|"
        "信息安全|网络安全|情報セキュリティ|セキュリティ|정보보안|보안",
    ),
    _c(
        "mk.automotive",
        "",
        "automotive",
        "汽车",
        "automotive|vehicle|car maker|carmaker|汽车|车辆|车载|整车|自動車|車載|자동차|차량|"
        "automobile|fahrzeug",
    ),
    _c(
        "mk.appliances",
        "",
        "home appliances and consumer electronics",
        "家电与消费电子",
        "appliance|consumer electronics|household|家电|消费电子|家用电器|家電|白物|가전|"
        "électroménager|haushaltsger",
    ),
    _c(
        "mk.medical_devices",
        "",
        "medical devices",
        "医疗器械",
        "medical device|medical-device|医疗器械|医疗设备|医療機器|의료기기|dispositif médical|"
        "medizinprodukt",
    ),
    _c(
        "mk.oncology",
        "",
        "oncology",
        "肿瘤",
        "oncolog|cancer|tumour|tumor|肿瘤|抗癌|癌症|がん|腫瘍|항암|종양|onkologie",
    ),
    _c(
        "mk.metabolic",
        "",
        "metabolic diseases",
        "代谢疾病",
        "metabolic|diabetes|obesity|代谢|糖尿病|肥胖|代謝|대사|당뇨|비만|métabolique|stoffwechsel",
    ),
    _c(
        "mk.cns",
        "",
        "central nervous system",
        "中枢神经系统",
        "central nervous|cns|neurolog|neuro|中枢神经|神经系统|神经|中枢神経|神経|중추신경|신경",
    ),
    _c(
        "mk.retail",
        "",
        "retail and e-commerce",
        "零售与电商",
        "retail|e-commerce|ecommerce|online shop|online store|零售|电商|电子商务|网上商城|小売|"
        "通販|리테일|이커머스|쇼핑몰|commerce",
    ),
    # --- cooperation forms, any field ---
    _c(
        "co.investment",
        "",
        "investment and joint ventures",
        "投资与合资",
        "invest|equity|joint venture|stake|投资|合资|入股|出資|投資|合弁|투자|합작|지분|"
        "beteiligung|coentreprise",
    ),
    _c(
        "co.market",
        "",
        "distribution and market entry",
        "市场与发行合作",
        "distribut|reseller|resell|market entry|marketing|sales partner|发行|代理|分销|销售|"
        "市场推广|販売|代理店|배급|리셀러|판매|마케팅|vertrieb|revente",
    ),
)

_BY_CODE = {concept.code: concept for concept in CONCEPTS}


def concept(code: str) -> Concept:
    """The concept with this code (KeyError if unknown)."""
    return _BY_CODE[code]


def _pattern(term: str) -> str:
    escaped = re.escape(term)
    if not term.isascii():
        return escaped
    # Latin terms start at a word boundary; short ones (ip, qa, pk) must be whole words.
    if len(term) <= 3:
        return rf"(?<![a-z0-9]){escaped}(?![a-z0-9])"
    return rf"(?<![a-z0-9]){escaped}"


_PATTERNS: tuple[tuple[Concept, re.Pattern[str]], ...] = tuple(
    (c, re.compile("|".join(_pattern(term) for term in c.terms))) for c in CONCEPTS
)


def extract_concepts(text: str, *, fields: Iterable[str]) -> frozenset[str]:
    """Codes of the concepts ``text`` mentions, among those of ``fields`` and the shared ones."""
    allowed = set(fields) | {""}
    lowered = text.lower()
    return frozenset(
        c.code for c, pattern in _PATTERNS if c.field in allowed and pattern.search(lowered)
    )


_PATTERN_OF: dict[str, tuple[Concept, re.Pattern[str]]] = {c.code: (c, p) for c, p in _PATTERNS}


def mentioned(text: str, *, codes: Iterable[str], fields: Iterable[str]) -> frozenset[str]:
    """Which of the concepts ``codes`` ``text`` mentions (as ``extract_concepts`` would find
    them, but checking those concepts only)."""
    allowed = set(fields) | {""}
    lowered = text.lower()
    found = set()
    for code in codes:
        concept_, pattern = _PATTERN_OF[code]
        if concept_.field in allowed and pattern.search(lowered):
            found.add(code)
    return frozenset(found)
