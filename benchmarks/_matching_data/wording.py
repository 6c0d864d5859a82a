"""Development wording of the matching benchmark: what buyers ask for and providers offer.

Written from the services themselves, without the engine's glossary or any code that scores
text at hand, so no score can have been fitted to these words. Buyers write English,
Japanese, Korean, German, French or Spanish; providers write Chinese or English, in phrases of
their own (a provider never reuses a buyer's phrase).

A demand names a service and the market it serves; Japanese and Korean put the market first
(``{t}{s}``), the other languages after (``{s} {t}``). Markets are written to read well in
that place.
"""

Pool = dict[str, tuple[str, ...]]

BUYER_LANGUAGES = ("en", "ja", "ko", "de", "fr", "es")
PROVIDER_LANGUAGES = ("zh", "en")
REGISTERS = ("terse", "marketing", "technical")

# service code -> field
FIELDS: dict[str, str] = {
    "a3d": "animation",
    "a2d": "animation",
    "vfx": "animation",
    "app": "software",
    "qa": "software",
    "cloud": "software",
    "chem": "pharma_rd",
    "tox": "pharma_rd",
    "trial": "pharma_rd",
    "mat": "applied_rd",
    "elec": "applied_rd",
    "sim": "applied_rd",
}
# field -> the markets a service of the field is for
MARKETS: dict[str, tuple[str, ...]] = {
    "animation": ("kids", "cinema", "ads"),
    "software": ("bank", "shop", "clinic"),
    "pharma_rd": ("onc", "diab", "vax"),
    "applied_rd": ("car", "air", "home"),
}

