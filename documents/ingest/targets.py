"""Quantitative targets (指标) a policy's text sets or reports: pure, no Django, no database.

A target is one indicator with a number in one clause: `全市生产总值增长5%左右` is the indicator
phrase (`全市生产总值增长`), the value with its unit, and a modifier. Values are found first (a number
with a unit that ends its clause, which rules out `30%的企业`, `500万元奖励`, `4个万亿元台阶`); then
the words before each, back to the clause's start (clauses end at `，；：、`): the verb of the value
(`达到`, `控制在`), then the phrase, which must name an indicator of the region: a vocabulary entry
(fixtures/targets/indicators.csv), or a noun phrase ending in an indicator word (总额, 比重, 率…) that
names no reward, fund, project or work done. A clause with no subject of its own (`…1964.44亿元，
增长7.5%`, `、力争6%以上`) takes the previous clause's.

Target or outcome, and the year, come from an explicit cue (`到2027年`, `今年`, `“十五五”`), else from
where the sentence stands: a work report's review of the past year reports outcomes of the year
before the report, its plan sets targets for the report's year, its “十五五” part targets for 2030;
in other documents a `到2025年` opening a sentence reaches the sentences after it.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parents[2] / "fixtures" / "targets" / "indicators.csv"


@dataclass
class Target:
    indicator: str  # canonical name from fixtures/targets/indicators.csv, else the phrase as written
    indicator_text: str  # the indicator phrase as written
    kind: str  # "target" | "outcome"
    measure: str  # "growth" | "level" | "share"
    year: int | None
    value_low: float | None
    value_high: float | None
    unit: str
    modifier: str
    sentence: str
    position: int  # offset of the sentence in the text
    start: int  # offset of the target's own span in the text
    end: int


# --- values ----------------------------------------------------------------------------------------

NUM = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
UNITS = sorted((  # longest first: 万亿元 before 亿元, 个百分点 before 个
    "%", "％", "个百分点", "倍", "万亿元", "千亿元", "亿元", "万元", "元", "亿美元", "万美元", "万元/人", "元/人", "万人次", "亿人次",
    "万人年", "万人", "人", "万户", "户", "万家", "家", "万个", "个", "亿吨", "万吨", "吨", "万亿斤", "亿斤", "万斤", "万亩",
    "亿千瓦时", "万千瓦时", "亿千瓦", "万千瓦", "万辆", "万标准箱", "万标箱", "万公里", "公里", "万台", "件", "万件", "微克/立方米",
    "EFLOPS", "EFlops", "PFLOPS", "PFlops", "万PF", "PF", "EF", "万P", "P", "亿吨标准煤", "万吨标准煤", "万次", "万头", "天",
    # counts of things and of years a region reports as levels (智能化煤矿400座, 国际友城67对, 人均预期寿命80岁)
    "万座", "座", "对", "条", "张", "台", "岁", "EB",
    # a province's stocks in its larger units (养老机构护理型床位10万张, 绿色有机食品基地面积1亿亩)
    "万张", "亿亩",
    # flows and registries counted in hundreds of millions (快递业务量突破60亿件, 标识注册量突破185亿个), buildings
    "亿件", "亿个", "栋",
    # people counted by head (中高级职称技术经纪人突破100名), scores (公共服务质量满意度81.6分)
    "万名", "名", "分",
    # trains run (中欧班列（西安）开行6037列), gas (天然气产量9.1亿立方米)
    "万列", "列", "亿立方米", "万立方米",
    # electricity in 度 (kWh: 新能源发电量超3000亿度), floor and land area (人均体育场地面积4.5平方米), vehicles, ships
    "亿度", "万度", "万平方米", "平方米", "平方公里", "万公顷", "公顷", "辆", "艘",
    # gas in 方 (天然气产能达到22亿方), schools (体育设施开放学校达到400所), years (of schooling only: YEARS_OF)
    "亿方", "万方", "所", "年",
    # a small port's containers (外贸集装箱吞吐量3427标箱), capacity in megawatts (光伏建筑装机容量607兆瓦)
    "标箱", "万兆瓦", "兆瓦",
    # livestock by head (肉牛、肉羊饲养量分别达到25.6万头、220万只), places (通达京杭大运河的港口达到3处)
    "头", "万只", "只", "万羽", "处",
    # homes sold (实现商品房销售1272套)
    "万套", "套",
    # mushrooms grown in bags (香菇种植规模扩大到3.6亿袋)
    "亿袋", "万袋", "袋",
    # batteries and solar capacity in gigawatts (电池产能40.5GWh, 拉棒切方产能100吉瓦)
    "GWh", "吉瓦时", "GW", "吉瓦",
    # a nation's users and data (5G用户达5.61亿户, 网民规模达10.67亿, 数据产量达8.1ZB, 机架总规模超过650万标准机架)
    "亿户", "亿人", "亿", "ZB", "万标准机架", "标准机架",
), key=len, reverse=True)
# A value ends its clause; `按增长5%安排` and `…3万家目标` end it too.
_RANGE = r"(?:—{1,2}|–|-|－|～|~|至|到)"
VALUE = re.compile(
    rf"(?<![0-9０-９.．A-Za-z])(?![0-9０-９]{{3,}}(?:[.．][0-9０-９]+)? ?(?:{_RANGE} ?{NUM} ?)?年|{NUM} ?{_RANGE} ?[0-9０-９]{{3,}} ?年)"  # (2020—2025年 is no value)
    rf"(?P<low>{NUM}) ?(?P<unit1>[%％])?"
    rf"(?: ?{_RANGE} ?(?P<high>{NUM}))?"
    rf" ?(?P<unit>{'|'.join(re.escape(u) for u in UNITS)})"
    r" ?(?P<post>左右|以上|以内|以下|之内)?"
    r"(?=[ \t]*(?:\[\d+\])?[ \t]*(?:[，,；;：:、。！？）)\n]|$|安排|目标|和|及(?!以上)|并(?![0-9０-９])|"
    r"(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少|降|增|升)(?:到|至)|增长(?=[0-9０-９])|"  # …a baseline: 由2020年的7.2%提升至7.4%
    r"增长(?=[，,；;、。！？]|$)))"  # a growth written before its verb: `汽车产量继续保持40%以上增长、达357万辆`
)
# Where a value may start: a number followed by what can begin a unit or a range (not 月, 日…).
CANDIDATE = re.compile(rf"{NUM} ?[%％个倍万千亿元人户家吨斤亩公件微EP天座对条张台岁栋名分列平辆艘所年标兆袋G吉Z—–\-－～~至到]")
CN_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
PERCENT_UNITS = ("%", "个百分点", "倍")

# --- clauses ---------------------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[。！？\n]")
LINE_END = re.compile(r"\n")
CLAUSE_BREAK = re.compile(r"[，,；;：:、。！？]")
# Words opening a clause that belong to no indicator: list openers, connectives, numbering.
LEAD = re.compile(
    r"^(?:\s|[—\-－]+|[（(][一二三四五六七八九十\d]+[）)]|[（(]下同[）)]|[一二三四五六七八九十]+是|\d+[.．、]|[①-⑳]|"
    r"(?:经济社会发展|全年)?(?:的)?主要(?:预期)?目标(?:是|为|包括)?|主要目标包括|预期目标(?:是|为)|"
    r"其中|全年|力争|争取|努力|确保|以及|并且|并|和|及|同时|初步预计|预计|据初步核算|初步核算|实现|完成|推动|包括|"
    r"推进|促进|力促|力保|着力|支撑|带动|使|让|提出|但是|但|落实|已建成)+"
)
OPENS_WITH_LIZHENG = re.compile(r"^(?:其中|全年)?(?:力争|争取)")
# A year the figure is for, where it opens a clause: `到2027年`, `2024年`, `“十五五”时期`.
YEAR_CUE = re.compile(
    r"^(?P<lizheng>力争|争取)?(?P<to>到|至|截至|截止到?)?"
    r"(?:(?:(?P<from_y>20\d\d)年(?:到|至|—|-))?(?P<y>20\d\d) ?年度?(?:年?底|末)?(?P<before>前)?(?!以来|相比)(?:的)?"  # 2003年到2023年: 2023
    r"|“?(?P<period>十[三四五]五)”?(?:时期|期间|末|规划期末|期末|以来)?)"
)
DEICTIC_YEAR = re.compile(r"^(?:今年|去年|上年|年内|本年)")
THIS_YEAR = re.compile(r"今年|年内|本年度|年底前")
CUE_HINT = re.compile(r"年|十[三四五]五|力争|争取")
PERIODS = {"十三五": 2020, "十四五": 2025, "十五五": 2030}
# A goal's year that opens a sentence (`到2020年，…`, `（四）发展目标。到“十三五”末，…`, `力争三年内，…`: the last of
# the years from the document's) reaches the sentences after it; mid-sentence (`明确了我国到2050年建成…`) it is about
# something else.
CARRIED_CUE = re.compile(r"到(?:(?P<y>20\d\d)年(?!以来|的)|“?(?P<period>十[三四五]五)”?(?:时期)?末)|(?P<within>[一两二三四五])年内")
WITHIN = re.compile(r"(?:力争|争取)?(?P<within>[一两二三四五])年内$")  # `力争三年内，…`: by the last of the years from the document's
YEARS_COUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
OPENS_SENTENCE = re.compile(r"(?:^|[。！？\n：:])[^\S\n]*(?:第[一二三四五](?:步|阶段)[，,：:]?)?(?:力争|争取)?$")  # (`第一步，到2020年…`: a plan's steps)
# Between the phrase and the number, read from the number back: a premodifier, the verb of the
# value, adverbs (`…累计达到`, `…稳定在`, `…力争达到`). Longest first.
PREMODIFIERS = ("力争达到", "不低于", "不少于", "不超过", "不高于", "力争", "低于", "高于", "超过", "突破", "跨过", "跨越",
                "跨上", "迈上", "达到", "超", "约", "近", "达", "过")
VERBS = ("提高到", "提升到", "提高至", "提升至", "增长到", "增长至", "增加到", "扩大到", "上升到", "上升至", "下降到", "下降至", "降低到",
         "降低至", "降到", "保持在", "稳定在", "控制在", "维持在", "跃升至", "升至", "增加至", "降至", "增至", "达到", "保持", "控制", "稳定", "实现",
         "完成", "达", "为", "在")
ADVERBS = tuple(sorted((  # longest first: 失业率平均为4.2% is 平均, not 均
    "比上年", "较上年", "进一步", "分别", "同比", "累计", "首次", "再次", "持续", "继续", "已经", "预计", "力争", "确保",
    "努力", "争取", "基本", "均", "已", "将", "要", "平均值", "平均", "每年",
    # (`一般公共预算收入…，稳步达到3000亿元以上`, `进出口总值翻番达到2206亿元`)
    "稳步", "翻番", "翻一番", "再",
    # (`粮食总产量稳定保持在76亿斤以上`)
    "稳定"), key=len, reverse=True))


INNER_VERB = re.compile(r"(?<=.)实现(?=营业收入|营收|增加值|地区生产总值|生产总值|收入|(?:综合)?产值|销售)")  # `休闲农业实现营业收入445亿元`: the indicator is 休闲农业营业收入
INCREASE = re.compile(r"(?:同比|比上年|较上年|比年初)?(?:增加|增长|提高|净增|新增)$")  # a change of a level in its own unit
EXPECTED = re.compile(r"预计(?=(?:同比|比上年|年均)?(?:增长|增速|增幅|提高|提升|下降)$)")
STREAK = re.compile(r"连续[0-9０-９一二三四五六七八九十]+年$")  # `满意率连续5年保持97%以上`
BOUNDS = {"超过": "超过", "超": "超过", "突破": "突破", "跨过": "突破", "跨越": "突破", "跨上": "突破", "迈上": "突破", "不低于": "不低于", "不少于": "不少于", "不超过": "不超过",
          "低于": "以下", "高于": "超过", "不高于": "不超过", "约": "约", "近": "约", "过": "超过"}
# The baseline of `由2020年的7.2%提升至7.4%`, `从3.68万亿元增长到…`, and the year of what it reaches.
# (`年末城镇调查失业率从上半年5.5%降到5.3%`: a baseline of part of the year, whose figure is not the year's)
FROM = re.compile(r"(?:由|从)(?:(?P<y>20\d\d)年(?:底|末)?的?|(?P<previous>上年)(?:底|末)?的?|(?:上半年|年初|一季度|前三季度)(?:末|的)?)?$")
REACHED_YEAR = re.compile(r"(?P<y>20\d\d)年(?:底|末)?的?$")
SECOND_FIGURE = re.compile(r"力争|确保|争取|努力")  # `增长5.5%、力争6%以上`
LISTED = re.compile(r"分别|(?<![年平人户亩村])均")  # not 年均增长, 人均收入, 亩均税收, 村均收入
LIST_PHRASE = re.compile(r"^(?P<names>.+?)(?P<how>分别|(?<![年平人户亩村])均)(?P<rest>.*)$")
LIST_GAP = re.compile(r"\s*[、和及与]\s*")
LIST_NAMES = re.compile(r"[、和与及]")
SHARED_NAMES = re.compile(r"[、和]")  # `白酒及保健酒产业` is one name

# --- indicators ------------------------------------------------------------------------------------

GROWTH = re.compile(r"(?:同比|比上年|较上年|比年初|年均|按|可比|实际|同口径)?(?:名义)?(?:增长|增速|增幅|涨幅|上涨|上升|提高|提升|下降|降低|回落|减少|下滑|微降|缩短)$")
# An adverb between a name and its change is no part of the name (`地区生产总值持续增长5%`, `达成率再提高3个百分点`).
GROWTH_ADVERB = re.compile(r"(?<=.)(?:持续|继续|稳步|稳定|平稳|快速|较快|大幅|进一步|再|又|今年要|今年|要|(?<!年)平均)(?=(?:增长|提高|提升|上升|下降|降低|减少|回落)$)")
GROWTH_QUALIFIER = re.compile(r"^(?:同比|比上年|较上年|比年初|同口径)(?:名义)?|^名义")  # (`一般公共预算收入183.6亿元，同口径增长13.6%`)
FALL = re.compile(r"(?:下降|降低|回落|减少|下滑|微降|缩短)$")
SHARE = re.compile(r"(?:比重|比例|占比|强度|覆盖率|覆盖面|普及率|渗透率|贡献率|贡献|机械化水平|落实率|占有率|满意度|安全感|幸福感|获得感|"
                   r"[盖合中存放跃标成晓可与誉名任利明献和熟配聚程位]度|之比)$|占.+$")  # (盖度, 契合度, 集中度, 匹配度, 组织化程度…)
LEVEL_RATE = re.compile(r"(?:失业率|城镇化率|利率|生产率|存贷比|指数|依存度)$")  # `创新产出水平指数达到87.59%`
# What an out-of-vocabulary phrase must end with to name an indicator (before any growth word).
HEAD_WORDS = (
    "总值", "总额", "增加值", "收入", "营收", "营业额", "产值", "规模", "总量", "总数", "比重", "占比", "比例", "强度", "率",
    "投资", "产量", "总产", "成交额", "销售额", "交易额", "贸易额", "出口额", "进出口", "出口", "进口", "外资", "消费", "支出", "利润",
    "税收", "就业", "人口", "人才", "企业", "主体", "基站", "实验室", "平台", "中心", "面积", "里程", "装机", "装机容量", "容量",
    "算力", "存储总量", "机架数", "用户", "人数", "数量", "保有量", "拥有量", "吞吐量", "发电量", "用电量", "人次", "指数", "涨幅",
    "价格", "经济", "业", "节点", "浓度", "机构", "投入", "贸易", "零售额", "余额", "劳动力", "务工", "生产能力",
    "经费", "电量", "货值", "覆盖面", "天数", "出栏", "销售量",
    # a contribution to growth written without 率 (新产业、新产品对工业增长贡献超50%), how far farming is mechanised
    "贡献", "机械化水平",
    # the growth of funds raised (企业债券融资增长28.5%; the sum raised is funding, NOT_INDICATOR)
    "融资",
    # how satisfied people are, in % or in points (公共服务质量满意度81.6分), how safe they feel (群众安全感达99.3%)
    "满意度", "安全感", "幸福感", "获得感",
    # rates written as a degree (草原综合植被盖度, 学校专业设置与地方产业契合度, 群众知晓度), lengths (输电线路总长)
    *(c + "度" for c in "盖合中存放跃标成晓可与誉名任利明献和熟配聚程位"), "总长", "长度", "之比",
    # trains run on a line (中欧班列（西安）开行6037列, 中欧班列开行量增长19.3%)
    "开行", "开行量",
    # stocks a region counts: 人均预期寿命, 公共充电桩, 国际友城, 智能化煤矿, 千亿级产业链, 高标准农田, 中试基地
    "覆盖率", "产业", "寿命", "充电桩", "友城", "煤矿", "产业链", "工厂", "农田", "基地", "诊疗量", "床位数", "托位数", "医师数",
    # visitors and their spending, loans and deposits (kept out as funding only when a sum is lent), yields, flows
    "游客", "旅客", "花费", "贷款", "存款", "内资", "运量", "单产", "普及率", "当量", "专利", "床位", "托位", "成本", "周期", "登记数", "件数", "户数",
    # volumes of a service or of freight, registries and the firms on them (快递业务量, 货物周转量, 标识注册量,
    # 接入企业数, 科技型中小企业评价入库)
    "业务量", "周转量", "注册量", "企业数", "企业入库", "企业评价入库", "授权量",
    # (旅客发送量, 原油加工量, 有效发明专利量)
    "发送量", "加工量", "专利量",
    # sales invoiced (江苏's 工业开票销售), energy used and emissions per unit of output
    "开票销售", "能耗", "排放", "交易量",
    # investment attracted (到位资金增长10%以上; other 资金 is a fund, NOT_INDICATOR), from Taiwan or Hong Kong too, and
    # the growth of the projects attracted (新批台资项目数、实际使用台资分别增长64%和408.3%; their count is no target)
    "资金", "台资", "港资", "项目数",
    # capacities a region reaches (煤化工总产能超过4000万吨, 新型储能超过760万千瓦), years of schooling (人均受教育年限11.7年)
    "产能", "储能", "年限", "送电能力", "输电能力",
    # foreign capital paid in (注册外资实际到账增长10%以上)
    "到账",
    # online retail sales (电子商务网络零售增长34%), people insured (城镇职工基本养老保险参保96.5万人)
    "网络零售", "参保",
    # livestock kept in the year (肉牛饲养量26.83万头) or on hand (奶牛存栏稳定在30万头以上)
    "饲养量", "存栏",
    # poultry sold (家禽出笼7500万只), trains run on a line named after 开行 (开行国际班列130列), storage (年储存能力达到55万吨)
    "出笼", "班列", "储存能力", "仓储能力", "储备能力", "加工能力",
    # taxes and fees paid (市属国企…上缴税费增长14%)
    "上缴税费",
)
# Heads that name nothing on their own (`营业收入4亿元` of some firm, `总量1.74万亿元`).
GENERIC = frozenset((
    "营业收入", "主营业务收入", "销售收入", "总收入", "总产值", "产值", "增加值", "总投资", "投资额", "利润", "税收", "企业",
    "规模", "总规模", "产业规模", "总量", "总数", "总额", "收入", "产量", "年度产量", "年产量", "市场占有率", "占有率", "总花费",
    # what a line carries (`中欧班列开行370列、贸易额增长32%`), what facilities hold (`养老机构和设施达到9341个、床位10.5万张`),
    # trains run by whatever runs them (`国际班列通达境外108个城市、全年开行超5000列`)
    "贸易额", "货值", "床位", "托位", "开行"))
# Heads that name the region's own figure standing alone (`税收增长3.9%，其中工业税收增长7.3%`, `电力装机容量达9700万千瓦，
# 发电量达2700亿千瓦时`); a generic one after a subject is still the subject's (`一般公共预算收入增长8.5%，税收增长45.1%`).
REGION_HEADS = frozenset(("税收", "发电量", "用电量"))
# Phrases that name no indicator of the region: rewards, funds, projects, thresholds, ranks, gaps.
NOT_INDICATOR = re.compile(
    r"奖励|奖补|补助|补贴(?!覆盖率)|资助|扶持|(?<!到位)资金|基金|贴息|贷款(?!余额|增长|增速|增幅|占|比重|率)|(?<!金)融资(?!(?:规模)?(?:增长|增速|增幅))|费用(?![占与])|完成率|^(?:开工|竣工|纳统|开工注册)(?:转化)?率$|罚款|再贷款|点击量|新增?参保|年度投资|最高|给予|予以|单个|每个|每家|每项|每年|每人|每户|"
    r"项目(?!到位资金(?:增长|增速|增幅)|个?数?(?:增长|增速|增幅)$)|工程|总投资|计划投资|完成投资|(?:城|园区|片区)投资|惠及|(?:省属|市属|区属|国有|中央)企业投资|央企投资|会议|(?<!研发)活动|(?<![高中初])等|带动|撬动|拉动|引进|中央预算内|申报|(?<!新)认定(?!率)|条件|门槛|注册资本|每一|第\d|"
    r"排名|位次|百强|500强|居全|全国第|高于|低于|快于|慢于|[较比]全|与全(?![^，、]*[配合]度$)|[较比]上|[%％]|\d年|[的之]企业|台阶|大关|^占|^对(?![^，]*(?:出口|进口|贸易)(?:总?额|总值)?(?:增长|增速|增幅|下降)?$)"
)
# A satisfaction rate or score is the region's whatever it rates (`民生工程重点督办事项办结满意率100%`).
SATISFACTION = re.compile(r"满意[率度]$")
PROJECT_WORDS = re.compile(r"项目|工程")
COUNTED_BY_HEAD = re.compile(r"(?:用户|用户数|用户规模|网民|网民规模|人数|人口)$")  # what a figure in a bare 亿 can be
SCORED = re.compile(r"满意度$|得分$|评分$")  # what a figure in 分 can be
YEARS_OF = re.compile(r"年限$")  # what a figure in 年 can be (人均受教育年限)
# Proposals, petitions and complaints handled (`办理群众诉求3.1万件、建议超5000条`): counts of work, never a stock.
PETITIONS = re.compile(r"(?:建议|提案|议案|诉求|信访|投诉)$")
TWO_INDICATORS = re.compile(r"(?:率|额|值|企业|产量)[和及与]")  # `办复率和满意率`, read only as a 均 list
# Work done or to do rather than a level (新建学校12所, 新增学位2万个), unless the vocabulary knows it.
ACTION = re.compile(
    r"^(?:新增|净增|新晋|新入规|新入库|新登记|新改扩建|新改建|新开工|新设|新开通|新开|新上|新入选|新投产|新签约|新(?:[（(]改[）)])?建(?!商品房)|新?(?:建设(?!用地)|培育|培养|引进|引育|认定|获批|集聚)|"
    r"建成投运|建成投用|打造|改造|开发(?!区)|提供|实施|招引|举办|开展|组织|推出|出台|发放|兑现|撬动|支持|帮助|吸引|吸纳(?!技术)|安排|"
    r"投入|争创|创建|遴选|立项|引培|形成|设立|开通|布局|部署|推广|入选|获得|服务(?!业|贸易|进出口|性|消费|类)|培训|招聘|解决|整治|消除|化解|增加|"
    r"扩大|扩容|升级|筹集|筹建|开设|选择|揭榜|发布|聚集|拉动|通过(?![^，、]{0,8}评价)|惠及|盘活|新?发展|引导|招募|留用|面向|年增|累计(?!建成|达|接待)|"
    # (`治理互花米草面积11.8万亩`, `落地京企超500家`)
    r"减少|节约|节省|孵化|获评|入驻(?!率)|治理(?!率)|新?造林|新?认证(?!率)|落地(?!率)|动态培育|释放|收储)"  # (`减少二氧化碳排放985万吨`: an effect achieved)
)
# Counts of firms, platforms and the like are the region's level only when the clause says so
# (`高新技术企业突破1.8万家`, `实有经营主体49.3万户`); else they count work done in the year.
COUNT_UNITS = frozenset(("家", "万家", "个", "万个", "亿个", "户", "万户", "件", "万件", "亿件", "人", "万人", "座", "万座", "对", "条",
                         "台", "万台", "栋", "名", "万名", "所"))
ENTITY = re.compile(r"(?:企业|平台|中心|实验室|机构|节点|基地|园区|人才|专业|公司|集群|主体|工厂|煤矿|产业链|充电桩|友城)$")
# A labour flow counted every year, like 城镇新增就业 (`新增大学生留汉就业创业30万人以上`): no work done.
# Registrations are a flow the region counts too: their growth is a target (`新登记经营主体增长8.2%`).
REGISTERED = re.compile(r"^新(?:登记|注册|设|批|认定|签约|增(?=市场主体|经营主体))")  # (`新设外资企业数量增长19.5%`, `新批台资项目数增长64%`, `新认定…增长88%`)
# an abbreviation after a name (`实际利用外资（FDI）`), or what it leaves out (`固定资产投资（不含农户）`)
SLAUGHTERED = re.compile(r"^出栏([^量率数，、]{1,6})$")
# Investment a sector's projects complete (`完成公路水运投资106亿元`): the judged sets read it as work done, not a level.
SECTOR_INVESTMENT = re.compile(r"(?:综合)?(?:交通|公路|水运|公路水运|水利|电网建设|电网|能源|政府|(?:园区|中心城区|城区)基础设施(?:建设)?)投资")
COMPLETED = re.compile(r"(?:全年|累计|力争|预计)?完成")
MANUFACTURING_GROWS = re.compile(r"制造业(?=(?:同比)?(?:增长|增速|增幅)$)")
FOOTNOTE = re.compile(r"\^?\[[0-9]{1,3}\]|(?<=[\u4e00-\u9fff”])[（(][0-9]{1,2}[）)]")  # a note's number in the text (`研究与试验发展经费投入强度[26]达1.2%`)
NOTE = re.compile(r"(?<=.)[（(](?:[A-Za-z]{2,6}|不?含[^（()）]{1,6})[）)]$")
SUPPORTED = re.compile(r"^(?:支持|扶持|帮扶)(?:成功)?(?=自主创业$)")  # (`支持成功自主创业2.2万人` is 自主创业, a labour flow)
FLOW = re.compile(r"就业|创业")  # labour flows, counted every year
LABOUR_FLOW = re.compile(r"^新增(?:[^，、]{2,12})?(?:就业|创业)(?:创业)?$")  # also 新增就业, 新增自主创业
# (`通过国家评价的科技型中小企业5500家`)
STOCK = re.compile(r"实有|现有|总数|总量|累计|在册|(?<![新规])入库|^备案|^有(?!效)|^通过[^，、]{0,8}评价")  # `有进出口实绩企业1.3万家`, `入库科技型中小企业3223家`
STOCK_HEADS = frozenset(("总数", "总量", "存量", "累计建成", "总规模"))  # a bare stock after a count of work done: `…15家、总数达23家`
STOCK_NAME = re.compile(r"(?:总数|总量)$")  # the total word a count of firms is named without (`高新技术企业总数`)
LEVEL_VERB = re.compile(r"达|突破|超|增至|增加到|提高到|提升到|提升至|提高至|稳定在|保持在|不少于|约|近|总量|总数")
# A count a region has reached needs no head word (`全国文明城市达到13个`, `技术经纪人达1700人`, `国际航线增至19条`).
REACH = frozenset(("达到", "达", "突破", "超过", "超", "增至", "增加到", "增加至", "跨过"))
REACHED_UNITS = COUNT_UNITS | {"张", "万张", "万标箱", "人次", "万人次", "亿人次", "列", "万列", "处"}
# The kind named after examples (`重点实验室、技术创新中心等省级创新平台`): the phrase is the kind.
EXAMPLES = re.compile(r"^[^，]*、[^、]*?等(?!级)(?=.{2})")
# Land a plan builds in its year (`建成高标准农田1169万亩`) is work done; a stock says 累计 or 达到.
BUILT_LAND = re.compile(r"^(?:建成|建设)")
NEW = re.compile(r"^(?:新增|净增)")  # capacity added (`新增新能源发电装机容量110万千瓦，总规模超过600万千瓦`)
FACILITY = re.compile(rf"{ENTITY.pattern}|床位$|托位$")
# Costs cut or money saved for someone (`为企业降低用电成本8.4亿元`, `集中带量采购节约支出3.8亿元`).
SAVED = re.compile(r"(?:节约|节省|降低|减少|减轻)[^，、]{0,10}(?:成本|支出|费用|负担)$")
# The budget's spending on a purpose (`财政民生支出527.6亿元、占一般公共预算支出的86.7%`, `一般公共预算教育支出105.1亿元、增长7.9%`).
PURPOSE_SPENDING = re.compile(r"(?:民生|教育|三保|科技创新)[^，、]{0,6}支出$")
PER_HEAD = re.compile(r"人均|村均|亩均|劳动生产率")  # money in 万元/元 is the region's only per head (or per village, per mu)
FOREIGN_CAPITAL = re.compile(r"外资|外商直接投资|FDI")  # …or foreign capital a city counts in 万美元 (`实际利用外资1539万美元`)
YEAR_LEAD = re.compile(r"^(?:到|至)?20\d\d年(?:底|末)?|^(?:今年|去年|全年|年内)")
# A clause with a figure that is no value gives the next clause its subject (`突破300亿元大关、达313.9亿元`).
SUBJECT_ONLY = re.compile(r"^(?P<subject>[^0-9０-９]+?)(?:首次|再次|累计|分别|连续)?(?:突破|超过|达到|达|完成|迈上|跨越|跨过|连跨)?[0-9０-９]")
HAS_DIGIT = re.compile(r"[0-9０-９]")
# Names that carry a digit of their own (PM2.5浓度, 5G基站万人拥有量, 每10万人…): not a figure of the clause.
# (…3岁以下婴幼儿托位数, 集体经营性收入50万元以上行政村占比: a threshold that names a share's members; the statistics'
# 500万元以上固定资产投资)
# (`经济总量超500亿元的县域增至12个`, `10亿元企业达25家`: a threshold naming what is counted)
NAME_DIGITS = re.compile(r"PM_?2\.5|PM_?10|5G|IPv[46]|12345|“[0-9+＋N]+”|[0-9]+分钟|[0-9]+户以上|^[0-9]{1,3}(?:个|条|家|所|大)(?=[^0-9以])"
                         r"|[0-9]+千伏(?:及以上)?|[1-5]A级|每[0-9]+万?人|[0-9]+岁(?:及?以下|及?以上)|[0-9.]+万?元以上(?=[^0-9，、]*(?:占比|比例|比重)$)|(?:营收|产值)?[过超]?[0-9.]+亿元(?:以上)?(?=企业$)|500万元以上(?=固定资产投资)"
                         r"|(?:超过?|逾)?[0-9.]+[万亿]?元(?:以上)?的(?=[^0-9，、的]{1,4}$)")
# `固定资产投资保持稳定增长、力争达到3%`: the subject grows, the figure follows.
PASSED = re.compile(r"^(?P<subject>[^0-9０-９]{2,20}?)(?:首次|再次)?(?:连续)?(?:跨过|跨越|迈上|突破|连跨)"
                    r"(?:[^0-9０-９]*(?:大关|台阶)|[十百千万亿]+元?)$")  # (`规上工业投资首次突破千亿、达1148亿元`)
PASSED_FIGURE = re.compile(r"^(?:首次|再次|一举)?(?:突破|跨过|跨越|跨上|迈上|站上)[0-9０-９.]+[万亿千]*元?(?:大关|台阶)$")
# `全省进出口总值创历史新高，达到5379亿元`: a record names the subject of the figure after it.
RECORD = re.compile(r"^(?P<subject>[^0-9０-９]{2,20}?)(?:再|又|屡)?创(?:历史)?新高$")
DOUBLED = re.compile(r"^(?P<subject>[^0-9０-９]{2,20}?)(?:[一二三四五两]年)?(?:实现)?(?:翻番|翻一番|倍增)$")
GROWING = re.compile(r"^(?P<subject>[^0-9０-９]{2,20}?)(?:(?:保持|实现)(?:稳定|平稳|较快|快速|高速|正)增长|扭负为正|由负转正)$")  # (`规上工业增加值扭负为正、增长3.5%`)
# A clause that comments on the figure before it (`全省第三`, `在实际工作中努力争取更好结果`): the subject stays.
GRAIN_OUTPUT = frozenset(("总产", "总产量", "产量"))
MILESTONE = re.compile(r"[、，,]\s*(?:达到|达)[0-9０-９]")  # a round figure passed, then the figure reached
RANK = re.compile(r"^[^0-9０-９]{0,6}(?:全国|全省|西部|中部)第[0-9０-９]+位?$")  # `增速全国第3`: a comment on the figure before
# An indicator ranked, then its figure (`高速公路通车里程全国第四、突破1万公里`): the rank names the figure's subject.
RANKED = re.compile(r"^(?P<subject>[^0-9０-９]{2,20}?)(?:居|位居|排|位列|跃居|升至)?(?:全国|全省|全区|全市|西部|中部|东部)"
                    r"第[一二三四五六七八九十]+位?$")
REMARK = re.compile(r"^目标$|丰收|第[一二三四五六七八九十]|前列|前茅|首位|争取|结果|居|位次|创|历史|新高|最好|连续|成为|高于|快于|领先|可比价")

# --- documents -------------------------------------------------------------------------------------

# A plan's period in its title or first lines: `（2024-2026年）`, `(2024 - 2026)`.
PLAN_PERIOD = re.compile(r"(20\d\d)\s*年?\s*[-—–～~至到]\s*(20\d\d)\s*年?")
# A document cited where a plan opens (`为贯彻落实《数字山东发展规划（2018—2022年）》，…`): its period is not the plan's.
CITED = re.compile(r"(?:落实|贯彻|根据|按照|依据|对照|衔接)[^《。\n]{0,24}《[^》]*$")
# An annual plan's title (`数字山东2021行动方案`, `2022年工作要点`): the one year its goals are for.
TITLE_YEAR = re.compile(r"(20\d\d)年?度?[^\n《》。，]{0,16}?(?:方案|计划|要点|办法)$")
MONTH = re.compile(r"[0-9０-９]{1,2}月")
TOP_HEADING = re.compile(r"^[^\S\n]*[一二三四五六七八九十]+、", re.M)
# The title of a plan's section on where things stand: `现状与形势`, `发展基础`, `“十三五”发展成效`.
BACKGROUND = re.compile(r"[^\S\n]*(?:“十[三四]五”)?(?:发展|工作)?(?:现状|基础|成效|回顾)(?:[与和及、](?:面临的)?(?:形势|挑战|机遇|问题))*[^\S\n]*$", re.M)
# Where figures are requirements or project indicators, not the region's targets (outside reports).
REQUIREMENT = re.compile(r"申报|(?<!依)申请|条件|应当|原则上|须|不得|符合|认定|补助|奖励|考核指标|课题|验证|样机")
# A work report's top-level headings (`一、2024年工作回顾`, `2025年工作安排建议`).
HEADING = re.compile(r"[一二三四五六七八九十]+、(?P<title>[^。]{2,48})|(?P<bare>(?:20\d\d年|“?十[四五]五”?|过去一年)[^。（(]{2,44})")
HEADING_YEAR = re.compile(r"(20\d\d)年")
REVIEW_WORDS = re.compile(r"回顾|总结|成就|成绩")
REVIEWED = re.compile(rf"{REVIEW_WORDS.pattern}|成效|进展|情况")  # a plan's section on a year past (`2022年数字中国建设取得显著成效`)
PLAN_WORDS = re.compile(r"安排|任务|目标|要求|思路|重点|建议|取向|主要工作|政府工作|年工作$")  # 三、关于2026年工作
AHEAD = re.compile(rf"{PLAN_WORDS.pattern}|展望|形势|举措")  # a plan's section looking ahead (`三、2023年…形势与展望`)
PERIOD_WORDS = re.compile(r"十五五|第十五个五年")
# Where the plan starts in a report without headings for it (`今年政府工作的总体要求是`).
PLAN_START = re.compile(
    r"(?:做好今年|今年(?:政府工作|经济社会发展|全[省市区州]|我[省市区])|(?P<y>20\d\d) ?年(?:全[省市区州])?(?:经济社会发展|政府工作)"
    r"(?:的)?(?:主要预期目标|总体要求|主要目标))")
REVIEW, PLAN, PERIOD_PLAN, MIXED = "review", "plan", "period", "mixed"
PERIOD_OPENERS = ("“十五五”时期是", "“十五五”时期全省", "“十五五”时期全市")
# A report's passage on the five years past (`这五年，发展质效持续提升。地区生产总值…增长19.8%。`, to the end of
# its paragraph): a growth there without 年均 is the five years' growth, not the last year's.
# (also a paragraph opening with a dash and a summary: `——这五年综合经济实力大幅提升。`)
FIVE_YEARS = re.compile(r"(?:^|(?<=[。！？\n]))[^\S\n]*(?:(?:这五年|五年来|过去五年)[，,]|——(?:这五年|五年来))", re.M)
# A change written over the five years in that passage, in any unit (`常住人口城镇化率五年提高3.89个百分点`).
FIVE_YEAR_CHANGE = re.compile(r"(?:五年(?:累计)?|累计)(?=(?:增长|提高|提升|上升|下降|降低|减少)$)")


# --- the vocabulary --------------------------------------------------------------------------------

@cache
def vocabulary() -> dict[str, tuple[str, str]]:
    """Lookup key of every name and alias -> (canonical name, measure)."""
    names: dict[str, tuple[str, str]] = {}
    with open(VOCABULARY, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for alias in [row["name"], *filter(None, (row["aliases"] or "").split("|"))]:
                names.setdefault(lookup_key(alias), (row["name"], row["measure"]))
    return names


@cache
def money_levels() -> frozenset[str]:
    """The vocabulary's levels counted in money (进出口总额, 出口总额…): `出口93万辆` is not one of them."""
    with open(VOCABULARY, encoding="utf-8") as f:
        return frozenset(row["name"] for row in csv.DictReader(f) if row["measure"] == "level" and "元" in row["unit"])


