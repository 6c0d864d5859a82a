"""Held-out wording: the same demands, worded anew in every language and register.

Never looked at while choosing the model or fitting the weights: the benchmark's held-out
rows tell how matching copes with phrasings nobody tuned it on. Written, like
``wording``, without the glossary or any scoring code at hand; a test checks that no phrase
is shared with the development set.
"""

from benchmarks._matching_data.wording import Pool

DEMAND_SERVICES: dict[str, Pool] = {
    "a3d": {
        "en": (
            "CG creatures and heroes, sculpted, skinned and brought to life",
            "computer-generated characters with rigging and performance animation",
        ),
        "ja": (
            "CGで作るキャラクターの造形、リグ、演技づけ",
            "立体キャラクターを動かすアニメーション作業",
        ),
        "ko": (
            "CG로 만든 인물의 조형, 리그 설정, 연기 애니메이션",
            "입체 캐릭터를 움직이는 애니메이션 작업",
        ),
        "de": (
            "computeranimierte Figuren samt Skelett und Bewegung",
            "digitale Charaktere: Modellbau, Rig und Animation",
        ),
        "fr": (
            "personnages numériques : sculpture, squelette et animation",
            "des héros en 3D, construits et animés",
        ),
        "es": (
            "personajes digitales: escultura, esqueleto y animación",
            "héroes en 3D construidos y animados",
        ),
    },
    "a2d": {
        "en": (
            "flat, drawn animation: layouts, in-betweens and colour",
            "classic drawn cartoon episodes",
        ),
        "ja": ("平面の作画アニメ：レイアウト、中割り、色", "昔ながらの手描きアニメ話数"),
        "ko": ("평면 작화 애니메이션: 레이아웃, 중간 동작, 채색", "전통적인 손그림 만화 에피소드"),
        "de": (
            "gezeichnete Trickfilmfolgen im klassischen Stil",
            "flache Animation: Layout, Zwischenphasen und Farbe",
        ),
        "fr": (
            "dessin animé classique : mise en page, intervalles et couleur",
            "épisodes de dessins animés traditionnels",
        ),
        "es": (
            "dibujos animados clásicos: layout, intercalados y color",
            "episodios de animación tradicional dibujada",
        ),
    },
    "vfx": {
        "en": (
            "effects work on filmed plates: removing rigs, adding skies and crowds",
            "digital compositing to finish shot footage",
        ),
        "ja": (
            "撮影素材へのエフェクト：ワイヤー消し、空や群衆の追加",
            "撮影済み映像のデジタル仕上げ合成",
        ),
        "ko": (
            "촬영 소스에 대한 이펙트: 와이어 제거, 하늘과 군중 추가",
            "촬영 영상을 마무리하는 디지털 합성",
        ),
        "de": (
            "Effekte für gedrehtes Material: Seile entfernen, Himmel und Menschenmengen ergänzen",
            "digitale Nachbearbeitung gedrehter Aufnahmen",
        ),
        "fr": (
            "effets sur images tournées : effacement de câbles, ajout de ciels et de foules",
            "finition numérique de plans tournés",
        ),
        "es": (
            "efectos sobre material rodado: borrado de cables, cielos y multitudes",
            "acabado digital de planos filmados",
        ),
    },
    "app": {
        "en": (
            "a phone app for our customers, both platforms",
            "mobile software for handsets and tablets",
        ),
        "ja": ("お客様向けの携帯アプリ（両OS対応）", "スマホ・タブレット用ソフトウェア"),
        "ko": ("고객용 휴대폰 앱(양 플랫폼)", "스마트폰·태블릿용 소프트웨어"),
        "de": (
            "eine Handy-App für unsere Kunden auf beiden Plattformen",
            "mobile Software für Telefone und Tablets",
        ),
        "fr": (
            "une appli mobile pour nos clients sur les deux plateformes",
            "logiciel pour téléphones et tablettes",
        ),
        "es": (
            "una app de móvil para nuestros clientes en ambas plataformas",
            "software para teléfonos y tabletas",
        ),
    },
    "qa": {
        "en": (
            "finding bugs before release: test plans, test scripts, defect reports",
            "outsourced testing of our products",
        ),
        "ja": (
            "リリース前のバグ検出：テスト計画、スクリプト、不具合報告",
            "自社製品の検証作業の外部委託",
        ),
        "ko": ("출시 전 버그 찾기: 테스트 계획, 스크립트, 결함 보고", "자사 제품 검증 업무 외주"),
        "de": (
            "Fehler vor dem Release finden: Testpläne, Skripte, Fehlerberichte",
            "ausgelagerte Prüfung unserer Softwareprodukte",
        ),
        "fr": (
            "trouver les bugs avant la mise en production : plans de test, scripts, rapports "
            "d'anomalies",
            "recette externalisée de nos logiciels",
        ),
        "es": (
            "detectar fallos antes del lanzamiento: planes de prueba, scripts, informes de "
            "defectos",
            "verificación externalizada de nuestros productos de software",
        ),
    },
    "cloud": {
        "en": (
            "moving our data centre to AWS or Azure and keeping it running",
            "site reliability and infrastructure-as-code",
        ),
        "ja": (
            "自社データセンターからAWS/Azureへの移転と運用",
            "インフラのコード化とサイト信頼性エンジニアリング",
        ),
        "ko": (
            "자체 데이터센터를 AWS/Azure로 옮기고 운영",
            "인프라 코드화와 사이트 신뢰성 엔지니어링",
        ),
        "de": (
            "Umzug unseres Rechenzentrums zu AWS oder Azure samt laufendem Betrieb",
            "Infrastruktur als Code und Site Reliability Engineering",
        ),
        "fr": (
            "déménager notre centre de données vers AWS ou Azure et l'exploiter",
            "infrastructure as code et ingénierie de fiabilité",
        ),
        "es": (
            "trasladar nuestro centro de datos a AWS o Azure y mantenerlo",
            "infraestructura como código e ingeniería de fiabilidad",
        ),
    },
    "chem": {
        "en": (
            "making new molecules for our drug discovery team, milligram to gram",
            "analogue synthesis to support structure–activity work",
        ),
        "ja": (
            "創薬チーム向けの新規分子合成（mgからgスケール）",
            "構造活性相関研究のための類縁体合成",
        ),
        "ko": ("신약 탐색팀을 위한 신규 분자 합성(mg~g 규모)", "구조-활성 관계 연구용 유도체 합성"),
        "de": (
            "neue Moleküle für unsere Wirkstoffforschung, Milligramm bis Gramm",
            "Analogsynthese für Struktur-Wirkungs-Studien",
        ),
        "fr": (
            "fabrication de nouvelles molécules pour notre recherche, du milligramme au gramme",
            "synthèse d'analogues pour les études structure-activité",
        ),
        "es": (
            "nuevas moléculas para nuestro equipo de descubrimiento, de miligramos a gramos",
            "síntesis de análogos para estudios de estructura-actividad",
        ),
    },
    "tox": {
        "en": (
            "animal studies needed for an IND: repeat-dose toxicity and safety pharmacology",
            "non-clinical package before the first human dose",
        ),
        "ja": (
            "IND申請に必要な動物試験：反復投与毒性と安全性薬理",
            "ヒト初回投与前の非臨床データ一式",
        ),
        "ko": (
            "IND 신청에 필요한 동물 시험: 반복투여 독성 및 안전성 약리",
            "최초 인체 투여 전 비임상 자료 일체",
        ),
        "de": (
            "Tierstudien für den Zulassungsantrag: Toxizität bei wiederholter Gabe, "
            "Sicherheitspharmakologie",
            "nichtklinisches Paket vor der ersten Dosis am Menschen",
        ),
        "fr": (
            "études animales nécessaires au dossier IND : toxicité à doses répétées et "
            "pharmacologie de sécurité",
            "dossier non clinique avant la première dose chez l'homme",
        ),
        "es": (
            "estudios en animales para la solicitud IND: toxicidad a dosis repetidas y "
            "farmacología de seguridad",
            "paquete no clínico antes de la primera dosis en humanos",
        ),
    },
    "trial": {
        "en": (
            "a CRO to run our multi-centre patient study",
            "site management, CRAs and EDC for a pivotal study",
        ),
        "ja": ("多施設共同の患者試験を任せられるCRO", "ピボタル試験の施設管理、CRA、EDC"),
        "ko": ("다기관 환자 임상을 맡길 CRO", "허가용 임상의 기관 관리, CRA, EDC"),
        "de": (
            "ein Auftragsforschungsinstitut für unsere multizentrische Patientenstudie",
            "Zentrumsbetreuung, Monitore und EDC für eine Zulassungsstudie",
        ),
        "fr": (
            "un CRO pour mener notre étude multicentrique chez des patients",
            "gestion des centres, ARC et EDC pour une étude pivot",
        ),
        "es": (
            "una CRO para llevar nuestro estudio multicéntrico con pacientes",
            "gestión de centros, monitores y EDC para un estudio pivotal",
        ),
    },
    "mat": {
        "en": (
            "lab tests of how our alloys and polymers age and break",
            "failure analysis and strength testing of parts",
        ),
        "ja": ("合金・樹脂の劣化と破壊のラボ試験", "部品の破損解析と強度試験"),
        "ko": ("합금과 폴리머의 노화·파괴 실험실 시험", "부품 파손 분석과 강도 시험"),
        "de": (
            "Laborprüfungen, wie unsere Legierungen und Kunststoffe altern und brechen",
            "Schadensanalyse und Festigkeitsprüfung von Bauteilen",
        ),
        "fr": (
            "essais en laboratoire du vieillissement et de la rupture de nos alliages et polymères",
            "analyse de défaillance et essais de résistance de pièces",
        ),
        "es": (
            "ensayos de laboratorio sobre envejecimiento y rotura de aleaciones y polímeros",
            "análisis de fallos y pruebas de resistencia de piezas",
        ),
    },
    "elec": {
        "en": (
            "a control board with sensors and the code that runs on it",
            "low-power device electronics, schematic to working firmware",
        ),
        "ja": (
            "センサー付き制御基板とその上で動くプログラム",
            "低消費電力機器の回路図から動くファームまで",
        ),
        "ko": (
            "센서가 달린 제어 보드와 그 위에서 돌아가는 코드",
            "저전력 기기 전자회로, 회로도부터 펌웨어까지",
        ),
        "de": (
            "eine Steuerplatine mit Sensoren und der Software darauf",
            "stromsparende Geräteelektronik vom Schaltplan bis zur Firmware",
        ),
        "fr": (
            "une carte de commande avec capteurs et le code qui tourne dessus",
            "électronique d'appareils basse consommation, du schéma au firmware",
        ),
        "es": (
            "una placa de control con sensores y el código que la hace funcionar",
            "electrónica de bajo consumo, del esquema al firmware",
        ),
    },
    "sim": {
        "en": (
            "computer models of stress, heat and airflow before we build hardware",
            "crash and durability calculations",
        ),
        "ja": ("試作前の応力・熱・空気の流れのコンピュータ解析", "衝突・耐久性の計算"),
        "ko": ("시제품 제작 전 응력·열·공기 흐름의 컴퓨터 해석", "충돌 및 내구성 계산"),
        "de": (
            "Berechnung von Spannungen, Wärme und Luftströmung vor dem Bau",
            "Crash- und Haltbarkeitsberechnungen",
        ),
        "fr": (
            "modèles numériques des contraintes, de la chaleur et de l'air avant de construire",
            "calculs de crash et d'endurance",
        ),
        "es": (
            "modelos por ordenador de tensiones, calor y aire antes de fabricar",
            "cálculos de choque y durabilidad",
        ),
    },
}