# service code -> language -> phrasings (buyers, development set)
DEMAND_SERVICES: dict[str, Pool] = {
    "a3d": {
        "en": (
            "3D character models, rigs and keyframe animation",
            "building and animating CG characters",
        ),
        "ja": ("3Dキャラクターのモデル制作とアニメーション", "CGキャラクターの造形と動きの付け"),
        "ko": ("3D 캐릭터 모델 제작과 애니메이션", "CG 캐릭터 제작 및 움직임 작업"),
        "de": (
            "3D-Figuren modellieren, riggen und animieren",
            "Erstellung und Animation von CG-Charakteren",
        ),
        "fr": (
            "modélisation, rig et animation de personnages 3D",
            "création et animation de personnages en images de synthèse",
        ),
        "es": (
            "modelado, rigging y animación de personajes 3D",
            "creación y animación de personajes generados por ordenador",
        ),
    },
    "a2d": {
        "en": (
            "hand-drawn 2D animation for full episodes",
            "traditional 2D drawing, inking and colouring of episodes",
        ),
        "ja": ("手描き2Dアニメの作画と彩色", "2Dアニメーションのエピソード制作"),
        "ko": ("손그림 2D 애니메이션 작화와 채색", "2D 애니메이션 에피소드 제작"),
        "de": (
            "klassischer 2D-Zeichentrick mit Kolorierung",
            "Produktion ganzer Folgen in 2D-Animation",
        ),
        "fr": (
            "animation 2D traditionnelle, dessin et colorisation",
            "fabrication d'épisodes en animation 2D",
        ),
        "es": (
            "animación 2D dibujada a mano y coloreado",
            "producción de episodios en animación 2D",
        ),
    },
    "vfx": {
        "en": (
            "visual effects and compositing for live-action footage",
            "VFX shots: green-screen keying, clean-up and digital set extensions",
        ),
        "ja": ("実写映像のVFXと合成", "グリーンバック合成とデジタル背景拡張などの視覚効果"),
        "ko": (
            "실사 영상의 시각효과(VFX)와 합성",
            "그린스크린 합성과 디지털 세트 확장 등 VFX 작업",
        ),
        "de": (
            "visuelle Effekte und Compositing für Realfilm",
            "VFX-Shots: Greenscreen-Keying, Retusche und digitale Set-Erweiterungen",
        ),
        "fr": (
            "effets visuels et compositing pour prises de vues réelles",
            "plans VFX : incrustation fond vert, nettoyage et extensions de décors numériques",
        ),
        "es": (
            "efectos visuales y composición para imagen real",
            "planos VFX: croma, limpieza y extensiones digitales de decorados",
        ),
    },
    "app": {
        "en": (
            "native iOS and Android app development",
            "building a smartphone application and its backend",
        ),
        "ja": ("iOS・Androidのネイティブアプリ開発", "スマートフォンアプリとバックエンドの構築"),
        "ko": ("iOS·안드로이드 네이티브 앱 개발", "스마트폰 애플리케이션과 백엔드 구축"),
        "de": (
            "native App-Entwicklung für iOS und Android",
            "Entwicklung einer Smartphone-Anwendung samt Backend",
        ),
        "fr": (
            "développement d'applications natives iOS et Android",
            "conception d'une application pour smartphone et de son back-end",
        ),
        "es": (
            "desarrollo de aplicaciones nativas para iOS y Android",
            "construcción de una app para smartphone y su backend",
        ),
    },
    "qa": {
        "en": (
            "independent software testing and quality assurance",
            "manual and automated test execution, regression and load tests",
        ),
        "ja": (
            "第三者ソフトウェアテストと品質保証",
            "手動・自動テストの実施、回帰テストと負荷テスト",
        ),
        "ko": (
            "제3자 소프트웨어 테스트 및 품질 보증",
            "수동·자동화 테스트 수행, 회귀 및 부하 테스트",
        ),
        "de": (
            "unabhängige Softwaretests und Qualitätssicherung",
            "manuelle und automatisierte Tests, Regressions- und Lasttests",
        ),
        "fr": (
            "tests logiciels indépendants et assurance qualité",
            "exécution de tests manuels et automatisés, tests de non-régression et de charge",
        ),
        "es": (
            "pruebas de software independientes y aseguramiento de la calidad",
            "ejecución de pruebas manuales y automatizadas, regresión y carga",
        ),
    },
    "cloud": {
        "en": (
            "migrating on-premise systems to the public cloud",
            "cloud operations and DevOps, with 24/7 monitoring",
        ),
        "ja": ("オンプレミスシステムのクラウド移行", "クラウド運用とDevOps、24時間監視"),
        "ko": ("온프레미스 시스템의 클라우드 이전", "클라우드 운영과 DevOps, 24시간 모니터링"),
        "de": (
            "Migration lokaler Systeme in die Public Cloud",
            "Cloud-Betrieb und DevOps mit Überwachung rund um die Uhr",
        ),
        "fr": (
            "migration de systèmes sur site vers le cloud public",
            "exploitation cloud et DevOps avec supervision 24 h/24",
        ),
        "es": (
            "migración de sistemas locales a la nube pública",
            "operación en la nube y DevOps con monitorización 24/7",
        ),
    },
    "chem": {
        "en": (
            "custom synthesis of small-molecule drug candidates",
            "medicinal chemistry: designing and making new compounds",
        ),
        "ja": ("低分子医薬品候補化合物の受託合成", "創薬化学：新規化合物の設計と合成"),
        "ko": ("저분자 신약 후보물질 위탁 합성", "의약화학: 신규 화합물 설계 및 합성"),
        "de": (
            "Auftragssynthese niedermolekularer Wirkstoffkandidaten",
            "medizinische Chemie: Entwurf und Herstellung neuer Verbindungen",
        ),
        "fr": (
            "synthèse à façon de candidats médicaments à petites molécules",
            "chimie médicinale : conception et fabrication de nouveaux composés",
        ),
        "es": (
            "síntesis por encargo de candidatos a fármaco de molécula pequeña",
            "química médica: diseño y obtención de nuevos compuestos",
        ),
    },
    "tox": {
        "en": (
            "preclinical safety studies: toxicology in rodents and non-rodents under GLP",
            "GLP toxicity and safety pharmacology testing before first-in-human",
        ),
        "ja": (
            "GLP準拠の前臨床安全性試験（げっ歯類・非げっ歯類の毒性試験）",
            "ヒト初回投与前の毒性試験と安全性薬理試験",
        ),
        "ko": (
            "GLP 기준 전임상 안전성 시험(설치류·비설치류 독성시험)",
            "최초 인체 투여 전 독성 및 안전성 약리 시험",
        ),
        "de": (
            "präklinische Sicherheitsstudien: Toxikologie an Nagern und Nicht-Nagern nach GLP",
            "GLP-Toxizitätsprüfungen und Sicherheitspharmakologie vor der Erstanwendung "
            "am Menschen",
        ),
        "fr": (
            "études de sécurité précliniques : toxicologie chez le rongeur et le non-rongeur "
            "selon les BPL",
            "essais de toxicité et de pharmacologie de sécurité BPL avant la première "
            "administration à l'homme",
        ),
        "es": (
            "estudios de seguridad preclínicos: toxicología en roedores y no roedores según BPL",
            "ensayos de toxicidad y farmacología de seguridad BPL antes de la primera "
            "administración en humanos",
        ),
    },
    "trial": {
        "en": (
            "running phase II–III clinical trials: site monitoring and data management",
            "clinical study operations from site start-up to database lock",
        ),
        "ja": (
            "第II/III相臨床試験の運営（モニタリングとデータマネジメント）",
            "施設立ち上げからデータ固定までの治験業務",
        ),
        "ko": (
            "2~3상 임상시험 운영(모니터링 및 데이터 관리)",
            "기관 개시부터 데이터베이스 잠금까지 임상시험 업무",
        ),
        "de": (
            "Durchführung klinischer Studien der Phase II–III: Monitoring und Datenmanagement",
            "Studienbetrieb vom Zentrumsstart bis zum Datenbankschluss",
        ),
        "fr": (
            "conduite d'essais cliniques de phase II–III : monitoring et gestion des données",
            "opérations d'études cliniques, de l'ouverture des centres au gel de la base",
        ),
        "es": (
            "gestión de ensayos clínicos de fase II–III: monitorización y gestión de datos",
            "operaciones de estudios clínicos desde la apertura de centros hasta el cierre de "
            "la base de datos",
        ),
    },
    "mat": {
        "en": (
            "mechanical and chemical testing of materials",
            "material characterisation: fatigue, corrosion and microscopy",
        ),
        "ja": ("材料の機械試験と化学分析", "材料評価：疲労・腐食試験と顕微鏡観察"),
        "ko": ("소재의 기계적·화학적 시험", "재료 특성 평가: 피로, 부식 시험 및 현미경 분석"),
        "de": (
            "mechanische und chemische Werkstoffprüfung",
            "Werkstoffcharakterisierung: Ermüdung, Korrosion und Mikroskopie",
        ),
        "fr": (
            "essais mécaniques et chimiques sur matériaux",
            "caractérisation des matériaux : fatigue, corrosion et microscopie",
        ),
        "es": (
            "ensayos mecánicos y químicos de materiales",
            "caracterización de materiales: fatiga, corrosión y microscopía",
        ),
    },
    "elec": {
        "en": (
            "embedded electronics: circuit boards and firmware",
            "designing microcontroller hardware and its firmware",
        ),
        "ja": (
            "組込み電子回路：基板設計とファームウェア",
            "マイコン搭載ハードウェアとファームウェアの設計",
        ),
        "ko": ("임베디드 전자: 회로기판 설계와 펌웨어", "마이크로컨트롤러 하드웨어 및 펌웨어 설계"),
        "de": (
            "Embedded-Elektronik: Leiterplatten und Firmware",
            "Entwicklung von Mikrocontroller-Hardware mit Firmware",
        ),
        "fr": (
            "électronique embarquée : cartes électroniques et micrologiciel",
            "conception de matériel à microcontrôleur et de son firmware",
        ),
        "es": (
            "electrónica embebida: placas de circuito y firmware",
            "diseño de hardware con microcontrolador y su firmware",
        ),
    },
    "sim": {
        "en": (
            "finite-element and CFD simulation",
            "virtual engineering: structural, thermal and airflow analysis",
        ),
        "ja": ("有限要素法と流体解析（CFD）のシミュレーション", "構造・熱・流れのCAE解析"),
        "ko": ("유한요소 및 CFD 시뮬레이션", "구조·열·유동 해석 등 CAE 해석"),
        "de": (
            "FEM- und CFD-Simulation",
            "virtuelle Entwicklung: Struktur-, Wärme- und Strömungsanalysen",
        ),
        "fr": (
            "simulation par éléments finis et CFD",
            "ingénierie virtuelle : calculs de structure, thermiques et aérodynamiques",
        ),
        "es": (
            "simulación por elementos finitos y CFD",
            "ingeniería virtual: análisis estructural, térmico y de flujo",
        ),
    },
}

