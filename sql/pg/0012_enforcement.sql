-- 0012_enforcement.sql (PostgreSQL): the 行政执法 registries (tasks 13 and 14 of
-- the plan): 执法人员, the roster of 行政执法证件 of each 执法主体, and
-- 执法决定, each decision with its kind, dates of decision, 法制审核 and
-- publication, audio-video record and officers; the columns are the
-- fields of src/core/reg_enforcer.c and reg_enforcement.c (是/否 as 1/0).
-- Four indicators, version 1: 公示及时率, 重大执法决定法制审核率,
-- 全程音像记录率 and 执法证件有效率 (docs/ARCHITECTURE.md).

-- 执法人员 (task 14).
CREATE TABLE reg_enforcer (
	id		BIGSERIAL PRIMARY KEY,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),	-- 执法主体
	cert_no		TEXT NOT NULL,		-- 执法证号
	name		TEXT NOT NULL,		-- 姓名
	category	TEXT,			-- 执法门类
	issuer		TEXT,			-- 发证机关
	issued		TEXT NOT NULL,		-- 发证日期 YYYY-MM-DD
	expires		TEXT NOT NULL,		-- 有效期至
	status		TEXT,			-- 状态
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, cert_no)
);
CREATE INDEX reg_enforcer_issued ON reg_enforcer (issued);
CREATE INDEX reg_enforcer_expires ON reg_enforcer (expires);

-- 执法决定 (tasks 13 and 14).
CREATE TABLE reg_enforcement (
	id		BIGSERIAL PRIMARY KEY,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),	-- 执法主体
	doc_no		TEXT NOT NULL,		-- 决定书文号
	kind		TEXT NOT NULL,		-- 执法类别
	party		TEXT NOT NULL,		-- 当事人
	matter		TEXT,			-- 事项名称
	decided		TEXT NOT NULL,		-- 决定日期 YYYY-MM-DD
	major		INTEGER,		-- 是否重大执法决定 1/0
	reviewed	TEXT,			-- 法制审核日期
	opinion		TEXT,			-- 法制审核意见
	published	TEXT,			-- 公示日期
	av_required	INTEGER,		-- 是否须全程音像记录 1/0
	av_record	INTEGER,		-- 是否全程音像记录 1/0
	officers	TEXT,			-- 执法人员证号
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, doc_no)
);
CREATE INDEX reg_enforcement_decided ON reg_enforcement (decided);

-- The four indicators, version 1.
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at) VALUES
('enforcement.publish_timely_rate', 1, '公示及时率', 'enforcement', 'rate', '{"any": [{"all": [{"op": "in", "field": "kind", "values": ["行政许可", "行政处罚"]}, {"op": "within", "field": "published", "from": "decided", "workdays": "$license_penalty_workdays"}]}, {"all": [{"not": {"op": "in", "field": "kind", "values": ["行政许可", "行政处罚"]}}, {"op": "within", "field": "published", "from": "decided", "workdays": "$other_workdays"}]}]}', '{"any": [{"op": "set", "field": "published"}, {"all": [{"op": "in", "field": "kind", "values": ["行政许可", "行政处罚"]}, {"op": "past", "field": "decided", "workdays": "$license_penalty_workdays"}]}, {"all": [{"not": {"op": "in", "field": "kind", "values": ["行政许可", "行政处罚"]}}, {"op": "past", "field": "decided", "workdays": "$other_workdays"}]}]}', '{"license_penalty_workdays": 7, "other_workdays": 20}', 100, '>=', '%', 'unit', '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）“加强事后公开”：执法决定信息在执法决定作出之日起20个工作日内向社会公布，行政许可、行政处罚的执法决定信息在7个工作日内公开（期限据国务院新闻办2019年1月4日发布会的报道核对，文件原文未读到，条文待核对）。指标见莘政办发〔2022〕5号第14项“全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度”。', 'law', '公示及时率 = 按期公示的执法决定 ÷ 应公示的执法决定。按期：行政许可、行政处罚的决定在决定日期后 license_penalty_workdays 个工作日内公示，其他执法决定在 other_workdays 个工作日内公示（第1个工作日为决定日期后的第一个工作日，按法定工作日历计，节假日不计、调休上班日计入）。应公示的：决定日期在统计年度内，截至统计日已公示或已超过公示期限的决定；尚未到期限又未公示的不计入（本系统定义）。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('enforcement.major_review_rate', 1, '重大执法决定法制审核率', 'enforcement', 'rate', '{"all": [{"op": "set", "field": "reviewed"}, {"op": "in", "field": "opinion", "values": ["同意", "修改后同意"]}]}', '{"op": "eq", "field": "major", "value": true}', '{}', 100, '>=', '%', 'unit', '国办发〔2018〕118号“重大执法决定法制审核制度”：重大执法决定未经法制审核或者审核未通过的，不得作出决定（文件原文未读到，条文待核对）；《中华人民共和国行政处罚法》（2021年修订）第五十八条：重大行政处罚决定作出之前应当进行法制审核，未经法制审核或者审核未通过的，不得作出决定。指标见莘政办发〔2022〕5号第14项“全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度”。', 'law', '重大执法决定法制审核率 = 决定前经法制审核且审核通过（意见为同意或修改后同意）的重大执法决定 ÷ 重大执法决定（是否重大执法决定为“是”、决定日期在统计年度内）。法制审核日期晚于决定日期的记录不能登记；审核意见为不同意而仍作出决定的计为未通过。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('enforcement.av_record_rate', 1, '全程音像记录率', 'enforcement', 'rate', '{"op": "eq", "field": "av_record", "value": true}', '{"any": [{"op": "eq", "field": "av_required", "value": true}, {"all": [{"op": "eq", "field": "kind", "value": "行政强制"}, {"not": {"op": "eq", "field": "av_required", "value": false}}]}]}', '{}', 100, '>=', '%', 'unit', '国办发〔2018〕118号“全面推行执法全过程记录制度”；莘政办发〔2022〕5号第14项：“对查封扣押财产、强制拆除等直接涉及人身自由、生命健康、重大财产权益的现场执法活动和执法办案场所，要实行全程音像记录”。', 'law', '全程音像记录率 = 全程音像记录的执法决定 ÷ 须全程音像记录的执法决定。须记录的：“是否须全程音像记录”为“是”的，以及执法类别为行政强制（查封、扣押财产，强制拆除等）且未填“否”的决定（范围的划定为本系统定义，单位可逐件标明）。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('enforcer.valid_rate', 1, '执法证件有效率', 'enforcer', 'rate', '{"not": {"op": "past", "field": "expires", "days": 0}}', '{"op": "eq", "field": "status", "value": "有效"}', '{}', 100, '>=', '%', 'unit', '本系统定义。依据：《中华人民共和国行政处罚法》第四十二条“行政处罚应当由具有行政执法资格的执法人员实施”；莘政办发〔2022〕5号第14项“健全完善执法主体、执法人员备案登记制度”；山东省行政执法证件管理的规定（《山东省行政执法证件管理办法》）原文未读到，条款待核对。', 'ours', '执法证件有效率 = 状态为“有效”且有效期至不早于统计日的执法证件 ÷ 状态为“有效”的执法证件。执法人员是名册：发证日期在统计期末（统计年度末或统计日，取早者）以前的证件都在册，不只当年发证的；状态是登记的当前状态，暂扣、注销、吊销的不计入。持证执法率（执法决定的执法人员均持有效执法证件的比例）需要把执法决定的“执法人员证号”逐一对应到本台账的执法证号及其有效期，本系统尚未计算。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
