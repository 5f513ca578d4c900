-- 0009_decisions.sql (PostgreSQL): the registry of 重大行政决策 (tasks 10 and 11 of
-- the reference plan) and its indicators. One row per decision of a
-- 决策机关 (src/core/reg_decision.c): the annual 目录, the five statutory
-- procedures of 《重大行政决策程序暂行条例》（国务院令第713号）, 公布, 归档
-- and 决策后评估. A year's figures take the decisions decided in it
-- (决定日期); one not yet decided is in no year's figures.

CREATE TABLE reg_decision (
	id		BIGSERIAL PRIMARY KEY,
	unit_id		BIGINT NOT NULL REFERENCES unit(id),	-- 决策机关
	item_no		TEXT NOT NULL,		-- 决策事项编号
	title		TEXT NOT NULL,		-- 决策事项名称
	year		INTEGER NOT NULL,	-- 年度
	in_catalog	INTEGER,		-- 列入年度目录 1/0
	catalog_published TEXT,			-- 目录公布日期 YYYY-MM-DD
	participation	TEXT,			-- 公众参与 是/否/不适用
	comment_from	TEXT,			-- 征求意见开始日期
	comment_to	TEXT,			-- 征求意见截止日期
	expert		TEXT,			-- 专家论证 是/否/不适用
	expert_date	TEXT,			-- 论证日期
	risk		TEXT,			-- 风险评估 是/否/不适用
	risk_date	TEXT,			-- 风险评估日期
	review_sent	TEXT,			-- 送审日期 (合法性审查)
	review_done	TEXT,			-- 审查完成日期
	review_opinion	TEXT,			-- 审查意见
	meeting		TEXT,			-- 会议类型
	meeting_name	TEXT,			-- 会议名称或届次
	decided		TEXT,			-- 决定日期: the year's date
	result		TEXT,			-- 决定结果
	published	TEXT,			-- 公布日期
	archived	TEXT,			-- 归档日期
	evaluated	TEXT,			-- 决策后评估日期
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, item_no)
);
CREATE INDEX reg_decision_decided ON reg_decision (decided);

