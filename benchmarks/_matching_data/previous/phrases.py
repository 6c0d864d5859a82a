"""Phrase pools of the synthetic edition: services and specialties in en/ja/ko/zh.

Each service and specialty has several paraphrases per language, written with different
vocabulary (and some with words the glossary does not know), so a planted pair never
shares a template string: the generator draws the two sides' phrasings independently and,
within one language, distinct ones.
"""

Pool = dict[str, tuple[str, ...]]

# service code -> (field, phrasings per language)
SERVICES: dict[str, tuple[str, Pool]] = {
    "a_2d": (
        "animation",
        {
            "en": (
                "hand-drawn 2D in-between frames and digital ink-and-paint",
                "cel animation clean-up, tweening and colour finishing for TV episodes",
                "frame-by-frame 2D production work between key poses",
            ),
            "ja": ("2Dアニメの動画と仕上げ（デジタル彩色）", "TVシリーズの中割り作画と色付け"),
            "ko": ("2D 애니메이션 동화 및 디지털 채색", "TV 시리즈 중간 동작 작화와 색 지정"),
            "zh": (
                "二维动画中期制作与数字上色",
                "手绘动画中间画绘制及描线上色",
                "电视动画逐帧中割与色彩完成",
            ),
        },
    ),
    "a_3d": (
        "animation",
        {
            "en": (
                "3D character modelling, rigging and rendering",
                "CG asset creation and skeletal rigging for feature animation",
                "photoreal CGI shots and render farm capacity",
            ),
            "ja": (
                "3DCGキャラクターのモデリング・リギング・レンダリング",
                "劇場アニメ向けCGアセット制作",
            ),
            "ko": ("3D 캐릭터 모델링, 리깅 및 렌더링", "극장 애니메이션용 CG 에셋 제작"),
            "zh": (
                "三维角色建模、绑定与渲染",
                "影视级CG资产制作与骨骼绑定",
                "三维动画镜头制作及渲染农场服务",
            ),
        },
    ),
    "a_bg": (
        "animation",
        {
            "en": (
                "background painting and compositing",
                "environment art and final composite of animated shots",
                "scenery design and post-production compositing",
            ),
            "ja": ("背景美術と撮影（コンポジット）", "アニメの美術背景制作と合成作業"),
            "ko": ("배경 미술과 합성 작업", "애니메이션 배경 원화 및 후반 합성"),
            "zh": ("动画背景美术绘制与后期合成", "场景设计与镜头合成", "美术背景及后期特效合成"),
        },
    ),
    "a_ip": (
        "animation",
        {
            "en": (
                "co-development of original cartoon characters and licensing",
                "character brand licensing and merchandise design",
                "joint creation of an animated IP",
            ),
            "ja": (
                "オリジナルキャラクターの共同開発とライセンス",
                "キャラクター商品化とライセンス事業",
            ),
            "ko": ("오리지널 캐릭터 공동 개발 및 라이선스", "캐릭터 상품화와 라이선스 사업"),
            "zh": ("原创动漫形象联合开发与授权", "动画IP衍生品设计与授权运营", "卡通形象共同创作"),
        },
    ),
    "a_game": (
        "animation",
        {
            "en": (
                "in-game cut-scenes and character animation for video games",
                "motion capture clean-up and game cinematics",
                "animated trailers for console titles",
            ),
            "ja": (
                "ゲーム用カットシーンとキャラクターモーション制作",
                "モーションキャプチャーのデータ修正とゲームムービー",
            ),
            "ko": ("게임용 컷신 및 캐릭터 모션 제작", "모션 캡처 데이터 정리 및 게임 시네마틱"),
            "zh": (
                "游戏过场动画与角色动作制作",
                "动作捕捉数据修整及游戏CG",
                "主机游戏宣传动画制作",
            ),
        },
    ),
    "s_mobile": (
        "software",
        {
            "en": (
                "iOS and Android app development and upkeep",
                "smartphone application engineering",
                "native handset apps with long-term support",
            ),
            "ja": ("iOS・Androidアプリの開発と保守", "スマートフォンアプリの受託開発"),
            "ko": ("iOS·안드로이드 앱 개발 및 유지보수", "스마트폰 애플리케이션 개발"),
            "zh": ("iOS与安卓移动应用开发及运维", "手机App定制开发", "移动端应用研发与长期维护"),
        },
    ),
    "s_test": (
        "software",
        {
            "en": (
                "test automation and quality assurance",
                "regression testing and QA services",
                "independent software verification and performance checks",
            ),
            "ja": ("テスト自動化と品質保証", "ソフトウェア検証と性能テスト"),
            "ko": ("테스트 자동화 및 품질 보증", "소프트웨어 검증과 성능 테스트"),
            "zh": ("自动化测试与质量保证", "软件测评与性能测试服务", "第三方软件测试"),
        },
    ),
    "s_erp": (
        "software",
        {
            "en": (
                "SAP S/4HANA rollout and cloud migration",
                "ERP implementation and move to the cloud",
                "Oracle back-office integration and hosting transition",
            ),
            "ja": ("SAP導入とクラウド移行", "基幹システム（ERP）の刷新とクラウド化"),
            "ko": ("SAP 도입 및 클라우드 전환", "ERP 구축과 클라우드 마이그레이션"),
            "zh": ("SAP实施与上云迁移", "ERP系统集成及云端迁移", "企业管理系统实施与云化"),
        },
    ),
    "s_offshore": (
        "software",
        {
            "en": (
                "a dedicated offshore team of Java and React engineers",
                "an offshore development centre for our web platform",
                "a remote engineering squad of 40 developers",
            ),
            "ja": (
                "Java・Reactエンジニアによるオフショア開発チーム",
                "Webプラットフォーム向けオフショア開発センター",
            ),
            "ko": ("Java·React 개발자로 구성된 오프쇼어 전담팀", "웹 플랫폼용 오프쇼어 개발센터"),
            "zh": ("Java与React离岸开发团队", "可组建50人以上的离岸开发中心", "专属远程研发团队"),
        },
    ),
    "s_core": (
        "software",
        {
            "en": (
                "core banking and payment system maintenance",
                "card payment platform enhancements",
                "upkeep of a retail lender's transaction systems",
            ),
            "ja": ("勘定系・決済システムの保守", "カード決済基盤の機能追加"),
            "ko": ("코어 뱅킹 및 결제 시스템 유지보수", "카드 결제 플랫폼 고도화"),
            "zh": ("银行核心系统与支付系统运维", "银行卡支付平台升级", "金融交易系统维护"),
        },
    ),
    "r_iot": (
        "applied_rd",
        {
            "en": (
                "IoT sensor modules with embedded firmware",
                "design of connected measurement nodes and their microcontroller code",
                "wireless sensing hardware and its low-level software",
            ),
            "ja": ("組込みファームウェアを含むIoTセンサーモジュール", "無線センサー端末の設計"),
            "ko": ("임베디드 펌웨어를 포함한 IoT 센서 모듈", "무선 센싱 단말 설계"),
            "zh": (
                "物联网传感器模组及嵌入式固件开发",
                "无线传感终端软硬件设计",
                "智能传感节点研发",
            ),
        },
    ),
    "r_sim": (
        "applied_rd",
        {
            "en": (
                "finite-element analysis and durability testing",
                "structural simulation and lab reliability trials",
                "CAE crash and fatigue analysis",
            ),
            "ja": ("有限要素解析と耐久試験", "構造シミュレーションと信頼性評価"),
            "ko": ("유한요소 해석 및 내구 시험", "구조 시뮬레이션과 신뢰성 평가"),
            "zh": ("有限元仿真分析与可靠性试验", "结构仿真及耐久性测试", "CAE碰撞与疲劳分析"),
        },
    ),
    "r_vision": (
        "applied_rd",
        {
            "en": (
                "machine-vision inspection systems for production lines",
                "camera-based defect detection software",
                "automated optical inspection",
            ),
            "ja": ("生産ライン向け画像検査システム", "カメラによる外観検査ソフト"),
            "ko": ("생산 라인용 머신비전 검사 시스템", "카메라 기반 외관 불량 검출"),
            "zh": ("产线机器视觉检测系统", "基于相机的外观缺陷检测软件", "自动光学检测设备研发"),
        },
    ),
    "r_battery": (
        "applied_rd",
        {
            "en": (
                "battery management systems for energy storage",
                "BMS hardware and state-of-charge algorithms",
                "lithium pack monitoring electronics",
            ),
            "ja": (
                "蓄電システム向けバッテリーマネジメントシステム",
                "BMSの回路と充電状態推定アルゴリズム",
            ),
            "ko": ("에너지 저장용 배터리 관리 시스템", "BMS 회로 및 충전 상태 추정 알고리즘"),
            "zh": ("储能电池管理系统研发", "BMS硬件与荷电状态估算算法", "锂电池组监控电路"),
        },
    ),
    "r_design": (
        "applied_rd",
        {
            "en": (
                "industrial design and pilot-run manufacturing",
                "product design with small-batch trial production",
                "prototype builds and design for manufacture",
            ),
            "ja": ("工業デザインと試作・小ロット生産", "製品デザインと量産試作"),
            "ko": ("산업 디자인 및 시제품·소량 생산", "제품 디자인과 양산 시작품 제작"),
            "zh": ("工业设计与小批量试产", "产品外观设计及样机试制", "结构设计与打样"),
        },
    ),
    "p_chem": (
        "pharma_rd",
        {
            "en": (
                "medicinal chemistry and custom synthesis of compounds",
                "hit-to-lead chemistry on an FTE basis",
                "small-molecule route scouting and scale-up",
            ),
            "ja": ("創薬化学と化合物の受託合成", "低分子医薬品のルート探索とスケールアップ"),
            "ko": ("의약화학 및 화합물 맞춤 합성", "저분자 의약품 합성 경로 개발과 스케일업"),
            "zh": (
                "药物化学与定制合成",
                "小分子药物工艺路线开发与放大",
                "苗头化合物优化（按FTE计费）",
            ),
        },
    ),
    "p_tox": (
        "pharma_rd",
        {
            "en": (
                "GLP toxicology and pharmacokinetics",
                "safety pharmacology and ADME studies",
                "regulatory animal safety studies",
            ),
            "ja": ("GLP毒性試験と薬物動態試験", "安全性薬理とADME試験"),
            "ko": ("GLP 독성 시험 및 약동학 연구", "안전성 약리 및 ADME 시험"),
            "zh": ("GLP毒理学与药代动力学研究", "安全药理及药物代谢研究", "新药非临床安全性评价"),
        },
    ),
    "p_clin": (
        "pharma_rd",
        {
            "en": (
                "Phase II-III clinical trial operations and site monitoring",
                "running multi-centre patient studies",
                "CRO services for late-stage trials",
            ),
            "ja": ("第II・III相臨床試験の運営とモニタリング", "多施設共同治験の実施支援"),
            "ko": ("2·3상 임상시험 운영 및 모니터링", "다기관 임상 연구 수행"),
            "zh": ("II-III期临床试验运营与监查", "多中心临床研究实施", "临床CRO服务"),
        },
    ),
    "p_data": (
        "pharma_rd",
        {
            "en": (
                "clinical data management and biostatistics",
                "EDC build, data cleaning and statistical analysis for trials",
                "statistical programming of study results",
            ),
            "ja": ("臨床データマネジメントと統計解析", "EDC構築とデータクリーニング"),
            "ko": ("임상 데이터 관리 및 생물통계", "EDC 구축과 데이터 클리닝"),
            "zh": ("临床数据管理与生物统计", "EDC搭建、数据清理与统计分析", "临床试验统计编程"),
        },
    ),
    "p_bio": (
        "pharma_rd",
        {
            "en": (
                "biologics process development and analytics",
                "cell-line and purification process work for antibodies",
                "biosimilar manufacturing process design",
            ),
            "ja": ("バイオ医薬品のプロセス開発と分析", "抗体の細胞株構築と精製プロセス"),
            "ko": ("바이오의약품 공정 개발 및 분석", "항체 세포주 구축과 정제 공정"),
            "zh": (
                "生物药工艺开发与质量分析",
                "抗体细胞株构建及纯化工艺",
                "生物类似药生产工艺设计",
            ),
        },
    ),
}