# A note on how the figure before it was counted (`增长5%左右(预计数，下同)`, `同比增长（以下简称增长）8%`,
# `同口径增长7.03%(剔除退税等因素影响)`): read as blank, so the clause keeps its figure and the next its subject.
ASIDE = re.compile(r"[（(][^（()）\d]{0,16}?(?:预计数|下同|简称|剔除|扣除)[^（()）\d]{0,16}[）)]")
KEY_SPACE_AND_BRACKETS = re.compile(r"\s|[（(][^）)]*[）)]")
# (also when in the year it is measured: `年末城镇调查失业率`)
KEY_SCOPE = re.compile(r"^(?:全[省市区州盟县国疆年]|本[省市区]|我[省市区州国]|全社会|年末|年底)+(?:实现|完成|累计实现)?")
KEY_BUILT = re.compile(r"^(?:累计(?:建成|建设)?|建成)?并?(?:开通)?(?=5G)")  # (`建设5G基站900个` is work done)
KEY_GDP = re.compile(r"(?:全[省市区州]|本[省市]|我[省市])?(?:地区生产总值|国内生产总值|生产总值|GDP)")
KEY_RATIO = re.compile(r"相当于(.+?)比[例重]$")
KEY_QUALIFIER = re.compile(r"(?:同比|比上年|较上年|确保|按|预计|可比|实际|同口径)(?=增长|增速)")  # 年均 stays: a period's average
KEY_SPEED = re.compile(r"(?:增速|增幅)$")


