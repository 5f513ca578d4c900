-- 0013_activities.sql: the registries of 活动 (tasks 2, 3, 7 and 15 of
-- the reference plan: meetings, lectures, court hearings attended, study
-- sessions, trainings, drills) and of the 证明事项清单 (tasks 13 and 22:
-- the certificates units ask for, and which are replaced by 告知承诺), with
-- their indicators: the plan's "不少于N次" counts and the share of
-- certificates under 告知承诺 (src/core/reg_activity.c, reg_proof.c).

-- 活动: one per activity, kept by the unit that organised it.
CREATE TABLE reg_activity (
	id		INTEGER PRIMARY KEY,
	unit_id		INTEGER NOT NULL REFERENCES unit(id),	-- 组织单位
	activity_no	TEXT NOT NULL,		-- 活动编号
	kind		TEXT NOT NULL,		-- 活动类型
	title		TEXT NOT NULL,		-- 活动名称
	held		TEXT NOT NULL,		-- 活动日期 YYYY-MM-DD
	place		TEXT,			-- 地点
	host		TEXT,			-- 主讲人或主持人
	chief		INTEGER CHECK (chief IN (0, 1)),	-- 主要负责人出席
	leaders		INTEGER CHECK (leaders >= 0),	-- 领导班子成员人数
	attendance	INTEGER CHECK (attendance >= 0),	-- 参加人数
	attendees	TEXT,			-- 参加人员
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, activity_no)
);
CREATE INDEX reg_activity_held ON reg_activity (held);

-- 证明事项清单: one per certificate, kept by the unit that asks for it;
-- listed is the date of the list that holds (or cancelled) it.
CREATE TABLE reg_proof_item (
	id		INTEGER PRIMARY KEY,
	unit_id		INTEGER NOT NULL REFERENCES unit(id),	-- 索要单位
	name		TEXT NOT NULL,		-- 证明事项名称
	basis		TEXT NOT NULL,		-- 设定依据
	matter		TEXT NOT NULL,		-- 适用事项
	issuer		TEXT,			-- 开具单位
	promise		INTEGER NOT NULL CHECK (promise IN (0, 1)),	-- 是否实行告知承诺制
	status		TEXT,			-- 状态 保留 取消
	listed		TEXT NOT NULL,		-- 清单公布日期
	note		TEXT,			-- 备注
	revision	INTEGER NOT NULL,
	created_by	TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_by	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (unit_id, name)
);
CREATE INDEX reg_proof_item_listed ON reg_proof_item (listed);