# market code -> language -> phrasings (buyers, development set)
DEMAND_MARKETS: dict[str, Pool] = {
    "kids": {
        "en": ("for a children's TV series",),
        "ja": ("子ども向けテレビシリーズの",),
        "ko": ("어린이 TV 시리즈용",),
        "de": ("für eine Kinderserie im Fernsehen",),
        "fr": ("pour une série télévisée jeunesse",),
        "es": ("para una serie infantil de televisión",),
    },
    "cinema": {
        "en": ("for a theatrical feature film",),
        "ja": ("劇場公開長編映画の",),
        "ko": ("극장 개봉 장편영화용",),
        "de": ("für einen Kinospielfilm",),
        "fr": ("pour un long métrage destiné au cinéma",),
        "es": ("para un largometraje de cine",),
    },
    "ads": {
        "en": ("for TV commercials and brand campaigns",),
        "ja": ("テレビCM・広告キャンペーン向けの",),
        "ko": ("TV 광고 및 브랜드 캠페인용",),
        "de": ("für Werbespots und Markenkampagnen",),
        "fr": ("pour des spots publicitaires et des campagnes de marque",),
        "es": ("para anuncios de televisión y campañas de marca",),
    },
    "bank": {
        "en": ("for a retail bank",),
        "ja": ("銀行向けの",),
        "ko": ("은행용",),
        "de": ("für eine Bank",),
        "fr": ("pour une banque de détail",),
        "es": ("para un banco minorista",),
    },
    "shop": {
        "en": ("for an online retailer",),
        "ja": ("ECサイト・小売向けの",),
        "ko": ("온라인 쇼핑몰용",),
        "de": ("für einen Onlinehändler",),
        "fr": ("pour un commerçant en ligne",),
        "es": ("para una tienda en línea",),
    },
    "clinic": {
        "en": ("for a hospital group",),
        "ja": ("病院グループ向けの",),
        "ko": ("병원 그룹용",),
        "de": ("für einen Klinikverbund",),
        "fr": ("pour un groupe hospitalier",),
        "es": ("para un grupo hospitalario",),
    },
    "onc": {
        "en": ("in oncology",),
        "ja": ("がん領域の",),
        "ko": ("항암 분야",),
        "de": ("in der Onkologie",),
        "fr": ("en oncologie",),
        "es": ("en oncología",),
    },
    "diab": {
        "en": ("for diabetes and obesity",),
        "ja": ("糖尿病・肥満症領域の",),
        "ko": ("당뇨병 및 비만 분야",),
        "de": ("für Diabetes und Adipositas",),
        "fr": ("dans le diabète et l'obésité",),
        "es": ("para diabetes y obesidad",),
    },
    "vax": {
        "en": ("for vaccines against infectious diseases",),
        "ja": ("感染症ワクチンの",),
        "ko": ("감염병 백신 분야",),
        "de": ("für Impfstoffe gegen Infektionskrankheiten",),
        "fr": ("pour des vaccins contre les maladies infectieuses",),
        "es": ("para vacunas contra enfermedades infecciosas",),
    },
    "car": {
        "en": ("for car makers",),
        "ja": ("自動車メーカー向けの",),
        "ko": ("자동차 제조사용",),
        "de": ("für Autohersteller",),
        "fr": ("pour des constructeurs automobiles",),
        "es": ("para fabricantes de automóviles",),
    },
    "air": {
        "en": ("for aircraft programmes",),
        "ja": ("航空機向けの",),
        "ko": ("항공기 분야",),
        "de": ("für Flugzeugprogramme",),
        "fr": ("pour des programmes aéronautiques",),
        "es": ("para programas aeronáuticos",),
    },
    "home": {
        "en": ("for household appliances",),
        "ja": ("家電製品向けの",),
        "ko": ("가전제품용",),
        "de": ("für Haushaltsgeräte",),
        "fr": ("pour l'électroménager",),
        "es": ("para electrodomésticos",),
    },
}

