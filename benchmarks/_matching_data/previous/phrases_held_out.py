"""Held-out phrase pools: the same services and specialties, worded anew.

Written after the glossary was settled and never used to change it, so the benchmark's
held-out row tells how the glossary copes with wording it was not written against.
"""

from benchmarks._matching_data.previous.phrases import Pool

# service code -> phrasings per language (the field is that of synthetic_texts.SERVICES)
SERVICES: dict[str, Pool] = {
    "a_2d": {
        "en": (
            "drawing the intermediate frames of flat animation and painting them digitally",
            "2D tween work and digital paint for broadcast cartoons",
        ),
        "ja": ("手描きアニメの中間の絵と色塗り", "2Dの動画工程とペイント作業"),
        "ko": (
            "2D 애니메이션 중간 프레임 작화와 디지털 페인팅",
            "평면 애니메이션 동화 작업과 색칠",
        ),
        "zh": ("平面动画中间帧绘制与电脑着色", "2D补间作画及颜色处理"),
    },
    "a_3d": {
        "en": (
            "three-dimensional character builds, skinning and final frames",
            "CG characters, their rigs and rendered shots",
        ),
        "ja": ("3Dキャラクターの造形とセットアップ、最終画像の出力", "CGキャラ制作とリグ設定"),
        "ko": ("3차원 캐릭터 제작, 스키닝 및 최종 이미지 출력", "CG 캐릭터와 리그 설정"),
        "zh": ("3D人物造型、蒙皮与成片输出", "CG角色制作及骨架设置"),
    },
    "a_bg": {
        "en": (
            "painted scenery for animated films and layer compositing",
            "setting art and shot finishing",
        ),
        "ja": ("アニメ映画の背景画とレイヤー合成", "美術ボードと仕上げ撮影"),
        "ko": ("애니메이션 영화의 배경화와 레이어 합성", "미술 설정과 촬영 마무리"),
        "zh": ("动画电影场景绘画与分层合成", "美术设定与镜头后期"),
    },
    "a_ip": {
        "en": (
            "shared ownership of a new cartoon franchise and its toys",
            "building a mascot brand together and licensing it",
        ),
        "ja": ("新しいアニメ作品の権利共同保有と玩具展開", "マスコットの共同ブランド化と使用許諾"),
        "ko": (
            "새 애니메이션 프랜차이즈 공동 소유와 완구 사업",
            "마스코트 브랜드 공동 구축 및 사용 허가",
        ),
        "zh": ("新动画品牌共有及玩具开发", "吉祥物品牌共建与使用许可"),
    },
    "a_game": {
        "en": (
            "story sequences and hero moves for a console game",
            "performance capture cleanup for interactive titles",
        ),
        "ja": ("家庭用ゲームのイベントシーンと主人公の動き", "ゲームのモーションデータ整形"),
        "ko": ("콘솔 게임 이벤트 장면과 주인공 동작", "게임용 퍼포먼스 캡처 정리"),
        "zh": ("主机游戏剧情演出与主角动作", "游戏动捕数据清理"),
    },
    "s_mobile": {
        "en": (
            "apps for phones and tablets, built and kept running",
            "mobile client development for Apple and Google platforms",
        ),
        "ja": ("スマホ・タブレット向けアプリの構築と運用", "モバイルクライアント開発"),
        "ko": ("휴대폰·태블릿용 앱 구축과 운영", "모바일 클라이언트 개발"),
        "zh": ("手机和平板应用的开发与运营", "安卓及苹果客户端研发"),
    },
    "s_test": {
        "en": ("automated checks of releases and bug hunting", "software QA and load tests"),
        "ja": ("リリース前の自動チェックと不具合検出", "ソフト品質検査と負荷試験"),
        "ko": ("출시 전 자동 점검과 버그 검출", "소프트웨어 QA 및 부하 시험"),
        "zh": ("发布前自动化检查与缺陷发现", "软件质量检验与压力测试"),
    },
    "s_erp": {
        "en": (
            "moving our finance and supply back office to a hosted SAP system",
            "enterprise resource planning roll-out to the cloud",
        ),
        "ja": ("会計・購買システムのSAPクラウドへの移し替え", "ERPのクラウド展開"),
        "ko": ("회계·구매 시스템의 SAP 클라우드 이전", "ERP 클라우드 구축"),
        "zh": ("财务与采购系统迁移至SAP云", "企业资源计划上云实施"),
    },
    "s_offshore": {
        "en": (
            "a long-term remote squad of full-stack developers",
            "an extended team abroad for our online platform",
        ),
        "ja": ("フルスタック開発者の長期リモートチーム", "海外拠点での開発体制"),
        "ko": ("풀스택 개발자 장기 원격 팀", "해외 거점 개발 조직"),
        "zh": ("长期远程全栈开发团队", "海外交付的研发中心"),
    },
    "s_core": {
        "en": (
            "keeping a bank's ledger and card processing running",
            "changes to payment switching software",
        ),
        "ja": ("銀行の勘定系とカード処理の運用保守", "決済スイッチングソフトの改修"),
        "ko": ("은행 원장 및 카드 처리 시스템 운영", "결제 중계 소프트웨어 개선"),
        "zh": ("银行账务与银行卡处理系统维护", "支付清算软件改造"),
    },
    "r_iot": {
        "en": (
            "connected measuring devices and the code on their chips",
            "smart sensor boards with on-device software",
        ),
        "ja": (
            "ネット接続型の計測端末とマイコンのプログラム",
            "スマートセンサー基板と組込みソフト",
        ),
        "ko": ("네트워크 연결형 측정 장치와 칩 프로그램", "스마트 센서 보드와 내장 소프트웨어"),
        "zh": ("联网测量终端及芯片程序", "智能传感电路板与嵌入式软件"),
    },
    "r_sim": {
        "en": (
            "virtual stress analysis and endurance trials of parts",
            "computer models of crash behaviour and lab life tests",
        ),
        "ja": ("部品の応力解析と寿命試験", "衝突挙動の数値計算と実機耐久評価"),
        "ko": ("부품 응력 해석과 수명 시험", "충돌 거동 수치 해석과 실물 내구 평가"),
        "zh": ("零部件应力计算与寿命试验", "碰撞数值计算及台架耐久验证"),
    },
    "r_vision": {
        "en": (
            "camera systems that spot flaws on the assembly line",
            "image-based quality checks in the factory",
        ),
        "ja": ("組立ラインで傷を見つけるカメラシステム", "工場の画像による品質チェック"),
        "ko": ("조립 라인 결함을 찾는 카메라 시스템", "공장 이미지 기반 품질 점검"),
        "zh": ("装配线瑕疵识别相机系统", "工厂图像质检方案"),
    },
    "r_battery": {
        "en": (
            "electronics that balance and protect lithium cells in storage units",
            "control boards for stationary battery banks",
        ),
        "ja": ("蓄電ユニットのリチウムセル保護・均等化回路", "定置型蓄電池の制御基板"),
        "ko": ("저장 장치용 리튬 셀 보호·밸런싱 회로", "고정형 축전지 제어 보드"),
        "zh": ("储能单元锂电芯均衡与保护电路", "固定式蓄电池控制板"),
    },
    "r_design": {
        "en": (
            "styling a new device and making the first units",
            "look-and-feel design plus a short first production run",
        ),
        "ja": ("新製品の外観デザインと初期ロットの製作", "意匠設計と少量の先行生産"),
        "ko": ("신제품 외관 디자인과 초기 물량 제작", "의장 설계와 소량 선행 생산"),
        "zh": ("新产品造型设计与首批制造", "外观设计及少量先行生产"),
    },
    "p_chem": {
        "en": (
            "making and optimising new drug molecules for us",
            "lead optimisation chemistry, paid per chemist",
        ),
        "ja": ("新規医薬品分子の製造と最適化", "化学者単位契約のリード最適化"),
        "ko": ("신약 분자 제조와 최적화", "화학자 단위 계약의 선도물질 최적화"),
        "zh": ("新药分子制备与优化", "按化学家人头计费的先导物优化"),
    },
    "p_tox": {
        "en": (
            "animal safety testing and drug exposure studies to GLP",
            "toxicity and absorption studies before first-in-human",
        ),
        "ja": ("GLP準拠の動物安全性試験と曝露評価", "ヒト初回投与前の毒性・吸収試験"),
        "ko": ("GLP 기준 동물 안전성 시험과 노출 평가", "최초 인체 투여 전 독성·흡수 시험"),
        "zh": ("符合GLP的动物安全性试验与暴露评估", "首次人体试验前的毒性及吸收研究"),
    },
    "p_clin": {
        "en": (
            "running our patient studies at hospitals in China",
            "site management and monitoring for a pivotal study",
        ),
        "ja": ("中国の病院での患者対象試験の運営", "ピボタル試験の施設管理とモニタリング"),
        "ko": ("중국 병원에서의 환자 대상 시험 운영", "허가용 시험의 기관 관리와 모니터링"),
        "zh": ("在中国医院开展患者研究", "关键性研究的中心管理与监查"),
    },
    "p_data": {
        "en": (
            "cleaning study databases and producing the statistical tables",
            "trial data handling and biometrics",
        ),
        "ja": ("試験データベースの整備と統計表の作成", "治験データ処理と生物統計"),
        "ko": ("시험 데이터베이스 정리와 통계표 작성", "임상 데이터 처리와 생물통계"),
        "zh": ("研究数据库清理与统计表格制作", "试验数据处理与生物统计"),
    },
    "p_bio": {
        "en": (
            "upstream and downstream development for protein drugs",
            "scaling up the production of a monoclonal antibody",
        ),
        "ja": ("タンパク質医薬の上流・下流工程開発", "モノクローナル抗体の生産スケールアップ"),
        "ko": ("단백질 의약품 상·하류 공정 개발", "단일클론항체 생산 스케일업"),
        "zh": ("蛋白药物上下游工艺开发", "单克隆抗体生产放大"),
    },
}

