"""Description material for the demo: buyers write in their language, providers in Chinese.

Placeholders: ``{city}`` and ``{year}`` in enterprise descriptions, ``{years}`` (contract
length) in demands.
"""

# --- Foreign buyers: what the enterprise does, per description language and field ---------

BUYER_PROFILES: dict[str, dict[str, str]] = {
    "en": {
        "animation": "An animation studio in {city}, founded in {year}, producing series and "
        "feature films for streaming platforms; it outsources in-betweening, colouring and 3D "
        "rendering.",
        "software": "A software company in {city}, founded in {year}, building banking, retail "
        "and logistics platforms; it works with offshore teams for development, testing and "
        "maintenance.",
        "applied_rd": "An engineering company in {city}, founded in {year}, developing industrial "
        "sensors and automation equipment; it sources design, simulation and testing services.",
        "pharma_rd": "A pharmaceutical company in {city}, founded in {year}, with a pipeline in "
        "oncology and metabolic diseases; it outsources chemistry, pre-clinical and clinical "
        "research.",
    },
    "ja": {
        "animation": "{city}に本社を置くアニメーション制作会社（{year}年設立）。配信向けシリーズと"
        "劇場作品を手がけ、動画・仕上げ・3DCGレンダリングを外部に委託しています。",
        "software": "{city}に本社を置くソフトウェア企業（{year}年設立）。金融・流通・物流向け"
        "システムを開発し、開発・テスト・保守をオフショアで行っています。",
        "applied_rd": "{city}に本社を置くエンジニアリング企業（{year}年設立）。産業用センサーと"
        "自動化設備を開発し、設計・解析・試験を外部に委託しています。",
        "pharma_rd": "{city}に本社を置く製薬企業（{year}年設立）。がん領域と代謝性疾患の"
        "パイプラインを持ち、合成・非臨床・臨床試験を外部に委託しています。",
    },
    "ko": {
        "animation": "{city}에 본사를 둔 애니메이션 제작사({year}년 설립). 스트리밍용 시리즈와 "
        "극장용 작품을 제작하며 동화, 채색, 3D 렌더링을 외주로 맡기고 있습니다.",
        "software": "{city}에 본사를 둔 소프트웨어 기업({year}년 설립). 금융·유통·물류 플랫폼을 "
        "개발하며 개발, 테스트, 유지보수를 해외 팀과 협력하고 있습니다.",
        "applied_rd": "{city}에 본사를 둔 엔지니어링 기업({year}년 설립). 산업용 센서와 자동화 "
        "장비를 개발하며 설계, 시뮬레이션, 시험 서비스를 외부에서 조달합니다.",
        "pharma_rd": "{city}에 본사를 둔 제약 기업({year}년 설립). 항암 및 대사질환 파이프라인을 "
        "보유하고 합성, 비임상, 임상 연구를 위탁하고 있습니다.",
    },
    "de": {
        "animation": "Animationsstudio in {city}, gegründet {year}, produziert Serien und "
        "Kinofilme für Streamingdienste und vergibt Zwischenphasen, Kolorierung und 3D-Rendering "
        "an Partner.",
        "software": "Softwarehaus in {city}, gegründet {year}, entwickelt Plattformen für Banken, "
        "Handel und Logistik und arbeitet bei Entwicklung, Test und Wartung mit Offshore-Teams.",
        "applied_rd": "Ingenieurunternehmen in {city}, gegründet {year}, entwickelt "
        "Industriesensoren und Automatisierungstechnik und kauft Konstruktion, Simulation und "
        "Prüfungen zu.",
        "pharma_rd": "Pharmaunternehmen in {city}, gegründet {year}, mit Projekten in Onkologie "
        "und Stoffwechselerkrankungen; Synthese, präklinische und klinische Forschung werden "
        "ausgelagert.",
    },
    "fr": {
        "animation": "Studio d'animation basé à {city}, fondé en {year}, qui produit des séries "
        "et des longs métrages pour les plateformes et sous-traite l'intervalle, la colorisation "
        "et le rendu 3D.",
        "software": "Éditeur de logiciels basé à {city}, fondé en {year}, qui développe des "
        "plateformes pour la banque, la distribution et la logistique avec des équipes offshore.",
        "applied_rd": "Société d'ingénierie basée à {city}, fondée en {year}, qui conçoit des "
        "capteurs industriels et des équipements d'automatisation et achète des prestations de "
        "conception, simulation et essais.",
        "pharma_rd": "Laboratoire pharmaceutique basé à {city}, fondé en {year}, actif en "
        "oncologie et maladies métaboliques, qui externalise la chimie, la recherche préclinique "
        "et clinique.",
    },
}