# field -> specialty code -> phrasings per language
SPECIALTIES: dict[str, dict[str, Pool]] = {
    "animation": {
        "kids": {
            "en": ("for preschool audiences", "aimed at young children"),
            "ja": ("未就学児向け", "子ども向け"),
            "ko": ("미취학 아동 대상", "어린이 대상"),
            "zh": ("面向学龄前儿童", "少儿题材"),
        },
        "anime": {
            "en": ("in Japanese anime style", "matching a Japanese TV anime look"),
            "ja": ("日本のTVアニメ調", "アニメ調の画風"),
            "ko": ("일본 애니메이션 화풍", "재패니메이션 스타일"),
            "zh": ("日式动画风格", "日本番剧画风"),
        },
        "stream": {
            "en": ("for a streaming platform release", "delivered for an online video service"),
            "ja": ("配信プラットフォーム向け", "ネット配信作品"),
            "ko": ("스트리밍 플랫폼 공개용", "온라인 동영상 서비스용"),
            "zh": ("面向流媒体平台播出", "网络视频平台上线作品"),
        },
    },
    "software": {
        "retail": {
            "en": ("for retail and e-commerce clients", "serving online shops"),
            "ja": ("小売・EC向け", "ネット通販事業者向け"),
            "ko": ("리테일 및 이커머스 고객용", "온라인 쇼핑몰 대상"),
            "zh": ("服务零售与电商客户", "面向网上商城"),
        },
        "japan": {
            "en": ("with Japanese-speaking engineers", "working in Japanese"),
            "ja": ("日本語対応のエンジニア", "日本語でのやり取りが可能"),
            "ko": ("일본어 가능 엔지니어", "일본어 커뮤니케이션 가능"),
            "zh": ("配备日语工程师", "可用日语沟通"),
        },
        "security": {
            "en": ("under strict information-security rules", "with ISO 27001 level controls"),
            "ja": ("厳格な情報セキュリティ管理のもと", "ISMS水準のセキュリティ"),
            "ko": ("엄격한 정보보안 관리하에", "ISO 27001 수준의 보안"),
            "zh": ("严格的信息安全管理", "符合ISO 27001信息安全要求"),
        },
    },
    "applied_rd": {
        "auto": {
            "en": ("for automotive suppliers", "for vehicle components"),
            "ja": ("自動車部品メーカー向け", "車載用途"),
            "ko": ("자동차 부품사용", "차량 부품용"),
            "zh": ("服务汽车零部件企业", "车载应用"),
        },
        "appliance": {
            "en": ("for home appliances", "for consumer electronics makers"),
            "ja": ("家電メーカー向け", "白物家電用"),
            "ko": ("가전 제조사용", "생활 가전용"),
            "zh": ("面向家电企业", "消费电子产品"),
        },
        "medical": {
            "en": ("for medical devices", "within a medical-device quality system"),
            "ja": ("医療機器向け", "医療機器の品質基準で"),
            "ko": ("의료기기용", "의료기기 품질 기준에 맞춰"),
            "zh": ("面向医疗器械", "符合医疗器械质量体系"),
        },
    },
    "pharma_rd": {
        "oncology": {
            "en": ("in oncology", "for cancer programmes"),
            "ja": ("がん領域", "抗がん剤"),
            "ko": ("항암 분야", "종양 치료제"),
            "zh": ("肿瘤领域", "抗癌药物"),
        },
        "metabolic": {
            "en": ("for diabetes and metabolic disease", "in metabolic disorders"),
            "ja": ("糖尿病・代謝疾患領域", "代謝性疾患"),
            "ko": ("당뇨 및 대사질환", "대사 질환 분야"),
            "zh": ("糖尿病与代谢疾病", "代谢类疾病"),
        },
        "cns": {
            "en": ("for central nervous system drugs", "in neurology"),
            "ja": ("中枢神経系", "神経疾患領域"),
            "ko": ("중추신경계 치료제", "신경계 질환"),
            "zh": ("中枢神经系统药物", "神经系统疾病领域"),
        },
    },
}