@lru_cache(maxsize=4096)
def lookup_key(phrase: str) -> str:
    """What aliases are compared on: no region word, brackets, 的, qualifiers; GDP spelt one way."""
    key = KEY_SPACE_AND_BRACKETS.sub("", phrase) if " " in phrase or "（" in phrase or "(" in phrase else phrase
    if key.startswith(("全", "本", "我", "年末", "年底")):
        key = KEY_SCOPE.sub("", key)
    if "5G" in key:
        key = KEY_BUILT.sub("", key)
    if "生产总值" in key or "GDP" in key:
        key = KEY_GDP.sub("GDP", key)
    key = key.replace("的", "")
    if "相当于" in key:
        key = KEY_RATIO.sub(r"占\1比重", key)
    if key.endswith("比例"):
        key = key[:-2] + "比重"
    if "增" in key:
        key = KEY_SPEED.sub("增长", KEY_QUALIFIER.sub("", key))
    return key


@lru_cache(maxsize=4096)
def canonical(phrase: str) -> tuple[str, str] | None:
    """The vocabulary's (name, measure) for phrase, also for a fall of a growth indicator."""
    names = vocabulary()
    key = lookup_key(phrase)
    if key in names:
        return names[key]
    rising = FALL.sub("增长", key)
    if rising != key and names.get(rising, ("", ""))[1] == "growth":
        return names[rising]
    # A change of a level or share the vocabulary has no growth entry for (`城镇化率提高1.34个百分点`,
    # `总算力…增长34.6%`) is that indicator's growth.
    if (change := ending(GROWTH, key)) and change.start() and names.get(key[:change.start()], ("", "growth"))[1] != "growth":
        base = names[key[:change.start()]][0]
        average = "年均增长" if "年均" in change.group() else ""  # a period's average is an indicator of its own
        return names.get(lookup_key(base + key[change.start():])) or (base + average, "growth")
    return None


@lru_cache(maxsize=4096)
def indicator_like(words: str) -> bool:
    """Whether an out-of-vocabulary phrase names an indicator of the region."""
    base = without_growth(words)
    volume_grows = len(base) >= 3 and base.endswith(("量", "数")) and len(base) < len(words) \
        and not INCIDENTS.search(base)  # (`农产品出岛量增长64.7%`, `过夜游客数`; not `生产安全事故起数`)
    registrations_grow = REGISTERED.match(base) is not None and len(base) < len(words)
    registered = registrations_grow and len(base) >= 5  # what is registered needs no head word, but a bare 新登记 names nothing
    # a share of a whole named after 占 (`…企业占全区28%`, `新能源装机规模占总装机量的58.1%`): its 比重 unwritten
    share_of = (at := base.find("占")) >= 3 and len(base) - at >= 3 and base[:at] not in GENERIC \
        and not base.startswith(("占地", "占用", "占补"), at) and not any(c.isspace() for c in base)
    if not 2 <= len(base) - base.count("“") - base.count("”") <= 30 \
            or not (base.endswith(HEAD_WORDS) or volume_grows or registered or share_of) \
            or base in HEAD_WORDS and base not in REGION_HEADS or base in GENERIC and base not in REGION_HEADS:
        return False  # a bare 总产 or 收入 names nothing (quotation marks are no part of a name's length)
    scoped = SCOPE.sub("", base)  # the exemptions from work done are read without a region word before them, as the work is
    new_share = scoped.startswith(("新增", "新建")) and "占" in scoped  # `新增民营企业贷款占新增企业贷款比重`, `新建绿色建筑占新建民用建筑比例`
    certified_stock = base.startswith("认证") and base.endswith(("总数", "总量"))  # (`认证绿色食品…农产品总数突破4000个`)
    if COUNTED_GROUP.match(base) and GROUP_WORK.search(base):
        return False  # `64个县市新增城镇常住人口`, `8个重点县建设…基地`: work done in the places counted
    new_rate = base.endswith("率") and base.startswith("新建")  # `新建居住区养老设施配建率`: a rate, no work done
    # `实施垃圾分类(的)自然村占比`: a share, no work done (but 增加值 is no 增加)
    members_share = base.endswith(("占比", "比例", "比重")) and ("的" in base or not base.startswith("增加值"))
    # the growth of investment in projects begun in the year, a category of investment (`新开工制造业投资增长27.2%`)
    new_investment = base.startswith("新开工") and base.endswith("投资") and len(base) < len(words)
    exempt = LABOUR_FLOW.match(scoped) or registrations_grow or REGISTERED.match(scoped) and len(base) < len(words) \
        or new_share or certified_stock or new_rate or members_share or new_investment
    if 0 < (at := base.find("占")) and base[:at] in GENERIC and base[:at] not in REGION_HEADS \
            and not base.endswith(("比重", "比例", "占比")):
        return False  # `总产值占到工业总产值的52.3%`: whose output is not told
    if _work_done_verb(COUNTED_GROUP.sub("", base)) and not exempt \
            or HAS_DIGIT.search(NAME_DIGITS.sub("", base)):
        return False
    if SATISFACTION.search(base):
        words = PROJECT_WORDS.split(words)[-1]  # the project it rates names no money
    # (a digit in a name is no period: `PM2.5年均浓度` is not `3年`)
    return not (NOT_INDICATOR.search(_masked(words)) or TWO_INDICATORS.search(base))


def _work_done_verb(name: str) -> bool:
    """Whether name opens on work done, also after a region word (`全市新增规上工业企业100家以上`, `全市新增学位3.2万个、…`)."""
    return ACTION.match(name) is not None or SCOPE.sub("", name).startswith("新增")


COUNTED_GROUP = re.compile(r"^[0-9]{1,3}(?:个|条|家|所)")  # `18个特色产业产值`: the group counted opens the name
GROUP_WORK = re.compile(r"新增|新建|建设|培育|引进|打造|改造")

# Counts of incidents, cases and errands (the judged sets leave accident and crime figures out).
INCIDENTS = re.compile(r"事故|案|警情|火灾|纠纷|信访|诈|死亡|亡人|次数|损失")


def _masked(text: str) -> str:
    """text with the digits of names (PM2.5, 5G, 65岁及以上…) masked, as long as it was."""
    return NAME_DIGITS.sub(lambda d: "名" * len(d.group()), text)


def without_growth(words: str) -> str:
    growth = ending(GROWTH, words)
    return words[:growth.start()] if growth else words


def measure_of(words: str, known: tuple[str, str] | None, unit: str) -> str | None:
    """growth, share or level of the phrase with this unit; None when they do not fit together."""
    growth = ending(GROWTH, words)
    if unit not in PERCENT_UNITS:
        return None if growth else "level"  # `规模增长3.8万亿元` is an increase, not a level
    if unit == "倍" or growth and (unit == "个百分点" or not SHARE.search(words[:growth.start()])):
        return "growth"  # a change of a share in points is growth too
    if known:
        return known[1]
    if ending(LEVEL_RATE, words):
        return "level"
    if SHARE.search(words) or words.endswith("率"):
        return "share"
    return None


def modifier_of(post: str | None, verb: str, pre: str, lizheng: bool) -> str:
    """The word that bounds the number first (`力争达到8%以上` → 以上), then 力争, then 达到."""
    if post:
        return "以内" if post == "之内" else post
    if pre in BOUNDS:
        return BOUNDS[pre]
    if lizheng or pre.startswith("力争"):
        return "力争"
    return "达到" if "达" in (pre, verb) or "达到" in (pre, verb) else ""


# --- where a sentence stands -----------------------------------------------------------------------

def report_parts(text: str, year: int | None) -> list[tuple[int, str]]:
    """(offset, part) from where each part of a work report starts: its review of the past year(s),
    its plan for the year, a plan for a five-year period (`“十五五”时期主要目标任务`), or a heading that
    joins a review and a plan. A report opens with its review."""
    marks = [(0, REVIEW)]
    looking_back = []  # paragraphs of the plan that look back (`过去一年，我们坚持…` in 加强政府自身建设)
    period_ahead = False  # in a part headed `“十四五”时期发展成就和“十五五”时期主要目标任务`: its plan not yet begun
    for offset, line, head in _paragraphs(text):
        stripped = line.strip()
        if stripped.startswith(("过去一年", "过去的一年")):
            looking_back.append((offset, offset + len(line)))
        elif stripped.startswith(PERIOD_OPENERS) and year and year > 2025 and marks[-1][1] == REVIEW:
            marks.append((offset, PERIOD_PLAN))  # a part headed only by a slogan (二、一张蓝图绘到底，…) opens so
            period_ahead = False
        elif len(head) <= 50 and (heading := HEADING.fullmatch(head)):
            title = heading.group("title") or heading.group("bare")
            part = _heading_part(title, year)
            period_ahead = part == MIXED and bool(PERIOD_WORDS.search(title)) and bool(year and year > 2025)
            if period_ahead:
                part = REVIEW  # the five years past come first, then the paragraph that names the period ahead
            if part and part != marks[-1][1]:
                marks.append((offset, part))
        elif period_ahead and PERIOD_WORDS.search(stripped):
            marks.append((offset, PERIOD_PLAN))
            period_ahead = False
    if all(part != PLAN for _, part in marks[1:]):  # no heading for it: the plan starts at its first sentence
        for m in PLAN_START.finditer(text, marks[-1][0]):
            if m.group("y") is None or year is None or int(m.group("y")) == year:
                marks.append((max(text.rfind(end, 0, m.start()) for end in "\n。") + 1, PLAN))
                break
    for start, end in looking_back:
        i = bisect.bisect_right([at for at, _ in marks], start) - 1
        if marks[i][1] == PLAN:
            marks[i + 1:i + 1] = [(start, REVIEW), (end, PLAN)]
    return marks


# A part's heading inside a report run in without line breaks (its docx one paragraph): `…提出意见。一、2023年工作回顾…`,
# `…加以解决。2024年工作安排建议2024年是…`.
RUN_IN_HEADING = re.compile(r"(?<=[。！？”\s])[^\S\n]*(?:[一二三四五六七八九十]+、|20\d\d ?年工作(?:回顾|安排))")
RUN_IN_TITLE = re.compile(r"[^\s。！？]*")