# --- Foreign buyers: demands, per language, field and cooperation kind --------------------

DemandTexts = dict[str, dict[str, dict[str, tuple[str, ...]]]]

DEMANDS: DemandTexts = {
    "en": {
        "animation": {
            "outsourcing": (
                "In-betweening and digital colouring for a 26-episode TV series, "
                "{years}-year framework contract.",
                "3D CG modelling, rigging and rendering for a feature film and its trailers "
                "over {years} years.",
                "Background art and compositing for two streaming series, about 40 minutes of "
                "finished footage a month, {years} years.",
            ),
            "investment": (
                "Equity investment in a Chinese animation studio with its own IP, to co-produce "
                "for Asian streaming platforms.",
            ),
            "overseas_markets": (
                "Partner to distribute and co-market our children's series in China and license "
                "its characters.",
            ),
        },
        "software": {
            "outsourcing": (
                "Maintenance and enhancement of our mobile banking applications (iOS and "
                "Android), {years}-year managed service.",
                "Offshore development centre of 40 to 60 engineers for our retail e-commerce "
                "platform (Java, React), {years} years.",
                "Test automation and quality assurance for an ERP migration to the cloud, "
                "{years}-year contract.",
            ),
            "investment": (
                "Joint venture with a Chinese software company for logistics software in "
                "Asia-Pacific.",
            ),
            "overseas_markets": (
                "Reseller and localisation partner for our SaaS platform in mainland China.",
            ),
        },
        "applied_rd": {
            "outsourcing": (
                "Design and prototyping of industrial IoT sensor modules, including firmware and "
                "certification testing, {years} years.",
                "Finite-element simulation and reliability testing for automotive components, "
                "{years}-year framework agreement.",
                "Development of machine-vision inspection software for production lines, "
                "{years} years.",
            ),
            "investment": ("Investment in a joint R&D centre for battery-management systems.",),
            "overseas_markets": (
                "Partner to manufacture and sell our measuring instruments in China under licence.",
            ),
        },
        "pharma_rd": {
            "outsourcing": (
                "Medicinal chemistry and compound synthesis for two oncology programmes, "
                "FTE-based, {years} years.",
                "GLP pre-clinical toxicology and pharmacokinetic studies for three candidates "
                "over {years} years.",
                "Phase II clinical trial management and data management at sites in China, "
                "{years}-year contract.",
            ),
            "investment": ("Co-investment in a biologics process-development laboratory.",),
            "overseas_markets": (
                "Licensing partner to register and market our generic portfolio in China.",
            ),
        },
    },
    "ja": {
        "animation": {
            "outsourcing": (
                "全26話のTVシリーズの動画・デジタル彩色（{years}年間の基本契約）。",
                "劇場作品と予告編の3DCGモデリング・リギング・レンダリング（{years}年間）。",
                "配信シリーズ2作品の背景美術と撮影（月約40分、{years}年間）。",
            ),
            "investment": (
                "自社IPを持つ中国のアニメーション制作会社への出資とアジア配信向け共同制作。",
            ),
            "overseas_markets": (
                "子ども向けシリーズの中国での配信・共同プロモーションとキャラクターライセンスの"
                "パートナー。",
            ),
        },
        "software": {
            "outsourcing": (
                "モバイルバンキングアプリ（iOS/Android）の保守・機能追加（{years}年間の"
                "マネージドサービス）。",
                "小売ECプラットフォーム（Java、React）向けのオフショア開発センター、"
                "エンジニア40～60名（{years}年間）。",
                "ERPのクラウド移行に伴うテスト自動化と品質保証（{years}年契約）。",
            ),
            "investment": ("アジア太平洋向け物流ソフトウェアの中国ソフトウェア企業との合弁事業。",),
            "overseas_markets": (
                "当社SaaSの中国本土における販売代理店およびローカライズのパートナー。",
            ),
        },
        "applied_rd": {
            "outsourcing": (
                "産業用IoTセンサーモジュールの設計・試作（ファームウェアと認証試験を含む、"
                "{years}年間）。",
                "自動車部品の有限要素解析と信頼性試験（{years}年間の基本契約）。",
                "生産ライン向け画像検査ソフトウェアの開発（{years}年間）。",
            ),
            "investment": ("バッテリーマネジメントシステムの共同研究開発センターへの投資。",),
            "overseas_markets": ("当社計測機器の中国におけるライセンス生産・販売パートナー。",),
        },
        "pharma_rd": {
            "outsourcing": (
                "がん領域2プログラムの創薬化学と化合物合成（FTE契約、{years}年間）。",
                "候補化合物3品目のGLP毒性試験および薬物動態試験（{years}年間）。",
                "中国国内施設における第II相臨床試験のモニタリングとデータマネジメント"
                "（{years}年契約）。",
            ),
            "investment": ("バイオ医薬品のプロセス開発ラボへの共同投資。",),
            "overseas_markets": (
                "当社ジェネリック製品の中国での承認取得と販売のライセンスパートナー。",
            ),
        },
    },
    "ko": {
        "animation": {
            "outsourcing": (
                "26부작 TV 시리즈의 동화 및 디지털 채색, {years}년 기본 계약.",
                "극장용 장편과 예고편의 3D CG 모델링, 리깅, 렌더링({years}년).",
                "스트리밍 시리즈 2편의 배경 미술과 합성, 월 약 40분 분량({years}년).",
            ),
            "investment": (
                "자체 IP를 보유한 중국 애니메이션 스튜디오에 대한 지분 투자 및 아시아 스트리밍용 "
                "공동 제작.",
            ),
            "overseas_markets": (
                "아동용 시리즈의 중국 배급·공동 마케팅 및 캐릭터 라이선스 파트너.",
            ),
        },
        "software": {
            "outsourcing": (
                "모바일 뱅킹 앱(iOS, Android) 유지보수 및 기능 개선, {years}년 관리형 서비스.",
                "리테일 이커머스 플랫폼(Java, React)을 위한 40~60명 규모의 오프쇼어 개발센터"
                "({years}년).",
                "ERP 클라우드 전환을 위한 테스트 자동화 및 품질 보증({years}년 계약).",
            ),
            "investment": (
                "아시아태평양 물류 소프트웨어를 위한 중국 소프트웨어 기업과의 합작 투자.",
            ),
            "overseas_markets": ("당사 SaaS 플랫폼의 중국 본토 리셀러 및 현지화 파트너.",),
        },
        "applied_rd": {
            "outsourcing": (
                "산업용 IoT 센서 모듈 설계 및 시제품 제작(펌웨어와 인증 시험 포함, {years}년).",
                "자동차 부품의 유한요소 해석 및 신뢰성 시험({years}년 기본 계약).",
                "생산 라인용 머신비전 검사 소프트웨어 개발({years}년).",
            ),
            "investment": ("배터리 관리 시스템 공동 연구개발 센터에 대한 투자.",),
            "overseas_markets": ("당사 계측 장비의 중국 내 라이선스 생산 및 판매 파트너.",),
        },
        "pharma_rd": {
            "outsourcing": (
                "항암 프로그램 2건의 의약화학 및 화합물 합성, FTE 방식({years}년).",
                "후보물질 3종의 GLP 비임상 독성 및 약동학 시험({years}년).",
                "중국 내 임상시험기관에서의 2상 임상시험 관리 및 데이터 관리({years}년 계약).",
            ),
            "investment": ("바이오의약품 공정 개발 연구소에 대한 공동 투자.",),
            "overseas_markets": ("당사 제네릭 제품의 중국 허가 및 판매를 위한 라이선스 파트너.",),
        },
    },
    "de": {
        "animation": {
            "outsourcing": (
                "Zwischenphasen und digitale Kolorierung für eine TV-Serie mit 26 Folgen, "
                "Rahmenvertrag über {years} Jahre.",
                "3D-Modellierung, Rigging und Rendering für einen Kinofilm und seine Trailer "
                "über {years} Jahre.",
                "Hintergründe und Compositing für zwei Streaming-Serien, etwa 40 Minuten fertiges "
                "Material im Monat, {years} Jahre.",
            ),
            "investment": (
                "Beteiligung an einem chinesischen Animationsstudio mit eigenen Marken für "
                "Koproduktionen für asiatische Streamingdienste.",
            ),
            "overseas_markets": (
                "Partner für Vertrieb, gemeinsames Marketing und Lizenzierung unserer Kinderserie "
                "in China.",
            ),
        },
        "software": {
            "outsourcing": (
                "Wartung und Weiterentwicklung unserer Mobile-Banking-Apps (iOS und Android), "
                "Managed Service über {years} Jahre.",
                "Offshore-Entwicklungszentrum mit 40 bis 60 Entwicklern für unsere "
                "E-Commerce-Plattform (Java, React), {years} Jahre.",
                "Testautomatisierung und Qualitätssicherung für die Migration unseres ERP-Systems "
                "in die Cloud, Vertrag über {years} Jahre.",
            ),
            "investment": (
                "Gemeinschaftsunternehmen mit einem chinesischen Softwarehaus für "
                "Logistiksoftware im asiatisch-pazifischen Raum.",
            ),
            "overseas_markets": (
                "Vertriebs- und Lokalisierungspartner für unsere SaaS-Plattform in Festlandchina.",
            ),
        },
        "applied_rd": {
            "outsourcing": (
                "Entwicklung und Prototypenbau industrieller IoT-Sensormodule einschließlich "
                "Firmware und Zulassungsprüfungen, {years} Jahre.",
                "FEM-Simulation und Zuverlässigkeitsprüfungen für Fahrzeugkomponenten, "
                "Rahmenvertrag über {years} Jahre.",
                "Entwicklung einer Bildverarbeitungssoftware zur Qualitätsprüfung in der "
                "Fertigung, {years} Jahre.",
            ),
            "investment": (
                "Beteiligung an einem gemeinsamen Forschungszentrum für Batteriemanagementsysteme.",
            ),
            "overseas_markets": (
                "Lizenzpartner für Fertigung und Vertrieb unserer Messgeräte in China.",
            ),
        },
        "pharma_rd": {
            "outsourcing": (
                "Medizinische Chemie und Wirkstoffsynthese für zwei Onkologie-Programme, "
                "FTE-basiert, {years} Jahre.",
                "Präklinische GLP-Toxikologie und Pharmakokinetik für drei Kandidaten über "
                "{years} Jahre.",
                "Management und Datenmanagement einer Phase-II-Studie an Prüfzentren in China, "
                "Vertrag über {years} Jahre.",
            ),
            "investment": (
                "Gemeinsame Investition in ein Labor für die Prozessentwicklung von Biologika.",
            ),
            "overseas_markets": (
                "Lizenzpartner für Zulassung und Vertrieb unseres Generika-Portfolios in China.",
            ),
        },
    },
    "fr": {
        "animation": {
            "outsourcing": (
                "Intervalles et colorisation numérique d'une série TV de 26 épisodes, "
                "contrat-cadre de {years} ans.",
                "Modélisation, rigging et rendu 3D d'un long métrage et de ses bandes-annonces "
                "sur {years} ans.",
                "Décors et compositing pour deux séries de streaming, environ 40 minutes finies "
                "par mois, sur {years} ans.",
            ),
            "investment": (
                "Prise de participation dans un studio d'animation chinois disposant de ses "
                "propres licences, pour des coproductions destinées aux plateformes asiatiques.",
            ),
            "overseas_markets": (
                "Partenaire de distribution, de co-marketing et de licences pour notre série "
                "jeunesse en Chine.",
            ),
        },
        "software": {
            "outsourcing": (
                "Maintenance évolutive de nos applications de banque mobile (iOS et Android), "
                "service managé sur {years} ans.",
                "Centre de développement offshore de 40 à 60 ingénieurs pour notre plateforme "
                "e-commerce (Java, React), {years} ans.",
                "Automatisation des tests et assurance qualité pour la migration de notre ERP "
                "vers le cloud, contrat de {years} ans.",
            ),
            "investment": (
                "Coentreprise avec un éditeur chinois pour des logiciels logistiques en "
                "Asie-Pacifique.",
            ),
            "overseas_markets": (
                "Partenaire de revente et de localisation de notre plateforme SaaS en Chine "
                "continentale.",
            ),
        },
        "applied_rd": {
            "outsourcing": (
                "Conception et prototypage de modules capteurs IoT industriels, firmware et "
                "essais de certification compris, sur {years} ans.",
                "Simulation par éléments finis et essais de fiabilité de composants automobiles, "
                "contrat-cadre de {years} ans.",
                "Développement d'un logiciel de contrôle qualité par vision industrielle pour nos "
                "lignes de production, {years} ans.",
            ),
            "investment": (
                "Investissement dans un centre de R&D commun sur les systèmes de gestion de "
                "batteries.",
            ),
            "overseas_markets": (
                "Partenaire sous licence pour fabriquer et vendre nos instruments de mesure en "
                "Chine.",
            ),
        },
        "pharma_rd": {
            "outsourcing": (
                "Chimie médicinale et synthèse de composés pour deux programmes en oncologie, au "
                "forfait ETP, sur {years} ans.",
                "Études précliniques BPL de toxicologie et de pharmacocinétique pour trois "
                "candidats sur {years} ans.",
                "Gestion et data management d'un essai de phase II dans des centres en Chine, "
                "contrat de {years} ans.",
            ),
            "investment": (
                "Co-investissement dans un laboratoire de développement de procédés pour les "
                "produits biologiques.",
            ),
            "overseas_markets": (
                "Partenaire de licence pour l'enregistrement et la commercialisation de nos "
                "génériques en Chine.",
            ),
        },
    },
}