DEMAND_MARKETS: dict[str, Pool] = {
    "kids": {
        "en": ("aimed at preschool viewers",),
        "ja": ("未就学児向け番組の",),
        "ko": ("미취학 아동 대상 프로그램용",),
        "de": ("für Vorschulkinder",),
        "fr": ("destinée aux enfants d'âge préscolaire",),
        "es": ("dirigida a niños en edad preescolar",),
    },
    "cinema": {
        "en": ("for a big-screen release",),
        "ja": ("映画館上映作品の",),
        "ko": ("영화관 상영작용",),
        "de": ("für die große Leinwand",),
        "fr": ("pour une sortie en salles",),
        "es": ("para estreno en salas",),
    },
    "ads": {
        "en": ("for advertising spots",),
        "ja": ("広告映像の",),
        "ko": ("광고 영상용",),
        "de": ("für Werbefilme",),
        "fr": ("pour des films publicitaires",),
        "es": ("para piezas publicitarias",),
    },
    "bank": {
        "en": ("in financial services",),
        "ja": ("金融サービスの",),
        "ko": ("금융 서비스",),
        "de": ("im Finanzwesen",),
        "fr": ("dans les services financiers",),
        "es": ("en servicios financieros",),
    },
    "shop": {
        "en": ("for our web shop",),
        "ja": ("通販サイトの",),
        "ko": ("온라인 상점",),
        "de": ("für unseren Webshop",),
        "fr": ("pour notre boutique en ligne",),
        "es": ("para nuestra tienda web",),
    },
    "clinic": {
        "en": ("for clinics and patient care",),
        "ja": ("医療機関・患者ケアの",),
        "ko": ("의료기관·환자 진료",),
        "de": ("für Kliniken und Patientenversorgung",),
        "fr": ("pour les cliniques et le soin aux patients",),
        "es": ("para clínicas y atención al paciente",),
    },
    "onc": {
        "en": ("against solid tumours",),
        "ja": ("固形がんを対象とした",),
        "ko": ("고형암 대상",),
        "de": ("gegen solide Tumoren",),
        "fr": ("contre les tumeurs solides",),
        "es": ("contra tumores sólidos",),
    },
    "diab": {
        "en": ("for blood-sugar control",),
        "ja": ("血糖コントロールの",),
        "ko": ("혈당 조절",),
        "de": ("zur Blutzuckerkontrolle",),
        "fr": ("pour le contrôle de la glycémie",),
        "es": ("para el control de la glucemia",),
    },
    "vax": {
        "en": ("for immunisation products",),
        "ja": ("予防接種用製剤の",),
        "ko": ("예방접종 제품",),
        "de": ("für Impfprodukte",),
        "fr": ("pour des produits d'immunisation",),
        "es": ("para productos de inmunización",),
    },
    "car": {
        "en": ("for vehicles and their suppliers",),
        "ja": ("車両・部品サプライヤー向けの",),
        "ko": ("차량 및 부품 협력사용",),
        "de": ("für Fahrzeuge und Zulieferer",),
        "fr": ("pour les véhicules et leurs équipementiers",),
        "es": ("para vehículos y sus proveedores",),
    },
    "air": {
        "en": ("for flight hardware",),
        "ja": ("航空宇宙機器の",),
        "ko": ("비행체 부품",),
        "de": ("für Luftfahrtkomponenten",),
        "fr": ("pour du matériel volant",),
        "es": ("para componentes de vuelo",),
    },
    "home": {
        "en": ("for washing machines, fridges and similar products",),
        "ja": ("洗濯機・冷蔵庫などの",),
        "ko": ("세탁기·냉장고 등",),
        "de": ("für Waschmaschinen, Kühlschränke und Ähnliches",),
        "fr": ("pour lave-linge, réfrigérateurs et produits similaires",),
        "es": ("para lavadoras, frigoríficos y productos similares",),
    },
}

