-- 0010_litigation.sql: the registries of 行政应诉 (task 19 of the
-- reference plan: "负责人100%出庭应诉") and 行政复议 (task 18: 调解和解,
-- 纠错), with their indicators. Columns are the fields of the descriptors
-- in src/core/reg_litigation.c and src/core/reg_reconsideration.c.

-- 行政应诉: one record per hearing (开庭) of a case in one instance (审级),
-- or one per case-instance not heard, kept by the defendant (被告) unit.
-- A year counts the records whose 应诉通知日期 falls in it, so every
-- hearing of an instance is counted in the same year.
CREATE TABLE reg_litigation (
	id		INTEGER PRIMARY KEY,
	unit_id		INTEGER NOT NULL REFERENCES unit(id),	-- 被告
	reg_no		TEXT NOT NULL,		-- 登记编号 (案号 and hearing)
	case_no		TEXT NOT NULL,		-- 案号
	cause		TEXT NOT NULL,		-- 案由
	plaintiff	TEXT,			-- 原告
	court		TEXT NOT NULL,		-- 法院
	instance	TEXT NOT NULL,		-- 审级 一审 二审 再审
	noticed		TEXT NOT NULL,		-- 应诉通知日期 YYYY-MM-DD
	heard		INTEGER NOT NULL,	-- 是否开庭 1 0
	hearing_date	TEXT,			-- 开庭日期
	head		TEXT,			-- 出庭负责人
	head_rank	TEXT,			-- 职务级别
	absence_reason	TEXT,			-- 未出庭原因
	staff		TEXT,			-- 出庭应诉工作人员
	outcome		TEXT,			-- 裁判结果
	judged		TEXT,			-- 裁判日期
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, reg_no)
);
CREATE INDEX reg_litigation_noticed ON reg_litigation (noticed);
CREATE INDEX reg_litigation_case ON reg_litigation (case_no, instance);