-- Their indicators, version 1. The three counts of tasks 2 and 3 carry
-- the plan's names, so the plan's indicators link to them.
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at) VALUES
('activity.deploy_meeting', 1, '安排部署法治政府建设年度重点工作会议', 'activity', 'count', '{"all": [{"op": "eq", "field": "kind", "value": "部署会议"}, {"op": "eq", "field": "chief", "value": true}, {"op": "set", "field": "held"}]}', NULL, '{}', 1, '>=', '次', 'unit', '莘政办发〔2022〕5号第2项：“党政主要负责人每年召开安排部署法治政府建设年度重点工作会议不少于 1 次”（责任单位：县政府各部门，各镇人民政府（街道办事处））。', 'practice', '部署会议次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“部署会议”且主要负责人出席为“是”的活动数。目标对每个单位：计划要求各单位的党政主要负责人每年召开不少于1次，按单位的数值各自对照目标；全县的数值是合计。没有登记任何活动的单位没有按单位的数值，须对照责任单位名单查看（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('activity.law_lecture', 1, '法治专题讲座', 'activity', 'count', '{"all": [{"op": "eq", "field": "kind", "value": "法治专题讲座"}, {"op": "set", "field": "held"}]}', NULL, '{}', 2, '>=', '次', 'unit', '莘政办发〔2022〕5号第3项：“严格落实政府常务会议及各镇（街道）、各部门党委（党组）理论学习中心组法治专题讲座和集体学法制度，年内分别组织2次以上法治专题讲座”。', 'practice', '法治专题讲座次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“法治专题讲座”的活动数。“分别”指县政府常务会议和各镇（街道）、各部门党委（党组）理论学习中心组各自年内2次以上，目标对每个单位（县政府常务会议的讲座登记在县政府或县政府办公室名下）；全县的数值是合计。没有登记的单位没有按单位的数值（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('activity.court_hearing', 1, '政府及其部门领导班子成员旁听庭审活动', 'activity', 'count', '{"all": [{"op": "eq", "field": "kind", "value": "旁听庭审"}, {"op": "ge", "field": "leaders", "value": 1}, {"op": "set", "field": "held"}]}', NULL, '{}', 1, '>=', '次', 'unit', '莘政办发〔2022〕5号第3项：“至少组织1次政府及其部门领导班子成员旁听庭审活动”。', 'practice', '旁听庭审次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“旁听庭审”且领导班子成员人数不少于1的活动数。目标对每个单位：县政府、县政府各部门和各镇人民政府（街道办事处）各自年内至少组织1次；全县的数值是合计。没有登记的单位没有按单位的数值（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('activity.group_study', 1, '集体学法次数', 'activity', 'count', '{"all": [{"op": "in", "field": "kind", "values": ["集体学法", "常务会议学法"]}, {"op": "set", "field": "held"}]}', NULL, '{}', NULL, NULL, '次', 'unit', '本系统定义。莘政办发〔2022〕5号第3项“严格落实政府常务会议及各镇（街道）、各部门党委（党组）理论学习中心组法治专题讲座和集体学法制度”，未规定次数。', 'ours', '集体学法次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“集体学法”或“常务会议学法”的活动数，全县及各单位；不设目标。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('activity.standing_meeting', 1, '常务会议研究法治工作次数', 'activity', 'count', '{"all": [{"op": "eq", "field": "kind", "value": "常务会议研究法治工作"}, {"op": "set", "field": "held"}]}', NULL, '{}', NULL, NULL, '次', 'county', '本系统定义。莘政办发〔2022〕5号第3项“县政府常务会议定期研究法治工作或听取法治政府建设工作汇报”，未规定次数。', 'ours', '常务会议研究法治工作次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“常务会议研究法治工作”的活动数（全县）；不设目标。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('activity.training', 1, '专题培训次数', 'activity', 'count', '{"all": [{"op": "eq", "field": "kind", "value": "培训"}, {"op": "set", "field": "held"}]}', NULL, '{}', NULL, NULL, '次', 'unit', '本系统定义。莘政办发〔2022〕5号第15项“组织工作人员专题培训和应急演练，提升应急处置能力”，未规定次数。', 'ours', '专题培训次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“培训”的活动数，全县及各单位；不设目标。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('activity.drill', 1, '应急演练次数', 'activity', 'count', '{"all": [{"op": "eq", "field": "kind", "value": "应急演练"}, {"op": "set", "field": "held"}]}', NULL, '{}', NULL, NULL, '次', 'unit', '本系统定义。莘政办发〔2022〕5号第15项“组织工作人员专题培训和应急演练，提升应急处置能力”，未规定次数。', 'ours', '应急演练次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“应急演练”的活动数，全县及各单位；不设目标。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('activity.open_day', 1, '政府开放月和居民公开议事日活动次数', 'activity', 'count', '{"all": [{"op": "in", "field": "kind", "values": ["政府开放月", "居民公开议事日"]}, {"op": "set", "field": "held"}]}', NULL, '{}', NULL, NULL, '次', 'unit', '本系统定义。莘政办发〔2022〕5号第7项“开展‘政府开放月’‘居民公开议事日’等活动”，未规定次数。', 'ours', '政府开放月和居民公开议事日活动次数 = 活动日期在统计年度内、截至统计日已举行、活动类型为“政府开放月”或“居民公开议事日”的活动数，全县及各单位；不设目标。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('proof.kept', 1, '证明事项数', 'proof', 'count', '{"not": {"op": "eq", "field": "status", "value": "取消"}}', NULL, '{}', NULL, NULL, '项', 'unit', '本系统定义。莘政办发〔2022〕5号第13项“动态调整证明事项清单”。', 'ours', '证明事项数 = 清单公布日期在统计年度内（截至统计日）、状态为“保留”的证明事项数（状态未填的按保留计），全县及各索要单位；不设目标。清单按年度统计：每年调整或确认清单后，把仍保留的事项的清单公布日期改为新清单的公布日期（重新导入即可），否则该事项不计入新的年度（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('proof.promise_rate', 1, '告知承诺制实施率', 'proof', 'rate', '{"op": "eq", "field": "promise", "value": true}', '{"not": {"op": "eq", "field": "status", "value": "取消"}}', '{}', NULL, NULL, '%', 'unit', '本系统定义。莘政办发〔2022〕5号第13项“全面推行行政执法‘证明事项告知承诺制’”、第22项“全面应用电子证明和告知承诺”；适用范围见《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）。', 'ours', '告知承诺制实施率 = 实行告知承诺制的保留证明事项 ÷ 保留的证明事项（清单公布日期在统计年度内，截至统计日；状态未填的按保留计；已取消的不计入）。不设目标：直接涉及国家安全、公共安全、生态环境保护和直接关系人身健康、生命财产安全等的证明事项不适用告知承诺（国办发〔2020〕42号，条款待核对），100% 不一定是应有的值（本系统定义）。', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Plans already imported: their indicators named as one of these link to it.
INSERT INTO indicator_link (task_id, name, def_key, source, linked_by,
	linked_at)
SELECT i.task_id, i.name, min(d.key), 'auto', 'fazhi', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM indicator i JOIN indicator_def d ON d.name = i.name AND d.version = 1
WHERE d.registry IN ('activity', 'proof')
GROUP BY i.task_id, i.name
ON CONFLICT (task_id, name) DO NOTHING;