DEMAND_FRAMES: dict[str, Pool] = {
    "terse": {
        "en": ("Wanted - {s} {t} ({y} yrs)", "{s} {t}, outsourced"),
        "ja": ("{t}{s}の外注先求む（{y}年）", "{t}{s}、委託"),
        "ko": ("{t} {s} 외주처 구함({y}년)", "{t} {s}, 위탁"),
        "de": ("Suche {s} {t} ({y} J.)", "{s} {t}, extern"),
        "fr": ("Cherche {s} {t} ({y} ans)", "{s} {t}, sous-traité"),
        "es": ("Se busca {s} {t} ({y} años)", "{s} {t}, subcontratado"),
    },
    "marketing": {
        "en": (
            "Our brand is going places, and we'd love a passionate studio or lab by our side for "
            "{s} {t}. Dream big with us!",
            "Are you the partner who shares our vision? Help us deliver {s} {t} to millions.",
        ),
        "ja": (
            "夢を形にする仲間を募集中！{t}{s}で私たちと一緒に未来をつくりませんか。",
            "ビジョンを共有できるパートナー様へ：{t}{s}で大きな成功を共に。",
        ),
        "ko": (
            "꿈을 함께 이룰 동반자를 모집합니다! {t} {s}로 저희와 미래를 만들어 가요.",
            "비전을 공유할 파트너님께: {t} {s}에서 큰 성공을 함께 나눠요.",
        ),
        "de": (
            "Unsere Marke hebt ab – und wir wünschen uns ein begeistertes Team an unserer Seite "
            "für {s} {t}. Träumen Sie mit uns groß!",
            "Teilen Sie unsere Vision? Helfen Sie uns, {s} {t} für Millionen zu verwirklichen.",
        ),
        "fr": (
            "Notre marque décolle et nous rêvons d'un studio ou laboratoire passionné à nos côtés "
            "pour {s} {t}. Voyons grand ensemble !",
            "Vous partagez notre vision ? Aidez-nous à offrir {s} {t} à des millions de personnes.",
        ),
        "es": (
            "Nuestra marca despega y queremos a nuestro lado un equipo apasionado para {s} {t}. "
            "¡Sueñe en grande con nosotros!",
            "¿Comparte nuestra visión? Ayúdenos a llevar {s} {t} a millones de personas.",
        ),
    },
    "technical": {
        "en": (
            "Statement of work - {s} {t}. Acceptance criteria: {d}. Contract length {y} years.",
            "Work package: {s} {t} | constraints: {d} | {y}-year framework agreement",
        ),
        "ja": (
            "作業範囲記述書：{t}{s}。受入基準：{d}。契約{y}年。",
            "ワークパッケージ：{t}{s}｜制約：{d}｜{y}年の基本契約",
        ),
        "ko": (
            "작업 명세: {t} {s}. 인수 기준: {d}. 계약 {y}년.",
            "작업 패키지: {t} {s} | 제약 조건: {d} | {y}년 기본 계약",
        ),
        "de": (
            "Leistungsbeschreibung – {s} {t}. Abnahmekriterien: {d}. Vertragslaufzeit {y} Jahre.",
            "Arbeitspaket: {s} {t} | Randbedingungen: {d} | Rahmenvertrag über {y} Jahre",
        ),
        "fr": (
            "Cahier des charges – {s} {t}. Critères de recette : {d}. Engagement sur {y} ans.",
            "Lot de travaux : {s} {t} | contraintes : {d} | accord-cadre de {y} ans",
        ),
        "es": (
            "Pliego técnico – {s} {t}. Criterios de aceptación: {d}. Vigencia: {y} años.",
            "Paquete de trabajo: {s} {t} | restricciones: {d} | acuerdo marco de {y} años",
        ),
    },
}