# --- Delegates' job titles per rank ----------------------------------------------------------

TITLES_EN: dict[str, str] = {
    "staff": "Sourcing coordinator",
    "manager": "Project manager",
    "outsourcing_manager": "Head of outsourcing",
    "director": "Director of global sourcing",
    "vice_president": "Vice president, operations",
    "chief_executive": "Chief executive officer",
}

TITLES_ZH: dict[str, str] = {
    "staff": "项目专员",
    "manager": "项目经理",
    "outsourcing_manager": "外包业务经理",
    "director": "业务总监",
    "vice_president": "副总经理",
    "chief_executive": "总经理",
}

# --- Domestic providers (Simplified Chinese) ---------------------------------------------------

PROVIDER_PROFILE = (
    "{name}成立于{year}年，总部位于{city}，现有员工{staff}人。公司专注于{focus}，{clients}。"
)
PROVIDER_CERTIFIED = "公司已通过{certifications}认证。"

PROVIDER_FOCUS: dict[str, tuple[str, ...]] = {
    "animation": (
        "二维动画中期制作与数字上色",
        "三维动画建模、绑定与渲染",
        "动画番剧与电影的背景美术及后期合成",
        "儿童动画IP开发与衍生品设计",
    ),
    "software": (
        "金融行业应用开发与运维",
        "企业级ERP实施与系统集成",
        "移动应用与电商平台开发",
        "软件测试与质量保证服务",
    ),
    "applied_rd": (
        "工业物联网传感器与嵌入式系统研发",
        "汽车零部件仿真分析与可靠性试验",
        "机器视觉检测设备研发",
        "新能源电池管理系统研发",
    ),
    "pharma_rd": (
        "小分子药物合成与药物化学服务",
        "GLP非临床安全性评价与药代动力学研究",
        "临床试验运营与数据管理",
        "生物药工艺开发与分析检测",
    ),
}