def _paragraphs(text: str) -> list[tuple[int, str, str]]:
    """(offset, paragraph, what may be its heading) of a report's paragraphs; a report run in without line breaks is
    cut before each heading, which runs to the first space or sentence end."""
    if "\n" not in text:
        cuts = [0, *(m.start() for m in RUN_IN_HEADING.finditer(text)), len(text)]
        paragraphs = [(a, text[a:b]) for a, b in zip(cuts, cuts[1:])]
        return [(a, part, RUN_IN_TITLE.match(part.lstrip()).group()) for a, part in paragraphs]
    paragraphs, offset = [], 0
    for line in text.split("\n"):
        paragraphs.append((offset, line, line.strip()))
        offset += len(line) + 1
    return paragraphs


def _heading_part(title: str, year: int | None) -> str | None:
    if "。" in title or "，" in title[:12] or "政府工作报告" in title:
        return None  # a sentence or the report's title
    years = [int(y) for y in HEADING_YEAR.findall(title)]
    review, period = bool(REVIEW_WORDS.search(title)), bool(PERIOD_WORDS.search(title))
    if review:
        return MIXED if period or "目标" in title else REVIEW
    if period and not (year and year in years):
        return PERIOD_PLAN
    if PLAN_WORDS.search(title) and (not years or year is None or max(years) >= year):
        return PLAN
    return None


@dataclass
class _Document:
    """What every sentence of a text is read against, found once per text."""
    text: str
    year: int | None
    report: bool
    parts: list[tuple[int, str | None]] = field(default_factory=list)
    part_starts: list[int] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)
    cue_years: list[int] = field(default_factory=list)
    scopes: list[int] = field(default_factory=list)  # where a carried cue stops: paragraphs or sections
    plan_year: int | None = None
    five_years: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of passages on the five years past
    review_years: list[int | None] = field(default_factory=list)  # a plan's top headings: the year each one's section reviews, or None

    def __post_init__(self) -> None:
        text = self.text
        if self.report:
            for m in FIVE_YEARS.finditer(text):
                line_end = text.find("\n", m.end())
                self.five_years.append((m.start(), line_end if line_end >= 0 else len(text)))
            self.parts = report_parts(text, self.year)
            self.part_starts = [at for at, _ in self.parts]
            self.scopes = [0] + [m.end() for m in LINE_END.finditer(text)]
        else:
            self.plan_year = plan_year(text)
            headings = list(TOP_HEADING.finditer(text))
            self.scopes = [0] + [m.start() for m in headings]
            # A plan's section on where things stand (`一、现状与形势`, `一、2022年数字中国建设取得显著成效`) reports what was
            # reached in the year its heading names, else the year before the document. A document that opens by reviewing
            # a year and sets no plan period reports on that year in its later sections too, but for those looking ahead.
            self.parts, reviewing = [(0, None)], None
            for m in headings:
                end = text.find("\n", m.end())
                line = text[m.end():end if end >= 0 else len(text)]
                years = [int(y) for y in HEADING_YEAR.findall(line)]
                past = bool(years and self.year and max(years) < self.year and REVIEWED.search(line))
                if past and len(self.parts) == 1 and self.plan_year is None:
                    reviewing = max(years)
                ahead = years and self.year and max(years) >= self.year or AHEAD.search(line)
                named = max(years) if past else reviewing if reviewing and not ahead else None
                self.parts.append((m.start(), REVIEW if BACKGROUND.match(line) or named else None))
                self.review_years.append(named)
            self.part_starts = [at for at, _ in self.parts]
        for m in CARRIED_CUE.finditer(text):
            if not OPENS_SENTENCE.search(text, max(0, m.start() - 8), m.start()):
                continue
            if m.group("within"):
                if self.year is None:
                    continue
                cue_year = self.year + YEARS_COUNT[m.group("within")] - 1
            else:
                cue_year = int(m.group("y")) if m.group("y") else PERIODS[m.group("period")]
            if self.year is None or cue_year >= self.year:
                self.cue_starts.append(m.start())
                self.cue_years.append(cue_year)

    def in_five_years(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.five_years)

    def part_at(self, position: int) -> str | None:
        return self.parts[bisect.bisect_right(self.part_starts, position) - 1][1]

    def reviewed_year(self, position: int) -> int | None:
        """The year a plan's review section at position is about: the one its heading names, else the year before."""
        i = bisect.bisect_right(self.part_starts, position) - 1
        named = self.review_years[i - 1] if not self.report and i > 0 else None
        return named or (self.year - 1 if self.year else None)

    def carried_year(self, position: int) -> int | None:
        """The year of the last goal cue before position in its paragraph (report) or section."""
        i = bisect.bisect_left(self.cue_starts, position) - 1
        scope = self.scopes[bisect.bisect_right(self.scopes, position) - 1]
        return self.cue_years[i] if i >= 0 and self.cue_starts[i] >= scope else None


def plan_year(text: str) -> int | None:
    """The year a plan's goals are for where they give none: the end of its period (`（2021-2023年）`) near its
    opening, else the year of an annual plan's title among its opening lines (`包头市2022年数字政府建设考评办法`)."""
    head = text[:300]
    for period in PLAN_PERIOD.finditer(head):
        if not CITED.search(head, 0, period.start()):
            return int(period.group(2))
    for line in head.split("\n")[:6]:  # (a notice's addressees and covering lines may come first)
        if len(line) <= 60 and "《" not in line and (title := TITLE_YEAR.search(line.strip())):
            return int(title.group(1))
    return None


@dataclass
class _Context:
    """What a clause takes from the clauses before it in its sentence."""
    doc: _Document
    part: str | None
    reviewed_year: int | None = None  # (a plan's review section: the year it reports on)
    cue_year: int | None = None
    cue_kind: str | None = None
    from_year: int | None = None  # `2020年到2025年，…从17.9%提升到35.5%`: the year of a baseline
    lizheng: bool = False  # a list opened by 力争 (`力争到2025年，…`): 力争 on each of its targets
    opened_lizheng: bool = False  # 力争 with the year opening the sentence (`力争到2022年底，…；…`): the whole sentence's
    subject: str = ""  # the previous clause's indicator, as written, without its growth word
    subject_grows: bool = False  # `固定资产投资保持稳定增长、…`
    listed: tuple[list[str], str] | None = None  # the last 分别 list's names and text: `…，分别比年初增长12.2%、13.9%`
    last: Target | None = None
    counted: str = ""  # what the previous clause counted as work done: `新增全国重点实验室15家、总数达23家`
    counted_unit: str = ""  # and the unit it counted in
    grown: str = ""  # the work counted, whose bare growth may follow: `新增外贸主体66家、增长88.6%` is 新增外贸主体增长
    money: bool = False  # the previous clause's figure was project money: `…项目完成投资1450亿元、其中工业投资…`

    def forget(self) -> None:
        self.subject, self.subject_grows, self.last, self.counted, self.money = "", False, None, "", False
        self.grown = ""

    def take_cue(self, cue: re.Match) -> None:
        year = self.doc.year
        if cue.group("from_y"):
            self.from_year = int(cue.group("from_y"))
        if cue.group("period"):
            y = PERIODS[cue.group("period")]
            past = year is not None and y < year or self.part == REVIEW
            self.cue_year, self.cue_kind = y, "outcome" if past else "target"
        elif cue.group("to") and cue.group("to").startswith("截") and year is not None and (
                int(cue.group("y")) < year or int(cue.group("y")) == year and MONTH.match(cue.string, cue.end())):
            # `截至2022年底，…` in a 2023 document, `截至2022年6月末，…` in a 2022 one: as of then
            self.cue_year, self.cue_kind = int(cue.group("y")), "outcome"
        elif cue.group("to") or cue.group("before"):
            self.cue_year, self.cue_kind = int(cue.group("y")), "target"
        elif year is not None:
            y = int(cue.group("y"))
            self.cue_year, self.cue_kind = y, "outcome" if y < year else "target"

    def kind_and_year(self) -> tuple[str | None, int | None]:
        """An explicit cue wins, else the part (a report's, or a plan's review section), else the plan's year."""
        year = self.doc.year
        if self.cue_year is not None:
            return self.cue_kind, self.cue_year
        if self.doc.report:
            if self.part == REVIEW:
                return "outcome", year - 1 if year else None
            if self.part == PLAN:
                return "target", year
            if self.part == PERIOD_PLAN and year and year > 2025:
                return "target", PERIODS["十五五"]
            return None, None  # a part that mixes review and plan: only explicit cues count
        if self.part == REVIEW:
            return ("outcome", self.reviewed_year) if self.reviewed_year else (None, None)
        return ("target", self.doc.plan_year) if self.doc.plan_year else (None, None)


# --- reading ---------------------------------------------------------------------------------------

# The income ratio of town to country, a number without unit: `城乡居民收入比降至2.2`, `收窄至2：1以内`.
RATIO = re.compile(
    rf"(?P<name>(?:城乡居民|城乡|居民)?收入(?:比|倍差)|倍差)(?:(?:从|由)(?P<from>{{NUM}})(?:[：:]1)?)?"
    rf"(?P<verb>降至|下降至|下降到|缩小至|缩小到|缩小为|收窄至|收窄到|为|保持在)?"
    rf"(?P<low>{{NUM}})(?:[：:]1)?(?P<post>以内|左右|以下)?(?=[，,；;。！？、]|$)".replace("{NUM}", NUM))


# The consumer price index as an index (last year = 100): `居民消费价格指数控制在103左右`.
PRICE_INDEX = re.compile(
    rf"(?P<name>居民消费价格指数)(?P<verb>控制在|保持在|为)?(?P<low>{NUM})(?P<post>左右|以内|以下)?(?=[，,；;。！？、]|$)")


def find_targets(text: str, *, year: int | None = None, report: bool = False) -> list[Target]:
    """Every target and outcome in text (a policy's simplified text). year is the document's year;
    report says it is a 政府工作报告 (its 预期目标 are for year, its review's outcomes for the year before)."""
    shown = text
    if "（" in text or "(" in text:  # read past a note on how a figure was counted; show it as written
        text = ASIDE.sub(lambda m: " " * len(m.group()), text)
    doc = _Document(text, year, report)
    found: list[Target] = []
    if "收入比" in text or "倍差" in text:
        found += _without_unit(doc, RATIO)
    if "价格指数" in text:
        found += _without_unit(doc, PRICE_INDEX)
    start = end = 0  # the sentence being gathered
    value_starts: list[int] = []
    for candidate in CANDIDATE.finditer(text):  # a cheap first look; the full grammar only where it may match
        at = candidate.start()
        if VALUE.match(text, at) is None:  # (it also rules out a number's middle: 12.5, G5)
            continue
        if at >= end:  # a new sentence: read the one gathered
            if value_starts:
                found += _sentence_targets(doc, start, end, value_starts)
            cut = max(text.rfind(c, end, at) for c in "。！？\n")
            start = cut + 1 if cut >= 0 else end
            stop = SENTENCE_END.search(text, at)
            end, value_starts = (stop.end() if stop else len(text)), []
        value_starts.append(at)
    if value_starts:
        found += _sentence_targets(doc, start, end, value_starts)
    if shown is not text:
        for target in found:
            target.sentence = shown[target.position:target.position + len(target.sentence)]
    return found


def _without_unit(doc: _Document, pattern: re.Pattern) -> list[Target]:
    """The figures written without a unit that pattern reads: the income ratio (RATIO), the price index (PRICE_INDEX)."""
    found = []
    for m in pattern.finditer(doc.text):
        stop = SENTENCE_END.search(doc.text, m.end())
        cut = max(doc.text.rfind(c, 0, m.start()) for c in "。！？\n") + 1
        raw = doc.text[cut:stop.end() if stop else len(doc.text)]
        position = cut + len(raw) - len(raw.lstrip())
        context = _Context(doc, doc.part_at(position), doc.reviewed_year(position))
        if (carried := doc.carried_year(position)) is not None:
            context.cue_year, context.cue_kind = carried, "target"
        kind, year = context.kind_and_year()
        if kind is None or m.group("name") == "倍差" and "收入" not in raw:
            continue  # a bare 倍差 is the income gap only after the incomes it compares
        baseline = m.groupdict().get("from")
        if baseline and not m.group("verb"):
            continue  # `从2.42…` without the verb of what it reached
        indicator = (canonical(m.group("name")) or ("城乡居民收入比" if pattern is RATIO else m.group("name"),))[0]
        figures = [(m.group("low"), kind, year, m.group("post"))]
        if baseline and doc.in_five_years(position) and doc.year:
            # `城乡居民收入倍差从2.42缩小至2.12` in the five-years passage: the baseline is the last period's end
            figures.insert(0, (baseline, "outcome", doc.year - 6, None))
        for number, figure_kind, figure_year, post in figures:
            low = _number(number)
            found.append(Target(
                indicator=indicator, indicator_text=m.group("name"), kind=figure_kind, measure="level",
                year=figure_year, value_low=low, value_high=low, unit="", modifier=modifier_of(post, "", "", False),
                sentence=raw.strip(), position=position, start=m.start(), end=m.end()))
    return found


def _sentence_targets(doc: _Document, start: int, end: int, value_starts: list[int]) -> list[Target]:
    raw = doc.text[start:end]
    sentence = raw.strip()
    position = start + len(raw) - len(raw.lstrip())
    if not doc.report and REQUIREMENT.search(sentence):
        return []
    context = _Context(doc, doc.part_at(position), doc.reviewed_year(position))
    carried = doc.carried_year(position)
    if carried is not None:
        context.cue_year, context.cue_kind = carried, "target"
    if (opening := YEAR_CUE.match(sentence)) and opening.group("lizheng") and (opening.group("y") or opening.group("period")):
        context.opened_lizheng = True
    values = [v for at in value_starts if (v := VALUE.match(sentence, at - position))]
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(sentence)]
    list_breaks = [at for at in breaks if sentence[at] != "、"]
    targets: list[Target] = []
    read_to = 0  # where the previous value (or 分别 list) ended
    for i, value in enumerate(values):
        if value.start() < read_to:
            continue
        k = bisect.bisect_left(breaks, value.start())
        clause_start = max(breaks[k - 1] + 1 if k else 0, read_to)
        _read_between(sentence[read_to:clause_start], context)
        read_to = value.end() + (2 if _growth_after(sentence, value) else 0)  # `保持40%以上增长`: its growth word
        before = sentence[clause_start:value.start()]
        if grown := _growths_of_levels(before, sentence, position, values, i, targets, context):
            targets += grown
            read_to = values[i + len(grown) - 1].end()
            context.forget()
        elif LISTED.search(before) or _paired(before, sentence, values[i:]) or _enumerated(sentence, clause_start, values[i:]) \
                or _listed_again(before, sentence, values[i:], context):
            listed, read_to = _listed(sentence, position, values[i:], context)
            targets += listed
            context.forget()
        elif (_shares_figure(sentence, clause_start, values[i:]) or _rates_share_figure(sentence, clause_start, values[i:])) and (
                shared := _listed(sentence, position, values[i:], context, "均"))[0]:
            targets += shared[0]  # `工业投资、民间投资年均增长6%左右`: one figure for each listed name
            read_to = shared[1]
            context.forget()
        elif _continues_work_done(sentence, clause_start, value.start(), list_breaks):
            context.forget()
        elif (named := _names_before(sentence, clause_start, breaks)) < clause_start and (
                i + 1 < len(values) and values[i + 1].start() == value.end() + 1):
            context.forget()  # `铁、钒、钛资源利用率由2019年的70%、44%…`: whose figure is whose is not told
        elif (target := _clause_target(sentence, position, named, value, context)) is not None:
            if _bounds_both(sentence, values, i, value, target, targets):
                targets[-1].modifier = target.modifier  # `粮食播种面积1.1亿亩、产量825亿斤以上`: 以上 for both
            targets.append(target)
    return targets


def _bounds_both(sentence: str, values: list[re.Match], i: int, value: re.Match, target: Target,
                 targets: list[Target]) -> bool:
    """Whether a bound written after the second of two levels joined by 、 (the second a short name of
    its own) bounds the first too: `粮食播种面积1.1亿亩、产量825亿斤以上`."""
    if not (i and targets and value.group("post")) or sentence[values[i - 1].end():value.start()].find("、") != 0:
        return False
    if i + 1 < len(values) and sentence[value.end():values[i + 1].start()].startswith("、"):
        return False  # a longer list: whose bound is whose is not told
    own = split_tail(sentence[values[i - 1].end() + 1:value.start()])
    if own.verb or own.pre:
        return False  # `粮食面积稳定在1480万亩、总产保持在140亿斤以上`: each figure has its own verb, the bound is the second's
    first = targets[-1]
    return (first.end == target.position + values[i - 1].end() and not first.modifier and first.measure == target.measure == "level"
            and first.kind == target.kind and len(target.indicator_text) <= 4 and "、" not in sentence[first.start - first.position:values[i - 1].start()])