# register -> language -> frames; {s} service, {t} market, {y} years, {d} technical detail
DEMAND_FRAMES: dict[str, Pool] = {
    "terse": {
        "en": ("{s} {t}. {y}-year contract.", "Need: {s}, {t}."),
        "ja": ("{t}{s}。{y}年契約。", "募集：{t}{s}"),
        "ko": ("{t} {s}. {y}년 계약.", "모집: {t} {s}"),
        "de": ("{s} {t}. Laufzeit {y} Jahre.", "Gesucht: {s} {t}."),
        "fr": ("{s} {t}. Contrat de {y} ans.", "Recherche : {s} {t}."),
        "es": ("{s} {t}. Contrato de {y} años.", "Buscamos: {s} {t}."),
    },
    "marketing": {
        "en": (
            "We are an ambitious, fast-growing company looking for a trusted partner for {s} "
            "{t}. Let's build something great together!",
            "Join us on an exciting journey: we want a world-class team for {s} {t}.",
        ),
        "ja": (
            "成長中の当社と一緒に、{t}{s}を担っていただける信頼できるパートナーを求めています！",
            "世界に挑戦する当社の{t}{s}を、ぜひ御社の力でお手伝いください。",
        ),
        "ko": (
            "빠르게 성장하는 저희와 함께 {t} {s}을(를) 맡아 줄 믿을 수 있는 파트너를 찾습니다!",
            "세계로 나아가는 저희 회사의 {t} {s}에 귀사의 힘을 보태 주세요.",
        ),
        "de": (
            "Als wachsendes, innovatives Unternehmen suchen wir einen verlässlichen Partner für "
            "{s} {t}. Gestalten Sie mit uns die Zukunft!",
            "Werden Sie Teil unserer Erfolgsgeschichte: Wir suchen ein erstklassiges Team für "
            "{s} {t}.",
        ),
        "fr": (
            "Entreprise innovante en pleine croissance, nous recherchons un partenaire de "
            "confiance pour {s} {t}. Construisons ensemble l'avenir !",
            "Rejoignez une aventure passionnante : nous voulons une équipe d'excellence pour "
            "{s} {t}.",
        ),
        "es": (
            "Somos una empresa innovadora en pleno crecimiento y buscamos un socio de confianza "
            "para {s} {t}. ¡Construyamos juntos el futuro!",
            "Únase a un proyecto apasionante: queremos un equipo de primer nivel para {s} {t}.",
        ),
    },
    "technical": {
        "en": (
            "Scope: {s} {t}. Requirements: {d}. Term: {y} years.",
            "RFP: {s} {t}; {d}; duration {y} years.",
        ),
        "ja": (
            "業務範囲：{t}{s}。要件：{d}。期間：{y}年。",
            "委託内容：{t}{s}／{d}／契約期間{y}年",
        ),
        "ko": (
            "업무 범위: {t} {s}. 요구사항: {d}. 기간: {y}년.",
            "위탁 내용: {t} {s} / {d} / 계약 기간 {y}년",
        ),
        "de": (
            "Leistungsumfang: {s} {t}. Anforderungen: {d}. Laufzeit: {y} Jahre.",
            "Ausschreibung: {s} {t}; {d}; Vertragsdauer {y} Jahre.",
        ),
        "fr": (
            "Périmètre : {s} {t}. Exigences : {d}. Durée : {y} ans.",
            "Appel d'offres : {s} {t} ; {d} ; durée du contrat {y} ans.",
        ),
        "es": (
            "Alcance: {s} {t}. Requisitos: {d}. Duración: {y} años.",
            "Licitación: {s} {t}; {d}; duración del contrato {y} años.",
        ),
    },
}