PROVIDER_CLIENTS: tuple[str, ...] = (
    "长期为日本、韩国及欧美客户提供外包服务",
    "主要客户来自日本和北美",
    "已与多家世界五百强企业建立合作关系",
    "对日外包业务占营业收入的六成以上",
    "在欧洲和东南亚设有客户服务团队",
    "近三年离岸外包收入年均增长超过两成",
)

PROVIDER_CERTIFICATIONS: dict[str, tuple[str, ...]] = {
    "animation": ("ISO 9001", "ISO/IEC 27001", "TPN"),
    "software": ("CMMI 3", "CMMI 5", "ISO 9001", "ISO/IEC 27001", "ISO/IEC 20000"),
    "applied_rd": ("ISO 9001", "ISO 14001", "IATF 16949", "CNAS"),
    "pharma_rd": ("GLP", "GMP", "ISO 9001", "AAALAC"),
}

CAPABILITIES: dict[str, tuple[str, ...]] = {
    "animation": (
        "二维动画中期（动画、上色）外包，月产能约60分钟",
        "三维角色建模与绑定，支持Maya和Blender制作流程",
        "影视级渲染农场与后期合成服务",
        "背景美术设计与绘制，擅长日式风格",
        "动画IP联合开发与海外发行合作",
    ),
    "software": (
        "Java与.NET企业应用开发，可组建50人以上离岸团队",
        "iOS/Android移动应用开发与长期运维",
        "自动化测试与性能测试服务",
        "SAP与Oracle ERP实施及云迁移",
        "日语软件开发与文档本地化",
    ),
    "applied_rd": (
        "嵌入式软硬件设计与样机试制",
        "有限元仿真与可靠性试验（CNAS认可实验室）",
        "机器视觉算法与检测设备开发",
        "电池管理系统与电控软件开发",
        "工业设计与小批量试产",
    ),
    "pharma_rd": (
        "药物化学与定制合成，按FTE或按项目计费",
        "GLP毒理与药代动力学研究",
        "I–III期临床试验运营与监查",
        "临床数据管理与统计分析",
        "生物药工艺开发与质量研究",
    ),
}

REFERENCES: dict[str, tuple[str, ...]] = {
    "animation": (
        "为日本客户完成3部电视动画的中期制作",
        "参与多部院线动画电影的三维制作",
        "为欧洲客户制作52集儿童动画系列",
        "为韩国客户提供网络动画全流程制作",
    ),
    "software": (
        "为日本大型银行提供系统维护服务逾8年",
        "为北美零售企业建设电商平台",
        "为欧洲物流企业实施ERP云迁移",
        "为新加坡金融科技公司开发移动支付应用",
    ),
    "applied_rd": (
        "为德国汽车零部件企业提供仿真与试验服务",
        "为韩国家电企业开发视觉检测设备",
        "为日本工业自动化企业设计传感器模块",
        "为澳大利亚储能企业开发电池管理系统",
    ),
    "pharma_rd": (
        "为美国生物技术公司完成12个候选化合物的合成",
        "协助多家跨国药企完成在华临床试验",
        "为日本制药企业提供GLP毒理研究",
        "为欧洲药企完成生物类似药工艺开发",
    ),
}