GROWTH_AFTER = re.compile(r"增长(?=[，,；;、。！？]|$)")


def _growth_after(sentence: str, value: re.Match) -> bool:
    """`汽车产量继续保持40%以上增长、…`: a growth written after its figure, closing the clause."""
    return GROWTH_AFTER.match(sentence, value.end()) is not None


PAIRED_NAMES = re.compile(r"^[^0-9０-９、，]{2,}[和与][^0-9０-９、，]{2,}$")


def _paired(before: str, sentence: str, values: list[re.Match]) -> bool:
    """`粮食种植面积和产量稳定在557万亩、262万吨以上`: two names joined by 和 and two figures joined by 、
    without 分别 are a respective list too."""
    if len(values) < 2 or sentence[values[0].end():values[1].start()] not in ("、", "和") or FROM.search(before):
        return False  # (`城乡居民人均可支配收入增长4.7%和7.3%`)
    words = split_tail(LEAD.sub("", before)).words
    pair = PAIRED_NAMES.match(words) is not None or any(w in words for w in PAIRS)  # `城乡居民人均收入年均增长5.3%、7.7%`
    return pair and (len(values) == 2 or sentence[values[1].end():values[2].start()] != "、")


# (also `同比分别增长`, and without 分别 before as many figures: `旅游人数5590.68万人次、总收入413.68亿元，增长70%、78%`)
RESPECTIVE_GROWTH = re.compile(r"(?:同比|比上年|较上年)?(?:分别)?(?:同比|比上年|较上年)?(?P<growth>增长|提高|下降)")


def _growths_of_levels(before: str, sentence: str, position: int, values: list[re.Match], i: int, targets: list[Target],
                       context: _Context) -> list[Target]:
    """`接待境内外游客超10.9亿人次，旅游总收入超1.3万亿元，分别增长15.8%和11.5%`: a 分别 growth without names after as
    many levels, each read in its own clause right before it, is each level's growth."""
    said = RESPECTIVE_GROWTH.fullmatch(LEAD.sub("", before).strip())
    if said is None or context.listed is not None:
        return []
    count = 1
    while i + count < len(values) and LIST_GAP.fullmatch(sentence[values[i + count - 1].end():values[i + count].start()]):
        count += 1
    levels = targets[-count:]
    if count < 2 or i < count or len(levels) < count or any(t.measure != "level" for t in levels) \
            or [t.end - position for t in levels] != [v.end() for v in values[i - count:i]]:
        return []  # (the levels must be the figures just before, all read)
    shared_post = values[i + count - 1].group("post")
    grown = []
    for level, value in zip(levels, values[i:i + count]):
        figures = _values(value, said.group("growth") == "下降")
        if figures is None or figures[2] != "%":
            return []
        known = canonical(level.indicator + "增长")
        grown.append(Target(
            indicator=known[0] if known else level.indicator + "增长", indicator_text=level.indicator_text, kind=level.kind,
            measure="growth", year=level.year, value_low=figures[0], value_high=figures[1], unit="%",
            modifier=modifier_of(value.group("post") or shared_post, "", "", False),
            sentence=sentence, position=position, start=position + values[i].start() - len(before), end=position + value.end()))
    return grown


def _listed_again(before: str, sentence: str, values: list[re.Match], context: _Context) -> bool:
    """`城乡居民人均可支配收入分别达到4.5万元、2.7万元，增长5.1%和7.4%`: a bare growth word with as many figures
    as the 分别 list before it had names is that list's growth, without a second 分别."""
    if context.listed is None or not GROWTH.fullmatch(LEAD.sub("", before).strip()):
        return False
    count = 1
    while count < len(values) and LIST_GAP.fullmatch(sentence[values[count - 1].end():values[count].start()]):
        count += 1
    return count == len(context.listed[0]) > 1


def _enumerated(sentence: str, clause_start: int, values: list[re.Match]) -> bool:
    """`国内游客人次、总花费增长5.6%、7.5%`, `农村自来水、卫生户厕普及率超过98%、85%`: as many names joined by 、
    as figures joined by 、 are a respective list without 分别, unless the first name is work done."""
    if len(values) < 2 or not clause_start or sentence[clause_start - 1] != "、":
        return False
    count = 1
    while count < len(values) and sentence[values[count - 1].end():values[count].start()] in ("、", "和"):
        count += 1  # (`基本养老、基本医疗保险参保率稳定在98%和95%以上`)
    list_start = max(sentence.rfind(c, 0, values[0].start()) for c in "，,；;：:。") + 1
    names = sentence[list_start:values[0].start()]
    if count < 2 or names.count("、") != count - 1 or HAS_DIGIT.search(NAME_DIGITS.sub("", names)):
        return False
    return ACTION.match(YEAR_LEAD.sub("", LEAD.sub("", names))) is None


def _shares_figure(sentence: str, clause_start: int, values: list[re.Match]) -> bool:
    """`工业投资、民间投资年均增长6%左右`: short names joined by 、 before one figure, without 均, are each
    that figure's, unless the first is work done or a count of them names a group (`三大先导产业规模`)."""
    if not clause_start or sentence[clause_start - 1] != "、" or len(values) > 1 and \
            sentence[values[0].end():values[1].start()] == "、":
        return False
    list_start = max(sentence.rfind(c, 0, values[0].start()) for c in "，,；;：:。") + 1
    names = sentence[list_start:values[0].start()]
    if HAS_DIGIT.search(NAME_DIGITS.sub("", names)) or GROUP.search(names) or LISTED.search(names):
        return False
    # each name before the last says what it measures (`工业投资`), else the names are one group's
    # (`新能源汽车、光伏产品、锂电池“新三样”出口`) or a scene (`中译英、英译中场景下…`); water bodies share a rate of
    # water quality (`集中式饮用水水源地、主要流域国省控断面水质达标率`)
    items = names.split("、")
    if not all(_head_word(LEAD.sub("", item)) for item in items[:-1]) \
            and not _water_bodies([LEAD.sub("", item) for item in items[:-1]] + [split_tail(items[-1]).words]):
        return False
    return ACTION.match(YEAR_LEAD.sub("", LEAD.sub("", names))) is None


TWO_RATES = re.compile(r"[^、，和]{3,}率和[^、，和]{3,}率")


def _rates_share_figure(sentence: str, clause_start: int, values: list[re.Match]) -> bool:
    """`重点建设用地安全利用率和危险废物安全处置率保持100%`: two rates joined by 和 before one figure, each that figure's."""
    if "率和" not in sentence[clause_start:values[0].start()] \
            or len(values) > 1 and sentence[values[0].end():values[1].start()] in ("、", "和"):
        return False  # (two figures: a pair, _paired's)
    return TWO_RATES.fullmatch(LEAD.sub("", split_tail(sentence[clause_start:values[0].start()]).words)) is not None


GROUP = re.compile(r"[两二三四五六七八九十百千]+(?:大|个|项|类|种)|等")
WATER_RATE = re.compile(r".水质[^、，]{0,8}(?:率|比例)$")


def _read_between(text: str, context: _Context) -> None:
    """Read the clauses without a value between two values: their year cues (`到2027年，`, `今年`)
    set the year of what follows; the last that is not a mere comment (`全省第三`) decides the next
    clause's subject: an indicator with a figure that is no value (`突破300亿元大关`) gives it, any
    other clause ends the previous one."""
    if len(text) < 2:
        return
    clauses = [c.strip() for c in CLAUSE_BREAK.split(text)]
    if CUE_HINT.search(text):
        for clause in clauses:
            opened = OPENS_WITH_LIZHENG.match(clause) is not None
            cue = YEAR_CUE.match(clause if opened else LEAD.sub("", clause))
            if cue and cue.end():
                context.take_cue(cue)
                context.lizheng = context.lizheng or opened
            elif (within := WITHIN.match(clause)) and context.doc.year:
                context.cue_year, context.cue_kind = context.doc.year + YEARS_COUNT[within.group("within")] - 1, "target"
                context.lizheng = context.lizheng or opened
            elif opened and not HAS_DIGIT.search(clause):
                context.lizheng = True  # `力争人均预期寿命接近全国平均水平，人均受教育年限达到11.7年`: on what follows too
            elif THIS_YEAR.search(clause) and context.doc.year:
                context.cue_year, context.cue_kind = context.doc.year, "target"
    if ("；" in text or ";" in text) and not context.opened_lizheng:
        context.lizheng = False
    for clause in reversed(clauses):
        if not clause:
            continue
        bare = LEAD.sub("", clause)
        if RANK.match(bare) or PASSED_FIGURE.match(bare):
            continue  # (`GDP总量实现1035.61亿元，首次突破1000亿元大关，增长8.6%`: the milestone keeps the subject)
        if (ranked := RANKED.match(bare)) and (canonical(ranked.group("subject")) or indicator_like(ranked.group("subject"))):
            context.forget()
            context.subject = ranked.group("subject")
            return
        if HAS_DIGIT.search(clause):
            subject = SUBJECT_ONLY.match(bare)
            words = subject.group("subject") if subject else ""
            context.forget()
            if words and (canonical(words) or indicator_like(words)):
                context.subject = words
            return
        if passed := PASSED.match(bare):
            context.forget()
            if canonical(passed.group("subject")) or indicator_like(passed.group("subject")):
                context.subject = passed.group("subject")
            return
        if (record := RECORD.match(bare)) and (canonical(record.group("subject")) or indicator_like(record.group("subject"))):
            context.forget()
            context.subject = record.group("subject")
            return
        if growing := GROWING.match(bare):
            context.forget()
            context.subject, context.subject_grows = growing.group("subject"), True
            return
        if (doubled := DOUBLED.match(bare)) and indicator_like(doubled.group("subject")):
            context.forget()
            context.subject = doubled.group("subject")  # `规上工业企业三年翻番，总量达到675家`: the total of what doubled
            return
        if not REMARK.search(clause):
            context.forget()
            return


def _names_before(sentence: str, clause_start: int, breaks: list[int]) -> int:
    """Where a phrase starts that names several things before its head (`集成电路、生物医药、人工智能三大
    先导产业规模`, `市、县两级…达标率`): back over the short 、-items without a figure before it."""
    start = clause_start
    while start > 0 and sentence[start - 1] == "、":
        k = bisect.bisect_left(breaks, start - 1)
        item_start = breaks[k - 1] + 1 if k else 0
        item = sentence[item_start:start - 1].strip()
        if len(item) > 8 or HAS_DIGIT.search(item) or GROWING.match(LEAD.sub("", item)) or REMARK.search(item):
            break  # (`…5.53万亿元、稳居全国前十强、增长4.8%`: a comment, not a name)
        start = item_start
    return start


def _continues_work_done(sentence: str, clause_start: int, value_start: int, list_breaks: list[int]) -> bool:
    """`新增国家级企业11家、省级企业79家`: the items after a 、 share the first one's verb, unless an item names
    an indicator with a level verb of its own (`力争新增…智能工厂和数字化车间80家、人形机器人产量突破5000台`)."""
    i = bisect.bisect_left(list_breaks, clause_start) - 1
    run_start = list_breaks[i] + 1 if i >= 0 else 0
    if run_start >= clause_start - 1 or sentence[clause_start - 1] != "、":
        return False
    own = split_tail(sentence[clause_start:value_start])  # (`新增高新技术企业超200家、科技型中小企业超300家`: 超 is no level)
    if (own.verb in REACH or own.pre in REACH) and own.pre not in ("超", "超过") and own.words and not ACTION.match(own.words) \
            and (canonical(own.words) or indicator_like(own.words)):
        return False
    first = LEAD.sub("", sentence[run_start:sentence.find("、", run_start)])
    if (own.verb in REACH or own.pre in REACH) and (done := VALUE.search(sentence, run_start, sentence.find("、", run_start) + 1)) \
            and done.group("unit")[-1] != (unit := sentence_unit(sentence, value_start))[-1:] and unit not in REACHED_UNITS \
            and own.words and not ACTION.match(own.words) \
            and (canonical(own.words) or indicator_like(own.words)):
        return False  # `确保新增新能源装机3000万千瓦、新能源发电量超3000亿度`: another measure, not more of the work
    if sentence.startswith(("总数", "总量", "存量", "累计", "入库", "评价入库"), clause_start) or own.words.endswith("入库") \
            or not own.words and (own.verb in REACH or own.pre in REACH):
        return False  # `新增全国重点实验室15家、总数达23家`, `新增特色产业集群4个、达到17个`: the stock, read by _clause_target
    first = YEAR_LEAD.sub("", first)
    if canonical(HAS_DIGIT.split(first, 1)[0]):
        return False  # `新增城镇就业8.55万人、农村劳动力转移就业86万人`: a flow the region counts, no work done
    if GROWTH.fullmatch(own.words) and (REGISTERED.match(SCOPE.sub("", first)) or (
            counted := VALUE.search(sentence, run_start, clause_start)) and counted.group("unit") in COUNT_UNITS):
        return False  # `新设外资企业6629家、增长92.6%`, `净增规上工业企业49家、增长122.7%`: the count's growth
    if BUILT_LAND.match(first) and first.endswith(tuple(COUNT_UNITS)) and ENTITY.search(name := HAS_DIGIT.split(first, 1)[0]) \
            and not LEVEL_VERB.search(name):
        return True  # `建成智慧种养基地30个、保供基地300个以上`: facilities built, not a stock reached
    return _work_done_verb(first)


def sentence_unit(sentence: str, value_start: int) -> str:
    value = VALUE.match(sentence, value_start)
    return value.group("unit") if value else ""


def _strip_lead(before: str, context: _Context) -> tuple[str, int]:
    """The clause without its opening words and year phrase (which it takes as its cue); how many
    characters went."""
    rest = before
    while True:
        if (lead := LEAD.match(rest)) and lead.end():
            rest = rest[lead.end():]
        elif (cue := YEAR_CUE.match(rest)) and cue.end():
            context.take_cue(cue)
            rest = rest[cue.end():].lstrip("，, ")
        elif deictic := DEICTIC_YEAR.match(rest):
            if context.doc.year is not None:
                past = deictic.group() in ("去年", "上年")
                y = context.doc.year - 1 if past else context.doc.year
                context.cue_year, context.cue_kind = y, "outcome" if past else "target"
            rest = rest[deictic.end():]
        else:
            return rest, len(before) - len(rest)


@dataclass
class Tail:
    words: str  # the phrase before the tail
    adverbs: str
    verb: str
    pre: str


def _suffix(text: str, words: tuple[str, ...]) -> str:
    """The longest of words that text ends with, or ""."""
    return next(w for w in words if text.endswith(w)) if text.endswith(words) else ""


def split_tail(phrase: str) -> Tail:
    """The phrase without the words that link it to its number."""
    rest = phrase.rstrip()
    pre = _suffix(rest, PREMODIFIERS)
    if pre == "过" and not rest[:-1].endswith(HEAD_WORDS):
        pre = ""  # `产值过800亿元` is 超过, but not 通过 or 经过
    rest = rest.removesuffix(pre)
    verb = _suffix(rest, VERBS)
    rest = rest.removesuffix(verb)
    linked = len(rest)
    while (adverb := _suffix(rest, ADVERBS)) or (adverb := (STREAK.search(rest) or [""])[0]):
        rest = rest.removesuffix(adverb)
    return Tail(rest.rstrip(), phrase[len(rest):linked], verb, pre)


def ending(pattern: re.Pattern, text: str, width: int = 8) -> re.Match | None:
    """pattern (anchored at $) searched only in the last width characters: the words it looks for are short."""
    return pattern.search(text, max(0, len(text) - width))


def _number(text: str) -> float:
    return float(text.translate(CN_DIGITS))


def _values(value: re.Match, falls: bool) -> tuple[float, float, str] | None:
    """low, high and unit of a value; a fall's figures are negative growth."""
    if value.group("unit1") and value.group("high") is None:
        return None  # `5%5…`: not one value
    low = _number(value.group("low"))
    high = _number(value.group("high")) if value.group("high") else low
    if low > high:
        return None
    unit = "%" if value.group("unit") == "％" else value.group("unit")
    return (-high, -low, unit) if falls and unit in ("%", "个百分点") else (low, high, unit)