# field -> language -> technical details (the technical register's {d})
DEMAND_DETAILS: dict[str, Pool] = {
    "animation": {
        "en": ("delivery in 4K with weekly reviews", "EXR frames and an ACES colour pipeline"),
        "ja": ("4K納品・毎週レビュー", "EXR連番とACESカラーパイプライン"),
        "ko": ("4K 납품, 주간 리뷰", "EXR 시퀀스와 ACES 컬러 파이프라인"),
        "de": (
            "Lieferung in 4K mit wöchentlicher Abnahme",
            "EXR-Einzelbilder und ACES-Farbworkflow",
        ),
        "fr": ("livraison en 4K avec revues hebdomadaires", "images EXR et chaîne couleur ACES"),
        "es": ("entrega en 4K con revisiones semanales", "fotogramas EXR y flujo de color ACES"),
    },
    "software": {
        "en": (
            "agile sprints, ISO 27001, 99.9 % availability",
            "Kotlin and Swift, REST APIs, CI/CD",
        ),
        "ja": ("アジャイル開発、ISO 27001、稼働率99.9%", "Kotlin/Swift、REST API、CI/CD"),
        "ko": ("애자일 스프린트, ISO 27001, 가용성 99.9%", "Kotlin·Swift, REST API, CI/CD"),
        "de": (
            "agile Sprints, ISO 27001, 99,9 % Verfügbarkeit",
            "Kotlin und Swift, REST-APIs, CI/CD",
        ),
        "fr": (
            "sprints agiles, ISO 27001, disponibilité 99,9 %",
            "Kotlin et Swift, API REST, CI/CD",
        ),
        "es": (
            "sprints ágiles, ISO 27001, disponibilidad del 99,9 %",
            "Kotlin y Swift, API REST, CI/CD",
        ),
    },
    "pharma_rd": {
        "en": ("ICH guidelines, full audit trail", "GLP/GCP compliance and monthly reports"),
        "ja": ("ICHガイドライン準拠、監査証跡", "GLP/GCP遵守と月次報告"),
        "ko": ("ICH 가이드라인 준수, 감사 추적", "GLP/GCP 준수 및 월간 보고"),
        "de": ("ICH-Leitlinien, lückenloser Prüfpfad", "GLP/GCP-Konformität und Monatsberichte"),
        "fr": (
            "lignes directrices ICH, traçabilité complète",
            "conformité BPL/BPC et rapports mensuels",
        ),
        "es": (
            "directrices ICH, trazabilidad completa",
            "cumplimiento BPL/BPC e informes mensuales",
        ),
    },
    "applied_rd": {
        "en": ("ISO 17025 accredited laboratory", "design reviews and DFMEA to our standard"),
        "ja": ("ISO 17025認定試験所", "当社基準でのデザインレビューとDFMEA"),
        "ko": ("ISO 17025 인정 시험소", "당사 기준의 설계 검토 및 DFMEA"),
        "de": (
            "nach ISO 17025 akkreditiertes Labor",
            "Designreviews und DFMEA nach unserem Standard",
        ),
        "fr": (
            "laboratoire accrédité ISO 17025",
            "revues de conception et AMDEC selon notre norme",
        ),
        "es": (
            "laboratorio acreditado ISO 17025",
            "revisiones de diseño y AMFE según nuestra norma",
        ),
    },
}