DEMAND_DETAILS: dict[str, Pool] = {
    "animation": {
        "en": ("approved look development, 24 fps, stereo audio stems",),
        "ja": ("ルック開発承認済み、24fps、ステレオ音声ステム",),
        "ko": ("룩 개발 승인 완료, 24fps, 스테레오 오디오 스템",),
        "de": ("freigegebene Look-Entwicklung, 24 fps, Stereo-Tonspuren",),
        "fr": ("look validé, 24 i/s, pistes audio stéréo",),
        "es": ("desarrollo de look aprobado, 24 fps, pistas de audio estéreo",),
    },
    "software": {
        "en": ("GDPR-compliant, penetration-tested, documented source code",),
        "ja": ("個人情報保護対応、侵入テスト済み、ソースコード文書化",),
        "ko": ("개인정보 보호 준수, 침투 테스트 완료, 소스 코드 문서화",),
        "de": ("DSGVO-konform, penetrationsgetestet, dokumentierter Quellcode",),
        "fr": ("conforme au RGPD, testé en intrusion, code source documenté",),
        "es": ("conforme al RGPD, con pruebas de penetración y código documentado",),
    },
    "pharma_rd": {
        "en": ("data fit for FDA and EMA submissions, quality agreement signed",),
        "ja": ("FDA・EMA申請に使えるデータ、品質契約締結",),
        "ko": ("FDA·EMA 제출 가능한 데이터, 품질 계약 체결",),
        "de": ("Daten tauglich für FDA- und EMA-Einreichungen, Qualitätsvereinbarung",),
        "fr": ("données recevables par la FDA et l'EMA, accord qualité signé",),
        "es": ("datos válidos para la FDA y la EMA, acuerdo de calidad firmado",),
    },
    "applied_rd": {
        "en": ("traceable measurements, results within six weeks",),
        "ja": ("トレーサブルな測定、6週間以内の結果報告",),
        "ko": ("소급성 있는 측정, 6주 이내 결과 보고",),
        "de": ("rückführbare Messungen, Ergebnisse binnen sechs Wochen",),
        "fr": ("mesures traçables, résultats sous six semaines",),
        "es": ("mediciones trazables, resultados en seis semanas",),
    },
}