def _clause_target(sentence: str, position: int, clause_start: int, value: re.Match,
                   context: _Context) -> Target | None:
    before = sentence[clause_start:value.start()]
    if context.money and before.startswith("其中"):
        context.forget()  # a part of project money is project money
        return None
    if before.startswith("带动"):
        context.lizheng = False  # `力争…提升至60%以上，带动全社会研发经费投入增长10%`: a consequence, not a goal striven for
    phrase, gone = _strip_lead(before, context)
    minus = phrase.endswith(("增长-", "增长－"))  # `固定资产投资增长-3.8%`: a fall written as a negative growth
    if minus:
        phrase = phrase[:-3] + "下降"
    baseline = FROM.search(phrase)
    baseline_year = None
    if baseline:
        phrase = phrase[:baseline.start()]
        if baseline.group("y"):  # …从2020年的3.68万亿元…，一般公共预算收入从3826.5亿元…: the same baseline year
            context.from_year = int(baseline.group("y"))
        baseline_year = context.from_year
        if baseline.group("previous") and (year := context.kind_and_year()[1]):
            baseline_year = year - 1  # `常住人口由上年729万人增加到732万人`: the year before the one reported
    elif reached := REACHED_YEAR.search(phrase):  # …提高到2025年的10.5%
        y = int(reached.group("y"))
        context.cue_year = y
        context.cue_kind = "outcome" if context.doc.year and y < context.doc.year else "target"
        phrase = phrase[:reached.start()]
    tail = split_tail(FOOTNOTE.sub("", phrase) if "[" in phrase or "（" in phrase or "(" in phrase else phrase)
    words, verb, pre = GROWTH_ADVERB.sub("", SUPPORTED.sub("", NOTE.sub("", tail.words))), tail.verb, tail.pre
    if (than := YEAR_BEFORE.match(words)) and context.doc.year and int(than.group("y")) == context.doc.year - 2:
        words = "较上年" + words[than.end():]  # `…占比49.3%，较2022年提升5.2个百分点` in a 2024 report: the change of the year
    if words.endswith("的") and "占" in words[1:]:
        words = words[:-1]  # `民生支出占财政总支出的84%`: the share of the whole
    if "占到" in words:
        words = words.replace("占到", "占")  # `出口绿茶总量占到全省50%以上`
    if SECTOR_INVESTMENT.fullmatch(words) and COMPLETED.match(before.lstrip()):
        context.lizheng = context.lizheng or OPENS_WITH_LIZHENG.match(before.strip()) is not None  # (on what follows)
        context.forget()  # `完成水利投资42亿元`, `完成综合交通投资170亿元`: a sector's projects' money, work done (its growth
        context.subject = words  # after it is read, as the growth of registrations is)
        return None
    if words.endswith("发电") and value.group("unit").endswith("千瓦时") and (len(words) > 2 or not context.subject):
        words += "量"  # `全年发电407.19亿千瓦时，其中火电发电246.9亿千瓦时`: 发电量
    if words.startswith("开行") and words.endswith("班列") and value.group("unit").endswith("列"):
        words = words[2:]  # `开行国际班列130列以上`: the trains run
    if livestock := SLAUGHTERED.match(words):
        words = livestock.group(1) + "出栏"  # `出栏生猪400万头以上`: 生猪出栏
    if "制造业" in words and (industry := MANUFACTURING_GROWS.search(words)):
        words = words[:industry.end()] + "增加值" + words[industry.end():]  # `高技术制造业增长30%以上`: its value added
    if value.group("unit") == "%" and (effect := _last_effect(words)):
        # `大规模设备更新带动设备工器具购置投资增长14.6%`, `…等新机制推动企业反映问题解决率提高到93%`: what grows
        words = words[effect:]
        context.lizheng = False
    if words and _growth_after(sentence, value) and value.group("unit") == "%" and not ending(GROWTH, words):
        words += "增长"  # `汽车产量继续保持40%以上增长`
    if "等" in words and (examples := EXAMPLES.match(words)):
        words = words[examples.end():]
    if (reached := REACHED_YEAR.search(words)) and reached.start() and (verb or pre):  # `粮食综合生产能力2030年达到305亿斤`
        y = int(reached.group("y"))
        context.cue_year = y
        context.cue_kind = "outcome" if context.doc.year and y < context.doc.year else "target"
        words = words[:reached.start()]
    if (not words or words in STOCK_HEADS) and context.counted and (verb or pre) \
            and value.group("unit")[-1] == context.counted_unit[-1]:
        words = context.counted  # `新增全国重点实验室15家、总数达23家`: the stock of what was added
    if words.startswith("每年") and canonical(words[2:]):
        words = words[2:]  # `每年城镇新增就业40万人以上`: the year's figure of a known indicator
    if (goal := ending(GOAL, words)) and goal.start() and canonical(words[:goal.start()]):
        words = words[:goal.start()]  # `经济增长预期目标为5%左右`: the known indicator's target
    written = words.removesuffix("下降") + "增长" if minus else words  # (as written: `增长-3.8%`)
    if "预计" in words:  # `数字经济核心产业增加值预计增长10%`: an estimate, the same indicator
        words = EXPECTED.sub("", words)
    if pre in ("高于", "不高于") and value.group("unit") == "个百分点" or "分别" in tail.adverbs:
        context.forget()  # a gap to another place, or a list read elsewhere (`千人口托位数高于4个` is a bound)
        return None
    growth_word = ending(GROWTH, words)
    inherited = not words or bool(growth_word and growth_word.start() == 0)
    parallel = False
    text_as_written = written
    if not context.subject and _year_after_quarters(sentence, clause_start, before):
        words = "地区生产总值增长"  # `经济增速逐季回升，一季度增长4.5%，…，全年增长5.7%`: the economy's year
        text_as_written, inherited = before.strip(), False
    if inherited:  # no subject of its own: `、增长7.5%`, `、达到10.3万亿元`, `、力争6%以上`
        if not context.subject and context.grown and words and value.group("unit") == "%" and GROWTH.fullmatch(words):
            context.subject, parallel = context.grown, True  # the work counted grew: its name has no head word
        if not context.subject:
            return None
        if value.group("unit") == "个百分点" and context.last is not None and context.last.measure == "growth" \
                and context.last.unit == "%":
            return None  # `增长5.6%，比上年提高3.6个百分点`: the growth rate's change, no target
        if not words and context.last is not None and SECOND_FIGURE.search(before) and (
                value.group("unit") in PERCENT_UNITS or context.last.measure != "growth"):
            return _again(sentence, position, clause_start + gone, value, before, context)  # `、力争达到8%`
        # (`地区生产总值增长5.5%以上，力争突破6000亿元`: after a growth, a figure in a level's unit is the level)
        if not words and not verb and not pre and context.last is not None:
            context.forget()  # `70%、44%、29%`: figures of names listed before, not of one indicator
            return None
        if words:
            words = context.subject + GROWTH_QUALIFIER.sub("", words)
        elif verb or pre:
            words = context.subject + ("增长" if context.subject_grows else "")
        elif baseline:
            words = context.subject  # `我国电子商务交易额保持快速增长，由2012年的8万亿元增长至…`: the subject's level then
        else:
            return None
        text_as_written = context.subject
    elif OPENS_WITH_LIZHENG.match(before.strip()):
        context.lizheng = True  # `力争整车产量200万辆、新能源汽车140万辆`: 力争 on each
    if (words.startswith("占") or CONTRIBUTION.match(words)) and context.subject:
        # `A增长8.8%，占地区生产总值比重提高到41.9%`: A's share; `…增长6.3%，对全省经济增长贡献率达13%`: A's contribution
        subject = context.subject
        if 0 < subject.find("占"):
            subject = subject[:subject.find("占")]  # `A占地区生产总值的41.4%，对经济增长贡献率达到47.8%`: A's contribution
            # (`工业投资占全社会固定资产投资比重36%、…，占全省工业投资比重6.2%`: A's second share)
        words = text_as_written = subject + words.removesuffix("的")  # (`、占一般公共预算支出的86.7%`)
    elif words in GRAIN_OUTPUT and "粮食" in sentence[:clause_start]:  # `粮食播种面积1520万亩、总产125亿斤`
        words = "粮食产量"
    elif not context.subject and without_growth(words.removeprefix("相关")) in OUTPUT_HEADS \
            and (opener := _opening_industry(sentence, clause_start)):
        # `汽车零部件产业集群，重点发展…，产值突破330亿元`: the cluster the sentence opens with (`航空航天产业，…产业规模…`: one 产业)
        words = words.removeprefix("相关")  # (`…产业新蓝海，…，相关营收增长15%`: that industry's)
        words = opener.removesuffix("产业" if words.startswith("产业") else "") + words
    elif context.subject and (head := without_growth(words)) in GENERIC:
        words = _of_subject(context.subject, head) + words[len(head):]
        if not (verb or pre) and sentence[clause_start - 1:clause_start] == "、" and context.last is not None \
                and context.last.modifier == "达到" and value.group("unit") not in PERCENT_UNITS:
            verb = "达到"  # `养老机构和设施达到9341个、床位10.5万张`: the verb of both
    elif context.subject and (own := _head_word(context.subject)) and len(own) >= 2 and words.startswith(own) \
            and len(words) > len(own) and not canonical(words) and not context.subject.endswith(words):
        words = context.subject[:-len(own)] + words  # `研发经费投入增长25%、投入强度提升至1.4%`: the same 投入
    over_five_years = False
    if (span := FIVE_YEAR_CHANGE.search(words)) and doc_in_five_years(context, position):
        words, over_five_years = words[:span.start()] + words[span.end():], True  # `城镇化率五年提高3.89个百分点`
    known = canonical(words)
    if baseline and baseline_year is None and context.doc.year and doc_in_five_years(context, position):
        baseline_year = context.doc.year - 6  # `这五年，…从1795亿元增加到5260亿元`: the baseline is the last period's end
    if baseline and baseline_year is None:  # `由7.34万元提升至10.26万元`: the baseline's year is not told
        context.forget()
        if known or indicator_like(words):
            context.subject = without_growth(words)
        return None
    last = context.last
    parallel = parallel or (last is not None and clause_start > 0 and sentence[clause_start - 1] == "、" and last.measure == "level"
                and last.unit == value.group("unit") and not verb and 2 <= len(words) <= 8 and not HAS_DIGIT.search(words)
                and not ACTION.match(words))  # `力争整车产量200万辆、新能源汽车140万辆`: the list's next item
    # `市场经营主体达37.2万户，其中民营企业9.3万户`: part of the stock, a stock too
    stock = last is not None and before.lstrip().startswith("其中") and last.measure == "level" \
        and last.unit == value.group("unit") and not HAS_DIGIT.search(words) and _counted_entity(words) \
        and written not in GENERIC  # (not a bare 企业: `总量达2037.7万户，其中企业929.8万户`)
    if parallel and last is not None and last.indicator.endswith("出栏") and not words.endswith("出栏"):
        words += "出栏"  # `出栏肉牛14.8万头、生猪130万头`: 生猪出栏
    if not (verb or pre) and clause_start and sentence[clause_start - 1] == "、" and last is not None \
            and last.modifier == "达到" and last.measure == "share" and value.group("unit") == "%" \
            and (words.endswith("率") or SHARE.search(words)) and not LEVEL_RATE.search(words):
        verb = "达到"  # `农村卫生厕所普及率达到93%、生活污水处理率74%、垃圾治理率98%`: the verb of the list
    elif not (verb or pre) and clause_start and sentence[clause_start - 1] == "、" and last is not None \
            and last.modifier == "达到" and last.measure == "level" and value.group("unit") not in (*PERCENT_UNITS, "％") \
            and not words.startswith("占") and not ending(INCREASE, words):
        verb = "达到"  # `高新技术企业总数达到234家、技术合同成交额55亿元`: the verb of both levels
    if context.counted and not (verb or pre or known) and value.group("unit") == context.counted_unit \
            and ENTITY.search(words) and not STOCK.search(words) and not _work_done_verb(words) \
            and sentence[clause_start - 1:clause_start] in "，,、":
        return None  # `力争新增…示范企业2家以上，省级“两化融合”示范企业3家以上、…`: more of the work counted
    target = _build(words, known, text_as_written, value, verb, pre, "力争" in before, sentence, position,
                    clause_start + gone, context, baseline_year, parallel or stock, over_five_years, stock)
    if target is not None and target.measure == "level" and "累计" in tail.adverbs and FLOW.search(target.indicator) \
            and doc_in_five_years(context, position):
        target.indicator += "五年累计"  # `城镇新增就业累计106万人` in the five years past: their sum, not a year's flow
    context.forget()
    context.money = target is None and value.group("unit").endswith("元") and NOT_INDICATOR.search(words) is not None
    done = SCOPE.sub("", words)  # (`全市新增登记市场主体3.67万户，总数达22.6万户`)
    if target is None and (REGISTERED.match(done) and value.group("unit") in COUNT_UNITS
                           or PURPOSE_SPENDING.search(done) and value.group("unit").endswith("元")):
        context.subject = done  # `新设外资企业6629家、增长92.6%`, `民生支出351.8亿元、占比85.2%`: the count or sum is no target, its growth is
    if target is None and (value.group("unit") in COUNT_UNITS and (action := ACTION.match(done))
                           or value.group("unit").endswith("亩") and (action := BUILT_LAND.match(done))
                           or value.group("unit").endswith("千瓦") and (action := NEW.match(done))) \
            and (indicator_like(counted := done[action.end():]) or _count_reached(counted, value.group("unit"), "达到", "")):
        # `净增高新技术企业超2000家，总量达1.45万家`, `建设…高标准农田1040万亩，累计建成近1.2亿亩`: work done, then the
        # stock (of whatever was counted: `新增上市公司22家、总数达302家`)
        context.counted, context.counted_unit = counted.removeprefix("登记"), value.group("unit")  # (新增登记市场主体)
        context.grown = done  # (`净增规上工业企业49家、增长122.7%`: its growth is a figure)
        return None
    if target is None and (growth := ending(INCREASE, words)) and growth.start() \
            and value.group("unit") not in PERCENT_UNITS and (canonical(base := words[:growth.start()]) or indicator_like(base)
                                                              or len(base) >= 4 and "年" not in base
                                                              and _count_reached(base, value.group("unit"), "达到", "")):
        context.subject = base  # `装机同比增加1829万千瓦、达到9048万千瓦`: an increase, then the level
        return None
    if target is not None and target.modifier == "突破" and MILESTONE.match(sentence, value.end()):
        context.subject = without_growth(words)  # `突破4000亿元、达到4211亿元`: only the value reached
        return None
    if target is not None:
        context.subject, context.last = without_growth(words), target
    return target


EFFECT = re.compile(r"带动|推动|助推|促使|撬动")
YEAR_BEFORE = re.compile(r"^(?:较|比)(?P<y>20\d\d)年")
QUARTERS = re.compile(r"(?:[一二三四]季度|上半年|前三季度)(?:累计)?(?:增长|增速)")
ANNUAL = re.compile(r"^全年(?:累计|同比)?(?:增长|增速(?:为|达到?)?)$")
ECONOMY = re.compile(r"GDP|生产总值|(?<!工业|数字|民营|县域|海洋|实体|服务)经济(?:增速|增长|下行|运行)")


def _year_after_quarters(sentence: str, clause_start: int, before: str) -> bool:
    """Whether a clause `全年增长…` with no name is the economy's growth told before it, after its quarters or not
    (`地区生产总值增速快于全省的势头不断巩固提升，全年增长7.8%`)."""
    if not ANNUAL.match(before.strip()):
        return False
    quarter = QUARTERS.search(sentence, 0, clause_start)
    return ECONOMY.search(sentence, 0, quarter.start() if quarter else clause_start) is not None
CLUSTER_OPENER = re.compile(r"^(?P<name>[^，。、]{2,12}?(?:产业集群|产业))[^，。、]{0,8}，")  # (`…产业跻身国家级集群，产值突破…`)
OUTPUT_HEADS = frozenset(("产值", "总产值", "营业收入", "营收", "主营业务收入", "销售收入", "规模", "产业规模", "增加值"))
PUSHED = re.compile(r"发展|推动|推进|打造|聚焦|围绕|增强|壮大|培育|提升|加快|做强|做大")  # an opener that is a task, no name
# The industry, sector or zone a sentence's first clause is about, after the verbs of its task (`生产性服务业加速发展，…`,
# `加快建筑业工业化、…发展，…`, `推进开发区创新升级，…`).
TASK = re.compile(r"大力|加力|提速|转型|全力|加快|着力|积极|持续|重点|进一步|全面|发展|打造|建成|建设|推进|推动|深化|促进|做强|做大|"
                  r"壮大|提升|培育|聚焦|围绕|增强|放大|规范|拥抱|抢抓|抓住|瞄准|紧盯|依托")