# Sentence frames: {s} service, {t} specialty, {y} contract years, {n} staff.
DEMAND_FRAMES: Pool = {
    "en": (
        "We are looking for a partner for {s}, {t}; {y}-year contract.",
        "Outsourcing {s} {t} over {y} years.",
        "Seeking a vendor: {s} ({t}), framework agreement of {y} years.",
        "{s}, {t}. Multi-year engagement.",
    ),
    "ja": (
        "{t}の{s}を委託できるパートナーを募集（{y}年契約）。",
        "{s}（{t}）を{y}年間外注したい。",
        "{t}：{s}の委託先を探しています。",
    ),
    "ko": (
        "{t} {s}를 맡아 줄 파트너를 찾습니다({y}년 계약).",
        "{s}({t}) 외주, {y}년.",
        "{t}: {s} 위탁 업체 모집.",
    ),
    "zh": (
        "寻找{s}合作伙伴，{t}，合同期{y}年。",
        "外包{s}（{t}），框架协议{y}年。",
        "拟采购{s}服务，{t}。",
    ),
}
CAPABILITY_FRAMES: Pool = {
    "zh": (
        "本公司专注于{s}，{t}，团队{n}人。",
        "提供{s}服务；{t}。",
        "{s}；主要业绩：{t}。",
        "我们的核心业务是{s}，{t}经验丰富。",
    ),
    "en": (
        "We specialise in {s}, {t}; {n} staff.",
        "Services: {s}. Experience {t}.",
        "Our team of {n} delivers {s} {t}.",
    ),
}
# Company background that says nothing about the service: realistic noise.
BACKGROUND: Pool = {
    "zh": ("公司成立于{year}年，总部位于{city}。", "{city}高新区企业，成立于{year}年。", ""),
    "en": ("Founded in {year}, headquartered in {city}. ", "A {city} company since {year}. ", ""),
}
CITIES = ("大连", "成都", "西安", "苏州", "无锡", "杭州", "武汉", "南京", "合肥", "长沙")
CITIES_EN = ("Dalian", "Chengdu", "Xi'an", "Suzhou", "Wuxi", "Hangzhou", "Wuhan", "Nanjing")
CERTIFICATIONS: dict[str, tuple[str, ...]] = {
    "animation": ("ISO 9001", "TPN"),
    "software": ("ISO 9001", "ISO/IEC 27001", "CMMI 5"),
    "applied_rd": ("ISO 9001", "IATF 16949", "ISO 13485"),
    "pharma_rd": ("GLP", "GCP", "ISO 9001"),
}