# Providers' own phrases (shared by both wording sets: the held-out set rewords demands).
PROVIDER_SERVICES: dict[str, Pool] = {
    "a3d": {
        "zh": ("三维角色建模、骨骼绑定与动画制作", "CG角色造型及动作动画"),
        "en": (
            "CG character creation: sculpting, skeleton set-up and animation",
            "3D animated characters from concept to final motion",
        ),
    },
    "a2d": {
        "zh": ("二维手绘动画原画、动画与上色", "2D动画剧集整集制作"),
        "en": (
            "traditional cel-style animation, key frames to colour",
            "2D animated series production, full episodes",
        ),
    },
    "vfx": {
        "zh": ("实拍影片视觉特效与合成", "绿幕抠像、画面修复与数字场景延展"),
        "en": (
            "live-action VFX: keying, rotoscoping, compositing",
            "digital effects and set extension for film and TV footage",
        ),
    },
    "app": {
        "zh": ("iOS与安卓原生应用开发", "手机App及后台系统建设"),
        "en": (
            "mobile applications for iPhone and Android phones",
            "app engineering, front end to server side",
        ),
    },
    "qa": {
        "zh": ("第三方软件测试与质量保障", "手工与自动化测试、回归测试及压力测试"),
        "en": (
            "test services: functional, automation and performance testing",
            "quality engineering and test outsourcing",
        ),
    },
    "cloud": {
        "zh": ("本地系统迁移上云", "云平台运维与DevOps，7×24小时监控"),
        "en": (
            "cloud migration and managed cloud infrastructure",
            "DevOps pipelines and round-the-clock cloud support",
        ),
    },
    "chem": {
        "zh": ("小分子候选药物定制合成", "药物化学：新化合物设计与合成"),
        "en": (
            "contract chemistry: small-molecule synthesis for drug discovery",
            "compound design and synthesis for discovery programmes",
        ),
    },
    "tox": {
        "zh": (
            "GLP条件下的临床前安全性评价（啮齿类及非啮齿类毒理）",
            "首次人体试验前的毒性与安全药理研究",
        ),
        "en": (
            "GLP toxicology and safety pharmacology studies",
            "non-clinical safety assessment in rodent and non-rodent species",
        ),
    },
    "trial": {
        "zh": ("II–III期临床试验运营：监查与数据管理", "从中心启动到数据库锁定的临床研究服务"),
        "en": (
            "clinical research services: monitoring, data management, biostatistics",
            "phase II and III trial execution at sites across Asia",
        ),
    },
    "mat": {
        "zh": ("材料力学性能与化学成分检测", "材料表征：疲劳、腐蚀与显微分析"),
        "en": (
            "materials laboratory: tensile, fatigue and corrosion testing",
            "metallurgical and polymer analysis",
        ),
    },
    "elec": {
        "zh": ("嵌入式电子：电路板设计与固件开发", "单片机硬件及固件设计"),
        "en": (
            "PCB and firmware development for embedded devices",
            "electronic hardware engineering around microcontrollers",
        ),
    },
    "sim": {
        "zh": ("有限元与计算流体力学仿真", "结构、热与流场CAE分析"),
        "en": (
            "CAE services: FEA, CFD and thermal simulation",
            "computational analysis of structures and fluid flow",
        ),
    },
}