TASK_VERBS = f"(?:{TASK.pattern})*"
OPENING_INDUSTRY = re.compile(
    r"^" + TASK_VERBS +
    r"(?P<name>[\u4e00-\u9fff“”]{0,10}?(?:产业集群|产业|经济|开发区|园区)|[\u4e00-\u9fff“”]{1,10}?(?<![企就创物职])业)"
    r"(?=[，,]|加速|加快|转型|创新|提质|扩能|工业化|持续|稳步|跻身|实现|发展|要|全链条|链式|升级)")
OPENER_BREAK = re.compile(r"[，,：:]")  # (a clause of names joined by 、 names no one industry)
# An industry or cluster a clause names after its task's verbs (`打造具有区域竞争力的新材料产业集群`, `三新产业主导地位更加凸显`,
# `加快推动纺织服装产业升级改造`, `农副产品加工业向精深方向延伸`): no park, chain or base of one (产业园, 产业链).
NAMED_INDUSTRY = re.compile(
    r"^" + TASK_VERBS + r"(?:具有[^，、的]{1,12}的)?(?:[百千]亿(?:元|级)?)?"
    r"(?P<name>[\u4e00-\u9fff]{2,12}?(?:产业集群|产业(?![园链基项核区带])|(?<![企就创物职商])业(?=向|加速|加快|转型|集聚|持续|发展|全链条|链式|升级)))")


def _opening_industry(sentence: str, clause_start: int) -> str | None:
    """Whose a bare output head in a later clause is: the cluster a paragraph opens with (`汽车零部件产业集群，…`), the
    industry its first clause is about, or else the one the nearest clause before names."""
    if opener := CLUSTER_OPENER.match(sentence):
        name = opener.group("name")
        if not (ACTION.match(name) or LEAD.match(name) or PUSHED.search(name) or TASK.match(name)):
            return name
    first_end = min((at for at in (sentence.find("，"), sentence.find(",")) if at >= 0), default=-1)
    if 0 < first_end < clause_start and (opening := OPENING_INDUSTRY.match(sentence)) and _an_industry(opening.group("name")):
        return opening.group("name")
    part_start = max(sentence.rfind(c, 0, clause_start) for c in "；;") + 1  # (not across a semicolon: another task)
    for clause in reversed(OPENER_BREAK.split(sentence[part_start:clause_start])):
        if (named := NAMED_INDUSTRY.match(clause.strip())) and _an_industry(named.group("name")):
            return named.group("name")
    return None


def _an_industry(name: str) -> bool:
    """Whether a name read before a bare output head is one industry's, not a task (`推动产业集聚`), a group
    (`三大不锈钢下游产业集群`) or a place in a chain (`下游产业`)."""
    return not (ACTION.match(name) or TASK.match(name) or GROUP.search(name) or re.match(r"[百千万]亿|[上下]游", name))
SCOPE = re.compile(r"^(?:全[省市区州盟县疆]|本[省市区]|我[省市区州])")
GOAL = re.compile(r"的?(?:预期)?目标$")
CONTRIBUTION = re.compile(r"^对[^，、]{1,12}增长的?贡献率?$")


def _last_effect(words: str) -> int:
    """Where what an action makes grow starts, after its last 带动 or 推动 (0 when there is none)."""
    found = [m.end() for m in EFFECT.finditer(words)]
    return found[-1] if found and found[-1] < len(words) else 0


def _of_subject(subject: str, head: str) -> str:
    """A bare head after a subject: `地区生产总值…，总量达到…` is the subject's level, `规模以上工业总产值…，
    增加值增长…` the subject's qualifier with this head."""
    if head in ("总数", "总量") and (registered := REGISTERED.match(subject)):
        return subject[registered.end():]  # `新登记经营主体增长8.2%，总数突破140万户`: all registered so far
    if (share_of := subject.find("占")) > 1:
        return subject[:share_of] + head  # `服务业占地区生产总值的比重达49.7%，增加值增长7.5%`: the share's subject's 增加值
    if head in ("总量", "规模", "总规模", "总额"):
        return subject
    own = max((w for w in (*HEAD_WORDS, *GENERIC) if subject.endswith(w) and len(w) < len(subject)), key=len, default="")
    if head in HOLDERS.get(own, ()):
        return VISITS.sub("", subject) + head  # `接待游客3亿人次、总花费…`: the visitors' 总花费; `新设企业…，总数…`
    if not own:
        return subject + head if head in ("床位", "托位") else head  # `养老机构和设施达到9341个、床位10.5万张`
    return subject[:len(subject) - len(own)] + head


# Heads that name who or what has the figure after them, not a measure of their own.
HOLDERS = {"游客": ("总花费", "花费"), "旅客": ("总花费", "花费"), "企业": ("总数", "总产值", "营业收入"), "主体": ("总数",),
           "机构": ("总数", "床位", "托位")}
VISITS = re.compile(r"^(?:全年)?(?:累计)?接待")


def _build(words, known, text_as_written, value, verb, pre, own_lizheng, sentence, position, start,
           context: _Context, baseline_year: int | None, parallel: bool = False,
           over_five_years: bool = False, stock: bool = False) -> Target | None:
    if known and known[0] in money_levels() and "元" not in value.group("unit"):
        known = None  # a money level's name with a count (`出口93万辆`): not the vocabulary's
    if known is None and not (indicator_like(words) or parallel and not NOT_INDICATOR.search(words)
                              or _count_reached(words, value.group("unit"), verb, pre)):
        return None
    if known is None and BUILT_LAND.match(words) and (value.group("unit").endswith("亩") or value.group("unit") in REACHED_UNITS
                                                      and FACILITY.search(words) and verb not in REACH and pre not in REACH):
        return None  # land or facilities built in the year (`建成家庭养老床位900张`): work done, not a stock reached
    if known is None and WORKED_AREA.search(words) and not STOCK.search(words):
        return None  # land treated, restored or greened (`水土流失综合治理面积90平方公里`): work done, not a stock
    if known is None and without_growth(words) == "到位资金" and "招商" not in sentence:
        return None  # a bare 到位资金 is investment attracted only where the sentence is about attracting it
    values = _values(value, ending(FALL, words) is not None)
    if values is None:
        return None
    low, high, unit = values
    if known is None and _work_done(words, unit, value, verb + pre) and not sentence.startswith("目标", value.end()) \
            and baseline_year is None and not stock:
        return None  # `引进金融机构225家`, `省级重点实验室5个`: work done, unless a level is stated (or a baseline's)
    measure = measure_of(words, known, unit)
    if unit == "倍" and not ending(GROWTH, words) and (verb or pre):
        return None  # a ratio to something else (`目录库规模稳定在年度投资规模4倍以上`), no growth
    if measure is None or (unit in ("P", "万P", "PF", "万PF", "EF") and not COMPUTING.search(words)):
        return None
    if unit == "亿" and (context.doc.report or not COUNTED_BY_HEAD.search(words)):
        return None  # a bare 亿 counts a nation's people (`网民规模达10.67亿`, `活跃用户数超7亿`), nothing else
    if unit == "分" and not SCORED.search(words):
        return None  # a score names what it scores
    if unit == "年" and not YEARS_OF.search(words):
        return None  # a figure in years is the schooling's (`连续5年`, `用3年时间` are periods)
    if unit in ("万元", "元", "万美元") and not PER_HEAD.search(words) and not (unit == "万美元" and FOREIGN_CAPITAL.search(words)):
        return None  # a firm's or a project's money (`研发经费不低于500万元`), not the region's
    if unit.endswith("元") and SAVED.search(words):
        return None  # money saved is the effect of a policy (`电力市场交易为用户节约用电成本超100亿元`)
    if unit.endswith("元") and measure == "level" and PURPOSE_SPENDING.search(words):
        return None  # what the budget spent on a purpose is its money; its growth or share is the figure
    if baseline_year is not None:
        kind, year = "outcome", baseline_year
    else:
        kind, year = context.kind_and_year()
    if kind is None:
        return None
    indicator = known[0] if known else INNER_VERB.sub("", words)
    if known is None:
        indicator = _without_total(indicator, measure, unit)
    if over_five_years and measure == "growth" or baseline_year is None and _grew_over_five_years(indicator, measure, unit, context, position):
        indicator = _five_years(indicator)
    return Target(
        indicator=indicator, indicator_text=text_as_written, kind=kind,
        measure=measure,
        year=year, value_low=low, value_high=high, unit=unit,
        modifier=modifier_of(value.group("post"), verb, pre, own_lizheng or context.lizheng),
        sentence=sentence, position=position, start=position + start, end=position + value.end())


def _without_total(indicator: str, measure: str, unit: str) -> str:
    """`高新技术企业总数达475家`, `个体工商户总量突破10万户`: the count of 高新技术企业; `市场主体总量…增长10%`: its growth."""
    base = without_growth(indicator) if measure == "growth" else indicator
    if (unit in REACHED_UNITS or measure == "growth") and (stock := ending(STOCK_NAME, base)) \
            and _counted_entity(counted := base[:stock.start()]):
        return counted + indicator[len(base):]
    return indicator


def _counted_entity(name: str) -> bool:
    """A name of firms or bodies counted, whole without 总数 (not 人才, whose 人才资源总量 is the name)."""
    return len(name) >= 4 and name not in GENERIC and (ENTITY.search(name) is not None or name.endswith("工商户")) \
        and not name.endswith("人才")


WORKED_AREA = re.compile(r"(?:新增|治理|修复|改造|改善|提升|整治|造林|绿化)[^，、]{0,8}面积$")
COMPUTING = re.compile(r"算力|智算|超算")  # what a figure in P (PFLOPS) can be (`智算规模22万P`)


def _work_done(words: str, unit: str, value: re.Match, linked: str) -> bool:
    """A count of firms, platforms… without a level verb or bound (`引进金融机构225家`): work done in the year."""
    return unit in COUNT_UNITS and ENTITY.search(words) is not None and not STOCK.search(words) \
        and not (value.group("post") or LEVEL_VERB.search(linked))


def _count_reached(words: str, unit: str, verb: str, pre: str) -> bool:
    """`全国文明城市达到13个`: a count with a verb of reaching names the region's stock, whatever its head."""
    return (unit in REACHED_UNITS and (verb in REACH or pre in REACH) and len(words) >= 2
            and len(NAME_DIGITS.sub("", words)) - words.count("“") - words.count("”") <= 14  # (nor a threshold or quotes)
            and words not in STOCK_HEADS
            and words not in GENERIC
            and not PETITIONS.search(words)
            and not HAS_DIGIT.search(NAME_DIGITS.sub("", words)) and not ACTION.match(words)
            and not NOT_INDICATOR.search(words) and ending(GROWTH, words) is None)


def doc_in_five_years(context: _Context, position: int) -> bool:
    return bool(context.doc.five_years) and context.doc.in_five_years(position)


def _grew_over_five_years(indicator: str, measure: str, unit: str, context: _Context, position: int) -> bool:
    """A growth in % or 倍 without a year of its own in the five years past is theirs (`游客人次、旅游花费分别增长2.5倍、3倍`)."""
    return measure == "growth" and unit in ("%", "倍") and context.cue_year is None and "年均" not in indicator \
        and doc_in_five_years(context, position)


def _five_years(indicator: str) -> str:
    """`地区生产总值增长` over the five years past: `地区生产总值五年累计增长`."""
    growth = ending(GROWTH, indicator)
    if growth is None:
        return indicator + "五年累计增长"
    return indicator[:growth.start()] + "五年累计" + indicator[growth.start():]


def _again(sentence: str, position: int, start: int, value: re.Match, before: str, context: _Context) -> Target | None:
    """`增长5.5%、力争6%以上`, `确保增长6.5%、力争7%`: a second figure of the previous target's indicator."""
    last = context.last
    values = _values(value, last.measure == "growth" and ending(FALL, last.indicator_text) is not None)
    if values is None or values[2] != last.unit:
        return None
    pre = split_tail(before).pre
    target = Target(
        indicator=last.indicator, indicator_text=last.indicator_text, kind=last.kind, measure=last.measure,
        year=last.year, value_low=values[0], value_high=values[1], unit=values[2],
        modifier=modifier_of(value.group("post"), "", pre, "力争" in before),
        sentence=sentence, position=position, start=position + start, end=position + value.end())
    context.last = target
    return target


# --- lists: 分别, 均 ---------------------------------------------------------------------------------

PARALLEL = ("城镇", "农村", "城市", "乡村", "出口", "进口")  # words that stand for each other before a shared rest
SECTOR_NAMES = re.compile(
    r"(?:三次产业(?:增加值)?|第?[一二三]产?业?(?:[、和]第?[一二三]产?业?)+(?:增加值)?|[一二三]{2,3}产业?(?:增加值)?)")
# Where the rest the listed names share starts in the last of them: `城镇居民、农村居民人均可支配收入`.
INDUSTRIES = re.compile(r"(?:[两二三四五六七八九十]+大)?(?P<kind>产业集群|产业)$")  # the kind a list's names share
SHARED_REST = re.compile(r"人均|增加值|零售额|营业额|销售额|开票销售收入|销售收入|营业收入|营收|余额|贷款|投资|外资|进出口|出口|进口|规模(?!以上)|收入|产值|产量|数量|占")
# How a name before the last ends where the last's own name ends too: a sector (工业、服务业…), a place (…经开区、…高新区…).
PARALLEL_ENDS = "业区县市港控考"  # (… a level of control: `国考、省考断面水质优良比例`)
LIST_QUALIFIER = re.compile(r"(?:同比|年均|比上年|较上年|预计|按可比口径|按可比价格?(?:计算)?)$")  # `存款、贷款余额同比分别增长`
STRIVING = re.compile(r"(?:力争|争取|确保)$")
LISTED_OUTPUT = re.compile(r"实现(?P<head>产值|营业收入|营收|增加值)")
ALL_NAMED = re.compile(r"等(?:主要|核心|重要)?指标$")  # `数字经济营业收入、智算规模等主要指标均增长3倍以上`: the names listed
SECTOR_DIGITS = re.compile(r"[一二三]")
# Two names written as one (`城乡居民`, `本外币存贷款`, `实际使用内外资`).
PAIRS = {"城乡常住居民": ("城镇常住居民", "农村常住居民"), "城乡居民": ("城镇居民", "农村居民"), "存贷款": ("存款", "贷款"), "内外资": ("内资", "外资"), "客货运": ("客运", "货运"),
         "产销量": ("产量", "销量"), "产销": ("产量", "销量")}  # (`天然饮用水产销分别增长30%、25%`)
SECTORS = {"一": "第一产业增加值", "二": "第二产业增加值", "三": "第三产业增加值"}