-- 集体讨论率 (task 11) and one rate per statutory procedure, version 1.
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at) VALUES
('decision.collective_rate', 1, '集体讨论率', 'decision', 'rate', '{"op": "in", "field": "meeting", "values": ["政府常务会议", "政府全体会议", "部门领导班子会议"]}', '{"op": "set", "field": "decided"}', '{}', 100, '>=', '%', 'unit', '《重大行政决策程序暂行条例》（国务院令第713号，2019年9月1日起施行）第三十条“决策草案应当经决策机关常务会议或者全体会议讨论”；县级以上地方人民政府部门和乡级人民政府参照执行（附则），部门以领导班子会议集体讨论。指标见莘政办发〔2022〕5号第11项“重大行政决策要经政府常务会或者全体会议讨论，集体讨论率达到100%”。', 'law', '集体讨论率 = 经政府常务会议、政府全体会议（部门为领导班子会议）讨论决定的决策事项 ÷ 决定日期在统计年度内的决策事项。以专题会议、行政首长签批等方式决定的计为未经集体讨论；尚未决定的事项不计入任何年度。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('decision.participation_rate', 1, '公众参与率', 'decision', 'rate', '{"all": [{"op": "atleast", "field": "comment_to", "from": "comment_from", "days": "$comment_days"}, {"op": "atleast", "field": "decided", "from": "comment_to", "days": 0}]}', '{"all": [{"op": "set", "field": "decided"}, {"not": {"op": "eq", "field": "participation", "value": "不适用"}}]}', '{"comment_days": 30}', 100, '>=', '%', 'unit', '《重大行政决策程序暂行条例》（国务院令第713号，2019年9月1日起施行）第十四条“决策承办单位应当采取便于社会公众参与的方式充分听取意见，依法不予公开的决策事项除外”，第十五条公开征求意见“期限一般不少于30日”。', 'law', '公众参与率 = 公开征求意见不少于 comment_days 日、且在决定之前截止的决策事项 ÷ 已决定的决策事项（公众参与为“不适用”即依法不予公开的除外）。期限从开始日期的次日起算，截止日期不早于开始日期后第 comment_days 日的为达标（本系统定义）；只以座谈会、听证会等方式听取意见、未公开征求意见的，本指标计为未达标。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('decision.expert_rate', 1, '专家论证率', 'decision', 'rate', '{"op": "atleast", "field": "decided", "from": "expert_date", "days": 0}', '{"all": [{"op": "set", "field": "decided"}, {"not": {"op": "eq", "field": "expert", "value": "不适用"}}]}', '{}', 100, '>=', '%', 'unit', '《重大行政决策程序暂行条例》（国务院令第713号，2019年9月1日起施行）第十九条“对专业性、技术性较强的决策事项，决策承办单位应当组织专家、专业机构论证其必要性、可行性、科学性等”。', 'law', '专家论证率 = 决定之前（论证日期不晚于决定日期）完成专家论证的决策事项 ÷ 已决定的决策事项（专家论证为“不适用”的除外）。专家论证为“否”或未填的计为未论证。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('decision.risk_rate', 1, '风险评估率', 'decision', 'rate', '{"op": "atleast", "field": "decided", "from": "risk_date", "days": 0}', '{"all": [{"op": "set", "field": "decided"}, {"not": {"op": "eq", "field": "risk", "value": "不适用"}}]}', '{}', 100, '>=', '%', 'unit', '《重大行政决策程序暂行条例》（国务院令第713号，2019年9月1日起施行）第二十二条“重大行政决策的实施可能对社会稳定、公共安全等方面造成不利影响的，决策承办单位或者负责风险评估工作的其他单位应当组织评估决策草案的风险可控性”。', 'law', '风险评估率 = 决定之前（风险评估日期不晚于决定日期）完成风险评估的决策事项 ÷ 已决定的决策事项（风险评估为“不适用”的除外）。风险评估为“否”或未填的计为未评估。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('decision.review_rate', 1, '合法性审查率', 'decision', 'rate', '{"op": "atleast", "field": "decided", "from": "review_done", "days": 0}', '{"op": "set", "field": "decided"}', '{}', 100, '>=', '%', 'unit', '《重大行政决策程序暂行条例》（国务院令第713号，2019年9月1日起施行）第二十四条“决策草案提交决策机关讨论前，应当由负责合法性审查的部门进行合法性审查”，“决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论”。', 'law', '合法性审查率 = 决定之前（审查完成日期不晚于决定日期）完成合法性审查的决策事项 ÷ 已决定的决策事项。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('decision.review_time_rate', 1, '合法性审查时间达标率', 'decision', 'rate', '{"op": "atleast", "field": "review_done", "from": "review_sent", "workdays": "$review_workdays"}', '{"all": [{"op": "set", "field": "decided"}, {"op": "set", "field": "review_done"}]}', '{"review_workdays": 7}', 100, '>=', '%', 'unit', '《重大行政决策程序暂行条例》（国务院令第713号，2019年9月1日起施行）第二十五条“送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日”。', 'law', '合法性审查时间达标率 = 审查完成日期不早于送审日期后第 review_workdays 个工作日的决策事项 ÷ 已决定且已完成合法性审查的决策事项。工作日按系统中的法定节假日日历计算（含调休上班日），送审次日起的第一个工作日为第1个工作日；未载入日历的年份按周一至周五计算。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('decision.complete_rate', 1, '法定程序完整率', 'decision', 'rate', '{"all": [{"any": [{"op": "eq", "field": "participation", "value": "不适用"}, {"all": [{"op": "atleast", "field": "comment_to", "from": "comment_from", "days": "$comment_days"}, {"op": "atleast", "field": "decided", "from": "comment_to", "days": 0}]}]}, {"any": [{"op": "eq", "field": "expert", "value": "不适用"}, {"op": "atleast", "field": "decided", "from": "expert_date", "days": 0}]}, {"any": [{"op": "eq", "field": "risk", "value": "不适用"}, {"op": "atleast", "field": "decided", "from": "risk_date", "days": 0}]}, {"op": "atleast", "field": "decided", "from": "review_done", "days": 0}, {"op": "in", "field": "meeting", "values": ["政府常务会议", "政府全体会议", "部门领导班子会议"]}]}', '{"op": "set", "field": "decided"}', '{"comment_days": 30}', 100, '>=', '%', 'unit', '公众参与、专家论证、风险评估、合法性审查、集体讨论决定为重大行政决策法定程序（《中共中央关于全面推进依法治国若干重大问题的决定》，2014年；《重大行政决策程序暂行条例》（国务院令第713号，2019年9月1日起施行）第十四条至第三十条）。五项合并计算为本系统定义。', 'ours', '法定程序完整率 = 五项法定程序均已履行的决策事项 ÷ 已决定的决策事项。每项的判断同公众参与率、专家论证率、风险评估率（“不适用”视为已履行）、合法性审查率和集体讨论率；合法性审查时间是否达标不计入本指标。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));

-- Plans already imported: task 11's 集体讨论率 links to its definition
-- (unless a link was made by hand).
INSERT INTO indicator_link (task_id, name, def_key, source, linked_by,
	linked_at)
SELECT i.task_id, i.name, min(d.key), 'auto', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM indicator i JOIN indicator_def d ON d.name = i.name AND d.version = 1
	AND d.registry = 'decision'
WHERE NOT EXISTS (SELECT 1 FROM indicator_link l WHERE l.task_id = i.task_id
	AND l.name = i.name)
GROUP BY i.task_id, i.name;
