-- 0011_ratings.sql (PostgreSQL): the registry of 政务服务“好差评” (task 8 of
-- the reference plan): one row per rating, kept by the unit that handled
-- the matter, with the 差评 workflow as dated stages (受理, 回访核实, 申诉
-- and its 复核, 整改, 反馈, 信息公开, 结果应用); its columns are the fields
-- of src/core/reg_rating.c. Four indicators over it: 差评整改率, 差评反馈率
-- (task 8's), 实名差评回访率 and 差评按期整改率, limits in working days.

CREATE TABLE reg_rating (
	id		BIGSERIAL PRIMARY KEY,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),	-- 办理单位
	rating_no	TEXT NOT NULL,		-- 评价编号
	item		TEXT NOT NULL,		-- 服务事项
	rated_on	TEXT NOT NULL,		-- 评价日期 YYYY-MM-DD
	channel		TEXT NOT NULL,		-- 评价渠道
	real_name	INTEGER NOT NULL,	-- 是否实名 (1 是, 0 否)
	grade		TEXT NOT NULL,		-- 评价等级
	content		TEXT,			-- 评价内容
	accepted	TEXT,			-- 受理日期
	visited		TEXT,			-- 回访核实日期
	verdict		TEXT,			-- 核实结论
	appealed	TEXT,			-- 申诉日期
	appeal_decided	TEXT,			-- 复核日期 (supervisor)
	appeal_result	TEXT,			-- 申诉结果 (supervisor)
	measures	TEXT,			-- 整改措施
	fixed		TEXT,			-- 整改完成日期
	feedback	TEXT,			-- 反馈日期
	feedback_way	TEXT,			-- 反馈方式
	satisfaction	TEXT,			-- 评价人满意度
	disclosed	TEXT,			-- 信息公开日期
	application	TEXT,			-- 结果应用
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, rating_no)
);
CREATE INDEX reg_rating_rated_on ON reg_rating (rated_on);