def _listed(sentence: str, position: int, values: list[re.Match], context: _Context,
            how: str = "分别") -> tuple[list[Target], int]:
    """`城镇、农村居民人均可支配收入分别增长6%、8.3%`, `A、B、C均增长8%以上`: one target per listed
    indicator; values are the sentence's from the list's first on. Returns the targets and where the
    list's last value ends."""
    value, following_values = values[0], values[1:]
    list_start = max(sentence.rfind(c, 0, value.start()) for c in "，,；;：:。") + 1
    figures_before = list(HAS_DIGIT.finditer(_masked(sentence[list_start:value.start()])))
    if figures_before and (cut := sentence.find("、", list_start + figures_before[-1].end(), value.start())) >= 0:
        list_start = cut + 1  # `…一般公共预算收入增长17.5%、城乡居民人均可支配收入分别增长6.0%、8.3%`: the list is the last item
    lizheng = context.lizheng or OPENS_WITH_LIZHENG.match(sentence[list_start:value.start()].lstrip()) is not None
    phrase, gone = _strip_lead(sentence[list_start:value.start()], context)
    written_list = LISTED.search(phrase) is not None  # (`省级以上智能工厂、数字化车间达到56个` is one count)
    if value.group("unit") == "%" and (effect := _last_effect(phrase)):
        phrase, gone = phrase[effect:], gone + effect  # `以旧换新带动限上新能源汽车、节能家电零售额分别增长…`: what grows
    if not LISTED.search(phrase):  # a pair without 分别 (_paired): as if it were written after the names
        tail = split_tail(phrase)
        growth = ending(GROWTH, tail.words)
        names_end = growth.start() if growth else len(tail.words)
        phrase = phrase[:names_end] + how + phrase[names_end:]
    m = LIST_PHRASE.match(phrase)
    again = m is None and phrase.startswith("分别") and context.listed is not None
    if m is None and not again:
        return [], value.end()
    tail = split_tail(phrase[2:] if again else m.group("rest"))
    growth_words, verb, pre = tail.words, tail.verb, tail.pre
    lizheng = lizheng or "力争" in tail.adverbs  # `国控、省控断面水质优良率力争保持100%`
    if output := LISTED_OUTPUT.fullmatch(growth_words):
        growth_words = output.group("head")  # `五大产业集群分别实现产值148亿元、…`: each one's output
    elif growth_words and not (GROWTH.fullmatch(growth_words) or growth_words == "占比"):
        return [], value.end()
    names_text = "" if again else ALL_NAMED.sub("", m.group("names"))
    if striving := ending(STRIVING, names_text):  # `集成电路与ICT、医药健康规模力争分别达到450亿元和430亿元`
        names_text = names_text[:striving.start()]
        lizheng = lizheng or striving.group() != "确保"
    if growth_words and names_text.endswith("年均"):
        growth_words = "年均" + growth_words  # `一二三产增加值年均分别增长`: each one's average growth
    elif not growth_words and m is not None and m.group("how") == "均" and (growth := ending(GROWTH, names_text)) \
            and growth.start() and not canonical(SHARED_NAMES.split(names_text)[-1]):
        # `本外币存贷款增速均达到12%`: the growth word written before 均 is each one's (but `…居民消费价格涨幅` is a name)
        names_text, growth_words = names_text[:growth.start()], names_text[growth.start():]
    values = [value]
    if not again and m.group("how") == "均":  # one value for all
        names = [LEAD.sub("", n) for n in SHARED_NAMES.split(names_text) if n]
        names = _pair(names[0]) if len(names) == 1 else _with_shared_rest(names)  # (a pair is whole: 本外币存款, 本外币贷款)
    else:
        for following in following_values:
            if not LIST_GAP.fullmatch(sentence[values[-1].end():following.start()]):
                break
            values.append(following)
        names = context.listed[0] if again else _respective_names(names_text, len(values))
        heads = names_text.split("、")
        if not names and not again and not context.subject and len(heads) == len(values) and all(h in GENERIC for h in heads) \
                and (industry := _opening_industry(sentence, list_start)):
            names = [industry + head for head in heads]  # `医药产业集聚发展，营业收入、利润分别增长11.5%和15%`: the industry's
        elif not again and not context.subject and len(heads) == len(values) and all(h in FIRM_HEADS for h in heads) \
                and (holder := STATE_FIRMS.match(sentence)):
            names = [holder.group("firms") + head for head in heads]  # `市属国企效益持续提升，利润总额、上缴税费分别增长…`
        one_for_all = len(values) == 1 and len(names) > 1 and not HAS_DIGIT.match(sentence, value.end() + 1)
        if len(values) != len(names) and not one_for_all:  # (`分别达到10.8万个、10万架`: a second figure not read)
            return [], values[-1].end()  # (`氢能、生物制造…产业营业收入分别增长20%以上`: one figure, each name's)
        context.listed = (names, context.listed[1] if again else names_text)
    kind, year = context.kind_and_year()
    if not names or kind is None:
        return [], values[-1].end()
    shared_post = values[-1].group("post")  # `分别增长13%、20%左右`: 左右 for both
    targets = []
    for i, name in enumerate(names):
        v = values[min(i, len(values) - 1)]
        words = name + GROWTH_QUALIFIER.sub("", growth_words)
        known = canonical(words)
        figures = _values(v, ending(FALL, words) is not None)
        measure = measure_of(words, known, figures[2]) if figures else None
        if known is None and not (indicator_like(words) or written_list and figures and _count_reached(words, figures[2], verb, pre)) \
                or measure is None:
            return [], values[-1].end()  # (`国家级制造业单项冠军、专精特新“小巨人”分别达到43家、322家`: counts reached)
        if known is None and _work_done(words, figures[2], v, verb + pre):
            return [], values[-1].end()  # (`新增…，有资质的建筑业企业、房地产开发经营企业70家`)
        indicator = known[0] if known else _without_total(words, measure, figures[2])
        if _grew_over_five_years(indicator, measure, figures[2], context, position):
            indicator = _five_years(indicator)
        targets.append(Target(
            indicator=indicator,
            indicator_text=context.listed[1] if again or m.group("how") == "分别" else name,
            kind=kind, measure=measure, year=year, value_low=figures[0], value_high=figures[1], unit=figures[2],
            modifier=modifier_of(v.group("post") or shared_post, verb, pre, lizheng),
            sentence=sentence, position=position, start=position + list_start + gone, end=position + v.end()))
    return targets, values[-1].end()


LIST_GROUP = re.compile(r"(?<=.)[两二三四五六七八九十]大(?=产业|行业|集群)")  # the names listed counted again


def _respective_names(text: str, count: int) -> list[str]:
    """The count indicators of `城镇、农村居民人均可支配收入`, `城乡居民…`, `一、二、三产`, `一二三产`,
    `A、B和C`, `软件和信息技术服务业、电子信息制造业规模` (split at 、 first, then also at 和与及)."""
    text = LIST_GROUP.sub("", LIST_QUALIFIER.sub("", text.removeprefix("其中")))  # (`食品加工、畜牧水产两大产业集群营收`)
    if pair := _pair(text):
        return pair
    if SECTOR_NAMES.fullmatch(text):
        return [SECTORS[c] for c in ("一二三" if text.startswith("三次") else SECTOR_DIGITS.findall(text))]
    items = [i for i in text.split("、") if i]
    if len(items) != count:
        items = [i for i in LIST_NAMES.split(text) if i]
    if len(items) < 2:
        return []
    if "等" in items[-1] and (rest := SHARED_REST.search(group := items[-1].split("等", 1)[1])):
        # `锂电池、太阳能电池等“新三样”出口`: 太阳能电池出口; `…节能环保等产业增加值`: 节能环保产业增加值
        shared = rest.start() - 2 if group[:rest.start()].endswith("产业") else rest.start()
        items[-1] = items[-1].split("等", 1)[0] + group[shared:]
    elif "等" in items[-1] and items[-1].endswith("等产业"):
        items[-1] = items[-1][:-3] + "产业"  # `有色金属、医药化工、食品饮料等产业分别增长`: 食品饮料产业
    if SCOPE.sub("", items[0]).startswith("粮食"):  # `粮食播种面积和产量`, `全市粮食播面、总产`
        items = [("粮食产量" if i in GRAIN_OUTPUT else i) for i in items]
        if all(canonical(i) for i in items):
            return items  # `粮食播面、总产`: 粮食播种面积 and 粮食产量, no shared rest
    last = items[-1]
    shared = next((last[len(w):] for w in PARALLEL if last.startswith(w)), "")
    if shared and all(i in PARALLEL for i in items[:-1]):
        return [i + shared for i in items[:-1]] + [last]  # 城镇、农村常住居民…: 城镇 + 常住居民…
    items = _with_shared_rest(items)
    # (a three-character name is one only when it ends with a head word: 口岸货运量、客运量)
    return items if all(len(i) >= 4 or len(i) == 3 and len(_head_word(i)) >= 2 for i in items) else []


def _pair(text: str) -> list[str]:
    return next(([text.replace(w, a, 1), text.replace(w, b, 1)] for w, (a, b) in PAIRS.items() if w in text), [])


def _with_shared_rest(items: list[str]) -> list[str]:
    """Names without a head of their own take the last one's: `集成电路、汽车零配件、锂电池出口`; where
    the last has none of the shared rests, the next name's head word (`农村卫生户厕、生活垃圾处理设施覆盖率
    和生活污水治理率`); a bare head after a name takes its qualifier (`技术合同登记数、成交额`)."""
    if len(items) < 2:
        return items
    if water := _water_bodies(items):
        return water
    if items[-1] in GENERIC and (holder := HOLDER_PREFIX.match(items[0])):
        return items[:-1] + [holder.group() + items[-1]]  # `市属国企资产总额、营业收入`: the firms' 营业收入
    items = _qualified(items)
    rest = SHARED_REST.search(items[-1], 1)
    if rest and (parallel := _parallel_end(items[0], items[-1], rest.start())) and parallel < rest.start():
        shared = items[-1][parallel:]  # `徐州经开区、徐州高新区工业开票销售收入`, `炼铁、炼钢先进产能占比`: the rest after the last's name
        return [i if _has_head(i) or "占" in i else i + shared for i in items[:-1]] + [items[-1]]
    if rest and items[-1].startswith("占", rest.start()):
        # `清洁能源装机容量和发电量占比`: each one's share; a bare head takes the first name's qualifier
        shared, base, first_head = items[-1][rest.start():], items[-1][:rest.start()], _head_word(items[0])
        # (a name that is a rate already keeps it: `乡村中小学强校扩优覆盖率、省一类以上优质幼儿园占比`)
        named = [i if "占" in i or i.endswith("率") or SHARE.search(i) else i + shared for i in items[:-1]] + [items[-1]]
        if base in HEAD_WORDS and first_head and len(first_head) < len(items[0]):
            named[-1] = items[0][:-len(first_head)] + items[-1]
        return named
    if "的" in items[-1][1:-1] and _head_word(shared := items[-1][items[-1].rfind("的") + 1:]):
        # `市人大代表建议、政协委员提案的办理满意率`: what follows 的 is every name's
        return [i if i.endswith(HEAD_WORDS) else i + shared for i in items[:-1]] + [items[-1]]
    if not rest and (industry := INDUSTRIES.search(items[-1])) and industry.start() >= 2:
        # `循环经济、清洁能源、卫浴产业分别增长`: each one an industry (循环经济产业); `…、汽车零部件五大产业集群`: each a cluster
        kind = industry.group("kind")
        return [i if i.endswith(("业", kind)) else i + kind for i in items[:-1]] + [items[-1][:industry.start()] + kind]
    if rest:
        shared = items[-1][rest.start():]
        for kind in ("产业集群", "产业"):  # `氢能、生物制造、…低空经济产业营业收入`: each one's 产业 (or cluster)
            if items[-1].endswith(kind + shared):
                return [i if _has_head(i) else i + ("" if kind == "产业" and i.endswith("业") else kind) + shared
                        for i in items[:-1]] + [items[-1]]
        return [i if _has_head(i) else i + shared for i in items[:-1]] + [items[-1]]
    last = items[-1]
    if last.endswith("率") and all(_parallel_rate(item, last) for item in items[:-1]):
        return [item + last[len(item):] for item in items[:-1]] + [last]  # `食品、药品抽检合格率`: 食品抽检合格率
    if last.endswith("率") and all(len(i) >= 3 and not _has_head(i) and 0 < last.find(i[-2:], 1) < len(last) - 4
                                   for i in items[:-1]):
        # `城市生活垃圾和建筑垃圾利用率`: the word both end with, then the rate of each
        return [i + last[last.find(i[-2:], 1) + 2:] for i in items[:-1]] + [last]
    named = list(items)
    for k, item in enumerate(items[:-1]):
        following = items[k + 1]
        if item.endswith(HEAD_WORDS) or item.endswith("量"):  # (`原油加工量、天然气产量、发电量`: a quantity already)
            continue
        if 3 <= len(item) <= 4 and following[0] == item[0] and len(following) > len(item) + 1 and following.endswith("率"):
            named[k] = item + following[len(item):]  # `高中阶段和高等教育毛入学率`: what follows the parallel name
        elif INSURANCE.search(item) and following.endswith("参保率"):
            named[k] = item + "参保率"  # `城乡基本养老、医保参保率`: each insurance's rate
        elif len(head := _head_word(following)) >= 2 or len(head := _head_word(last)) >= 2 and SHARE.search(head):
            named[k] = item + head  # (a bare 率 is not what `受污染耕地和污染地块安全利用率` share; `卫生厕所、垃圾收转运、…覆盖率`)
    return named


# The state firms a sentence opens with, whose bare heads follow (`市属国企改革成效明显，营收、利润总额分别增长…`).
STATE_FIRMS = re.compile(r"^(?P<firms>(?:市属|省属|区属|州属|县属)(?:国企|国有企业)|国有企业)[^，,]{0,10}[，,]")
FIRM_HEADS = GENERIC | {"营收", "利润总额", "净利润", "上缴税费", "资产总额", "总资产"}
INSURANCE = re.compile(r"(?:养老|医保|医疗|失业|工伤|生育)(?:保险)?$")


def _qualified(items: list[str]) -> list[str]:
    """A bare head after a name takes that name's qualifier: `技术合同登记数、成交额` (技术合同成交额), `旅游总人次、总收入`
    (旅游总收入)."""
    first_head = _head_word(items[0])
    if not first_head or len(first_head) == len(items[0]) or items[0] in GENERIC:
        return items  # (`营业收入、利润`: a bare head qualifies nothing)
    qualifier = items[0][:-len(first_head)]
    return [items[0]] + [i if i not in (*HEAD_WORDS, *GENERIC) or i in REGION_HEADS
                         else (qualifier.removesuffix("总") if i.startswith("总") else qualifier) + i for i in items[1:]]


HOLDER_PREFIX = re.compile(r"^[^、，]+?(?:国企|国有企业|企业|公司|集团)(?=..)")


def _water_bodies(items: list[str]) -> list[str]:
    """`集中式饮用水水源地、主要流域国省控断面水质达标率`, `地表水、近岸海域水质优良比例`: water bodies before a rate of
    water quality each take it (`国、省考断面…`: a one-character level takes what follows the last one's); [] when the
    names before the last say what they measure or are cut short (`地表水国、省控面…`)."""
    last = items[-1]
    if not WATER_RATE.search(last) or any(_head_word(item) for item in items[:-1]):
        return []
    if all(len(item) == 1 for item in items[:-1]):
        # (but `市、县两级饮用水水源水质达标率` is one rate of both)
        return [] if re.match(r".[两各]级", last) else [item + last[1:] for item in items[:-1]] + [last]
    named = []
    for item in items[:-1]:
        if item[-1] in "控考" and (level := last.find(item[-1], 1, last.index("水质", 1))) > 0:
            named.append(item + last[level + 1:])  # `国控、省控断面水质优良率`: what follows the level is each one's
        elif len(item) < 3 or item[-1] in "国省市县区控考":
            return []
        else:
            named.append(item + last[last.index("水质", 1):])
    return named + [last]


def _parallel_end(first: str, last: str, rest: int) -> int | None:
    """Where the name the last item opens with ends, when it parallels the first item: before the shared
    rest found at rest, it ends with the first's closing sector or place word (`徐州经开区` / `徐州高新区工业开票销售收入`,
    `规上制造业` / `工业战略性新兴产业增加值`), or it is as short as the first and opens with the same character
    (`炼铁` / `炼钢先进产能占比`)."""
    if len(first) < 2 or last.startswith(first):
        return None  # (`工业、制造业、工业技改投资`: the last refines the first, it shares only 投资)
    if first[-1] in PARALLEL_ENDS and (end := last.rfind(first[-1], 1, rest)) > 0:
        return end + 1 if _head_word(last[end + 1:]) or last.startswith("占", end + 1) else None
    if len(first) <= 3 and last[0] == first[0] and len(last) > len(first) + 1 and SHARE.search(last):
        return len(first)  # (only a share: in `高铁、高速公路通车里程` the parallel name is longer than the first)
    return None


def _parallel_rate(item: str, last: str) -> bool:
    """`食品` before `药品抽检合格率`, `基本养老保险` before `基本医疗保险参保率`: a name without a head, as long as the
    name the rate opens with and ending with the same character."""
    if len(item) < 2 or _has_head(item) or len(last) <= len(item) + 1 or HAS_DIGIT.search(item):
        return False
    # (or both open with the same words: `基本养老`, `基本医疗保险参保率`)
    return last[len(item) - 1] == item[-1] or len(item) >= 4 and last[:2] == item[:2] and item[2:] not in last


def _head_word(name: str) -> str:
    return max((w for w in HEAD_WORDS if name.endswith(w)), key=len, default="")


def _has_head(name: str) -> bool:
    """Whether a listed name says what is measured (`社会消费品零售总额`); a sector (`限上住宿业`,
    `服务贸易`) does not, nor do deposits before `贷款余额` (`本外币存款、贷款余额`)."""
    return SHARED_REST.search(name) is not None or name.endswith(HEAD_WORDS) and not name.endswith(("业", "贸易", "存款", "贷款", "储能")) \
        or len(name) >= 4 and name.endswith(("人数", "游客数", "户数", "企业数"))  # (`接待游客数、旅游收入均增长16%`)