PROVIDER_MARKETS: dict[str, Pool] = {
    "kids": {
        "zh": ("面向少儿电视动画系列", "服务儿童动画剧集"),
        "en": ("for children's animated series",),
    },
    "cinema": {
        "zh": ("面向院线动画电影", "服务电影长片项目"),
        "en": ("for animated films in cinemas",),
    },
    "ads": {
        "zh": ("面向电视广告与品牌营销", "服务广告片客户"),
        "en": ("for advertising agencies",),
    },
    "bank": {
        "zh": ("面向银行金融机构", "服务商业银行客户"),
        "en": ("for banks and financial institutions",),
    },
    "shop": {"zh": ("面向电商零售企业", "服务网络零售平台"), "en": ("for e-commerce and retail",)},
    "clinic": {
        "zh": ("面向医院及医疗集团", "服务医疗机构"),
        "en": ("for hospitals and care providers",),
    },
    "onc": {"zh": ("聚焦肿瘤领域", "专注抗癌药物"), "en": ("focused on cancer",)},
    "diab": {
        "zh": ("聚焦糖尿病与代谢疾病", "专注降糖及减重药物"),
        "en": ("focused on diabetes and metabolic disease",),
    },
    "vax": {"zh": ("聚焦传染病疫苗", "专注疫苗研发"), "en": ("focused on vaccines",)},
    "car": {"zh": ("面向汽车整车厂", "服务汽车行业"), "en": ("for the automotive industry",)},
    "air": {"zh": ("面向航空航天", "服务飞机制造项目"), "en": ("for aerospace",)},
    "home": {"zh": ("面向家电企业", "服务家用电器行业"), "en": ("for home appliance makers",)},
}

# {s} service, {t} market, {n} a count; preceded by one background sentence
PROVIDER_FRAMES: Pool = {
    "zh": (
        "主营业务：{t}的{s}。",
        "我们提供{s}服务，{t}，已交付项目{n}个。",
        "核心能力为{s}，{t}。",
    ),
    "en": ("We provide {s} {t}.", "Core services: {s}, {t}; {n} projects delivered."),
}
PROVIDER_BACKGROUNDS: Pool = {
    "zh": ("公司成立于{year}年，总部位于{city}。", "我们是一家位于{city}的企业，员工{n}人。"),
    "en": ("Founded in {year} in {city}. ", "A {city}-based company with {n} staff. "),
}
CITIES: Pool = {
    "zh": ("大连", "成都", "西安", "苏州", "杭州", "武汉", "合肥", "厦门"),
    "en": ("Dalian", "Chengdu", "Xi'an", "Suzhou", "Hangzhou", "Wuhan", "Hefei", "Xiamen"),
}
CERTIFICATIONS: dict[str, tuple[str, ...]] = {
    "animation": ("ISO 9001", "TPN"),
    "software": ("ISO 27001", "CMMI 5", "ISO 9001"),
    "pharma_rd": ("GLP", "GMP", "ISO 9001"),
    "applied_rd": ("ISO 17025", "IATF 16949", "ISO 9001"),
}