-- The four rates, version 1.
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at) VALUES
('rating.fix_rate', 1, '差评整改率', 'rating', 'rate', '{"op": "set", "field": "fixed"}', '{"all": [{"op": "in", "field": "grade", "values": ["不满意", "非常不满意"]}, {"not": {"all": [{"op": "eq", "field": "appeal_result", "value": "申诉成立"}, {"op": "set", "field": "appeal_decided"}]}}, {"any": [{"op": "set", "field": "fixed"}, {"op": "past", "field": "accepted", "workdays": "$fix_days"}, {"all": [{"op": "unset", "field": "accepted"}, {"op": "past", "field": "rated_on", "workdays": "$fix_days"}]}]}]}', '{"fix_days": 5}', 100, '>=', '%', 'unit', '《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）要求建立差评和投诉问题调查核实、督促整改和反馈机制，实名差评回访整改率达到100%；《山东省建立政务服务“好差评”制度工作方案》（鲁政办发〔2020〕10号）：收到差评后由业务办理单位第一时间安排专人回访核实，核实整改情况及时向企业和群众反馈，确保差评件件有整改、有反馈，实名差评回访率达到100%（条款待核对）。指标见莘政办发〔2022〕5号第8项“确保差评件件有整改、有反馈”。整改期限 fix_days 个工作日：德州市方案“应于5个工作日内整改反馈”，他处有15个工作日内整改到位的（各地不一，可调整）。', 'law', '差评整改率 = 已整改完成的差评 ÷ 应整改的差评。应整改的差评：评价日期在统计年度内、评价等级为不满意或非常不满意，截至统计日已整改完成，或自受理之日（未受理的自评价之日）起已超过 fix_days 个工作日的差评；申诉成立（复核认定为误评、不实或恶意差评）的差评不计入。（本系统定义）', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('rating.feedback_rate', 1, '差评反馈率', 'rating', 'rate', '{"op": "set", "field": "feedback"}', '{"all": [{"op": "in", "field": "grade", "values": ["不满意", "非常不满意"]}, {"not": {"all": [{"op": "eq", "field": "appeal_result", "value": "申诉成立"}, {"op": "set", "field": "appeal_decided"}]}}, {"any": [{"op": "set", "field": "fixed"}, {"op": "past", "field": "accepted", "workdays": "$fix_days"}, {"all": [{"op": "unset", "field": "accepted"}, {"op": "past", "field": "rated_on", "workdays": "$fix_days"}]}]}]}', '{"fix_days": 5}', 100, '>=', '%', 'unit', '《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）要求建立差评和投诉问题调查核实、督促整改和反馈机制，实名差评回访整改率达到100%；《山东省建立政务服务“好差评”制度工作方案》（鲁政办发〔2020〕10号）：收到差评后由业务办理单位第一时间安排专人回访核实，核实整改情况及时向企业和群众反馈，确保差评件件有整改、有反馈，实名差评回访率达到100%（条款待核对）。指标见莘政办发〔2022〕5号第8项“确保差评件件有整改、有反馈”。整改期限 fix_days 个工作日：德州市方案“应于5个工作日内整改反馈”，他处有15个工作日内整改到位的（各地不一，可调整）。', 'law', '差评反馈率 = 已向评价人反馈的差评 ÷ 应整改的差评（分母同差评整改率）。申诉成立（复核认定为误评、不实或恶意差评）的差评不计入。（本系统定义）', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('rating.visit_rate', 1, '实名差评回访率', 'rating', 'rate', '{"op": "set", "field": "visited"}', '{"all": [{"op": "in", "field": "grade", "values": ["不满意", "非常不满意"]}, {"op": "eq", "field": "real_name", "value": true}, {"not": {"all": [{"op": "eq", "field": "appeal_result", "value": "申诉成立"}, {"op": "set", "field": "appeal_decided"}]}}, {"any": [{"op": "set", "field": "visited"}, {"op": "past", "field": "rated_on", "workdays": "$visit_days"}]}]}', '{"visit_days": 5}', 100, '>=', '%', 'unit', '《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）要求建立差评和投诉问题调查核实、督促整改和反馈机制，实名差评回访整改率达到100%；《山东省建立政务服务“好差评”制度工作方案》（鲁政办发〔2020〕10号）：收到差评后由业务办理单位第一时间安排专人回访核实，核实整改情况及时向企业和群众反馈，确保差评件件有整改、有反馈，实名差评回访率达到100%（条款待核对）。指标见莘政办发〔2022〕5号第8项“确保差评件件有整改、有反馈”。回访期限 visit_days 个工作日：文件要求“第一时间”回访核实，未定天数；5个工作日参照泰安市方案（实践，可调整）。', 'law', '实名差评回访率 = 已回访核实的实名差评 ÷ 应回访的实名差评。应回访的实名差评：评价日期在统计年度内的实名差评，截至统计日已回访核实，或自评价之日起已超过 visit_days 个工作日；匿名差评不计入；申诉成立（复核认定为误评、不实或恶意差评）的差评不计入。（本系统定义）', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('rating.ontime_rate', 1, '差评按期整改率', 'rating', 'rate', '{"op": "within", "field": "fixed", "from": "accepted", "workdays": "$fix_days"}', '{"all": [{"op": "in", "field": "grade", "values": ["不满意", "非常不满意"]}, {"not": {"all": [{"op": "eq", "field": "appeal_result", "value": "申诉成立"}, {"op": "set", "field": "appeal_decided"}]}}, {"any": [{"op": "set", "field": "fixed"}, {"op": "past", "field": "accepted", "workdays": "$fix_days"}, {"all": [{"op": "unset", "field": "accepted"}, {"op": "past", "field": "rated_on", "workdays": "$fix_days"}]}]}]}', '{"fix_days": 5}', 100, '>=', '%', 'unit', '《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）要求建立差评和投诉问题调查核实、督促整改和反馈机制，实名差评回访整改率达到100%；《山东省建立政务服务“好差评”制度工作方案》（鲁政办发〔2020〕10号）：收到差评后由业务办理单位第一时间安排专人回访核实，核实整改情况及时向企业和群众反馈，确保差评件件有整改、有反馈，实名差评回访率达到100%（条款待核对）。指标见莘政办发〔2022〕5号第8项“确保差评件件有整改、有反馈”。整改期限 fix_days 个工作日：德州市方案“应于5个工作日内整改反馈”，他处有15个工作日内整改到位的（各地不一，可调整）。', 'practice', '差评按期整改率 = 自受理之日起 fix_days 个工作日内整改完成的差评 ÷ 应整改的差评（分母同差评整改率）。工作日按官方工作日历计算，受理次日起算第1个工作日；申诉成立（复核认定为误评、不实或恶意差评）的差评不计入。（本系统定义）', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));

-- Plans already imported: task 8's 差评整改率 and 差评反馈率 link to these.
INSERT INTO indicator_link (task_id, name, def_key, source, linked_by,
	linked_at)
SELECT i.task_id, i.name, min(d.key), 'auto', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM indicator i JOIN indicator_def d ON d.name = i.name AND d.version = 1
WHERE d.registry = 'rating' AND NOT EXISTS (SELECT 1 FROM indicator_link l
	WHERE l.task_id = i.task_id AND l.name = i.name)
GROUP BY i.task_id, i.name;