SPECIALTIES: dict[str, dict[str, Pool]] = {
    "animation": {
        "kids": {
            "en": ("for toddlers",),
            "ja": ("幼い子向け",),
            "ko": ("유아용",),
            "zh": ("给幼儿看的",),
        },
        "anime": {
            "en": ("with a manga look",),
            "ja": ("漫画的な絵柄",),
            "ko": ("만화풍 그림체",),
            "zh": ("漫画风格画面",),
        },
        "stream": {
            "en": ("for an on-demand video app",),
            "ja": ("動画アプリ向け",),
            "ko": ("주문형 영상 앱용",),
            "zh": ("面向点播应用",),
        },
    },
    "software": {
        "retail": {
            "en": ("for shops and marketplaces",),
            "ja": ("店舗・モール事業者向け",),
            "ko": ("상점 및 마켓플레이스용",),
            "zh": ("面向商店和交易平台",),
        },
        "japan": {
            "en": ("in the Japanese language",),
            "ja": ("日本語で",),
            "ko": ("일본어로",),
            "zh": ("以日语交付",),
        },
        "security": {
            "en": ("with certified data protection",),
            "ja": ("認証済みのデータ保護体制",),
            "ko": ("인증된 데이터 보호 체계",),
            "zh": ("具备认证的数据保护体系",),
        },
    },
    "applied_rd": {
        "auto": {
            "en": ("for car makers",),
            "ja": ("カーメーカー向け",),
            "ko": ("완성차 업체용",),
            "zh": ("面向整车厂",),
        },
        "appliance": {
            "en": ("for kitchen and household devices",),
            "ja": ("キッチン・生活機器向け",),
            "ko": ("주방·생활 기기용",),
            "zh": ("面向厨房和生活电器",),
        },
        "medical": {
            "en": ("for hospital equipment",),
            "ja": ("病院用機器向け",),
            "ko": ("병원 장비용",),
            "zh": ("面向医院设备",),
        },
    },
    "pharma_rd": {
        "oncology": {
            "en": ("against solid tumours",),
            "ja": ("固形がん",),
            "ko": ("고형암",),
            "zh": ("实体瘤方向",),
        },
        "metabolic": {
            "en": ("for obesity and blood sugar control",),
            "ja": ("肥満・血糖管理",),
            "ko": ("비만·혈당 조절",),
            "zh": ("肥胖与血糖控制",),
        },
        "cns": {
            "en": ("for brain disorders",),
            "ja": ("脳の疾患",),
            "ko": ("뇌 질환",),
            "zh": ("脑部疾病",),
        },
    },
}