-- 行政复议: one record per accepted case, kept by the 行政复议机构 (the
-- county's 司法局) that handles it; 被申请人 is the unit whose act is
-- reviewed. A year counts the cases accepted (受理) in it.
CREATE TABLE reg_reconsideration (
	id		INTEGER PRIMARY KEY,
	agency_id	INTEGER NOT NULL REFERENCES unit(id),	-- 复议机构
	case_no		TEXT NOT NULL,		-- 案号
	applicant	TEXT NOT NULL,		-- 申请人
	respondent_id	INTEGER NOT NULL REFERENCES unit(id),	-- 被申请人
	act		TEXT,			-- 被申请复议的行政行为
	applied		TEXT NOT NULL,		-- 申请日期
	accepted	TEXT NOT NULL,		-- 受理日期
	simple		INTEGER,		-- 是否适用简易程序 (NULL: 否)
	extended	INTEGER,		-- 是否延期 (NULL: 否)
	concluded	TEXT,			-- 审结日期
	closing		TEXT,			-- 结案方式
	decision	TEXT,			-- 决定类型
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (agency_id, case_no)
);
CREATE INDEX reg_reconsideration_accepted ON reg_reconsideration (accepted);

-- The indicators of tasks 19 and 18, version 1.
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at) VALUES
('litigation.head_rate', 1, '负责人出庭应诉率', 'litigation', 'rate', '{"op": "in", "field": "head_rank", "values": ["正职", "副职", "分管负责人"]}', '{"all": [{"op": "eq", "field": "heard", "value": true}, {"op": "set", "field": "hearing_date"}]}', '{"group_by": ["case_no", "instance"]}', 100, '>=', '%', 'unit', '《中华人民共和国行政诉讼法》第三条第三款“被诉行政机关负责人应当出庭应诉”；《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》（法释〔2020〕3号）第二条：负责人包括行政机关的正职、副职负责人、参与分管被诉行政行为实施工作的副职级别的负责人以及其他参与分管的负责人，被诉行政机关委托的组织或者下级行政机关的负责人不能作为被诉行政机关负责人出庭；第七条：同一审级需要多次开庭的同一案件，负责人到庭参加一次庭审的，一般可以认定其已经履行出庭应诉义务，在一个审理程序中出庭不免除其在其他审理程序出庭的义务。指标见莘政办发〔2022〕5号第19项“确保行政案件涉案部门负责人100%出庭应诉”。', 'law', '负责人出庭应诉率 = 负责人出庭应诉的案件审级数 ÷ 已开庭审理的案件审级数。按案号和审级计数：同一案件的一审、二审、再审各为一个审级；统计日前已开庭的审级计入分母，其中负责人（职务级别为正职、副职或分管负责人）到庭参加过至少一次庭审的计入分子，多次开庭只须到庭一次（法释〔2020〕3号第七条）。未开庭审理的（如二审书面审理）不计入。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('litigation.chief_rate', 1, '主要负责人出庭应诉率', 'litigation', 'rate', '{"op": "eq", "field": "head_rank", "value": "正职"}', '{"all": [{"op": "eq", "field": "heard", "value": true}, {"op": "set", "field": "hearing_date"}]}', '{"group_by": ["case_no", "instance"]}', NULL, NULL, '%', 'unit', '莘政办发〔2022〕5号第19项“提高主要负责人出庭应诉比例”（未定目标值）；主要负责人即正职负责人，见《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》（法释〔2020〕3号）第二条。比例的算法为本系统定义。', 'ours', '主要负责人出庭应诉率 = 正职负责人到庭参加过庭审的案件审级数 ÷ 已开庭审理的案件审级数（按案号和审级计数，分母同负责人出庭应诉率）（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('litigation.first_loss_rate', 1, '一审败诉率', 'litigation', 'rate', '{"op": "in", "field": "outcome", "values": ["撤销", "确认违法", "确认无效", "责令履行", "给付", "变更"]}', '{"all": [{"op": "eq", "field": "instance", "value": "一审"}, {"op": "set", "field": "judged"}, {"op": "in", "field": "outcome", "values": ["驳回诉讼请求", "撤销", "确认违法", "确认无效", "责令履行", "给付", "变更"]}]}', '{"group_by": ["case_no", "instance"]}', NULL, NULL, '%', 'unit', '判决的种类见《中华人民共和国行政诉讼法》第六十九条（驳回诉讼请求）、第七十条（撤销或者部分撤销）、第七十二条（责令履行）、第七十三条（给付）、第七十四条（确认违法）、第七十五条（确认无效）、第七十七条（变更）。哪些判决算败诉、以什么为分母为本系统定义。', 'ours', '一审败诉率 = 一审判决被告败诉的案件 ÷ 一审作出判决的案件（本系统定义）。败诉：判决撤销或者部分撤销、确认违法、确认无效、责令履行、给付、变更；胜诉：判决驳回诉讼请求。裁定驳回起诉、原告撤诉、调解结案的不是判决，不计入分母（有的地方以全部审结案件为分母，可修改定义）。按案号和审级计数；裁判日期在统计日之后的不计入。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('reconsideration.correction_rate', 1, '行政复议纠错率', 'reconsideration', 'rate', '{"all": [{"op": "eq", "field": "closing", "value": "决定"}, {"op": "in", "field": "decision", "values": ["变更", "撤销", "确认违法", "责令履行", "确认无效"]}]}', '{"op": "set", "field": "concluded"}', '{}', NULL, NULL, '%', 'county', '《中华人民共和国行政复议法》（2023年修订，2024年1月1日起施行）第六十三条（变更）、第六十四条（撤销或者部分撤销）、第六十五条（确认违法）、第六十六条（责令履行）、第六十七条（确认无效）；第六十八条（维持）、第六十九条（驳回请求）不是纠错。指标见莘政办发〔2022〕5号第18项“加大行政复议纠错力度”。分母为本系统定义。', 'law', '行政复议纠错率 = 决定变更、撤销、确认违法、责令履行、确认无效的案件 ÷ 审结的案件。分母为统计日前审结的全部案件，含调解、和解后撤回申请和终止的（本系统定义；有的地方只以作出决定的案件为分母）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('reconsideration.settle_rate', 1, '行政复议调撤率', 'reconsideration', 'rate', '{"op": "in", "field": "closing", "values": ["调解", "和解后撤回申请"]}', '{"op": "set", "field": "concluded"}', '{}', NULL, NULL, '%', 'county', '《中华人民共和国行政复议法》（2023年修订）第七十三条（调解书）、第七十四条（当事人和解后由申请人撤回行政复议申请）；莘政办发〔2022〕5号第18项“加强运用行政复议调解和解方式解决行政争议”。比例的算法为各地通行的“调撤率”，分母为本系统定义。', 'practice', '行政复议调撤率 = 调解结案和和解后撤回申请的案件 ÷ 审结的案件（分母同行政复议纠错率）。未经和解撤回申请的，按终止登记，不计入分子（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('reconsideration.timely_rate', 1, '行政复议按期审结率', 'reconsideration', 'rate', '{"any": [{"all": [{"op": "eq", "field": "simple", "value": true}, {"op": "within", "field": "concluded", "from": "accepted", "days": "$simple_days"}]}, {"all": [{"not": {"op": "eq", "field": "simple", "value": true}}, {"not": {"op": "eq", "field": "extended", "value": true}}, {"op": "within", "field": "concluded", "from": "accepted", "days": "$normal_days"}]}, {"all": [{"not": {"op": "eq", "field": "simple", "value": true}}, {"op": "eq", "field": "extended", "value": true}, {"op": "within", "field": "concluded", "from": "accepted", "days": "$extended_days"}]}]}', '{"any": [{"op": "set", "field": "concluded"}, {"all": [{"op": "eq", "field": "simple", "value": true}, {"op": "past", "field": "accepted", "days": "$simple_days"}]}, {"all": [{"not": {"op": "eq", "field": "simple", "value": true}}, {"not": {"op": "eq", "field": "extended", "value": true}}, {"op": "past", "field": "accepted", "days": "$normal_days"}]}, {"all": [{"op": "eq", "field": "extended", "value": true}, {"op": "past", "field": "accepted", "days": "$extended_days"}]}]}', '{"normal_days": 60, "extended_days": 90, "simple_days": 30}', 100, '>=', '%', 'county', '《中华人民共和国行政复议法》（2023年修订，2024年1月1日起施行）第六十二条：适用普通程序的，自受理申请之日起六十日内作出行政复议决定，情况复杂的经行政复议机构的负责人批准可以适当延长，延长期限最多不得超过三十日；适用简易程序的，自受理申请之日起三十日内作出。第八十八条只把“三日”“五日”“七日”“十日”定为工作日，六十日、三十日是自然日，期间依照民事诉讼法计算（开始的日不计入）（第八十八条条款待核对）。', 'law', '行政复议按期审结率 = 在期限内审结的案件 ÷ 应审结的案件。应审结：统计日前已审结，或已超过期限仍未审结的案件；期限未到又未审结的不计入。期限自受理日期的次日起按自然日计算：普通程序 normal_days 日，经批准延期的 extended_days 日（60 + 30），简易程序 simple_days 日；第 60 日审结的按期，第 61 日审结的超期。期限最后一日为法定休假日的，依民事诉讼法顺延至休假日后的第一日，中止审理的时间也不计入审理期限：本指标均未计入，遇此情形请人工核对。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Plans already imported: their indicators named as a definition link to it.
INSERT INTO indicator_link (task_id, name, def_key, source, linked_by,
	linked_at)
SELECT i.task_id, i.name, min(d.key), 'auto', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM indicator i JOIN indicator_def d ON d.name = i.name AND d.version = 1
WHERE d.registry IN ('litigation', 'reconsideration')
	AND NOT EXISTS (SELECT 1 FROM indicator_link l
	    WHERE l.task_id = i.task_id AND l.name = i.name)
GROUP BY i.task_id, i.name;
