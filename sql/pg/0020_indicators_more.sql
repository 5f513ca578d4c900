-- 0020_indicators_more.sql: two more built-in indicators of
-- ../shared/domain.md section 4, and the note of 执法证件有效率 that said
-- 持证执法率 was not computed, as its version 2 (version 1's values keep
-- version 1).
--   normative.conform_rate   规范率: documents reviewed and registered
--                            (予以备案) ÷ documents reviewed [ours]
--   enforcement.certified_rate 持证执法率: decisions whose every listed
--                            officer held a certificate of the 执法人员
--                            registry in force on the decision date ÷
--                            decisions (the "certified" predicate)
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at) VALUES
('normative.conform_rate', 1, '规范率', 'normative', 'rate', '{"all": [{"op": "set", "field": "reviewed"}, {"op": "eq", "field": "conclusion", "value": "予以备案"}]}', '{"op": "set", "field": "reviewed"}', '{}', 100, '>=', '%', 'unit', '本系统定义。考核中常与报备率、报备及时率并列（“报备率、报备及时率、规范率均达100%”）；审查结论见《山东省规章和行政规范性文件备案规定》（山东省人民政府令第337号）的备案审查处理（条款待核对）。', 'ours', '规范率 = 审查结论为“予以备案”的文件 ÷ 截至统计日已审查完成的文件（公布日期在统计年度内）。审查结论为纠正、撤销、不予备案的计为不规范；尚未审查完成的不计入。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
('enforcement.certified_rate', 1, '持证执法率', 'enforcement', 'rate', '{"op": "certified", "field": "officers", "from": "decided"}', NULL, '{}', 100, '>=', '%', 'unit', '《中华人民共和国行政处罚法》（2021年修订）第四十二条：行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人；莘政办发〔2022〕5号第14项“健全完善执法主体、执法人员备案登记制度”。比率的算法为本系统定义。', 'ours', '持证执法率 = 执法人员均持有效执法证件的执法决定 ÷ 执法决定（决定日期在统计年度内、截至统计日）。“执法人员证号”所列的每个证号（以、，,；或空格分隔）都须是执法人员台账中的执法证号，且决定日期在其发证日期至有效期至之间；未填证号、证号不在台账中或决定时证件不在有效期内的，计为未持证。证件的状态（暂扣、注销、吊销）是登记的当前状态，不能说明决定当日的状态，不计。', 'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));

-- 执法证件有效率's note named 持证执法率 as not computed: version 2 says
-- where it is, the rest unchanged.
INSERT INTO indicator_def (key, version, name, registry, kind, numerator,
	denominator, params, target, comparator, unit, scope, source, basis,
	note, created_by, created_at)
SELECT key, 2, name, registry, kind, numerator, denominator, params, target,
	comparator, unit, scope, source, basis,
	replace(note, '持证执法率（执法决定的执法人员均持有效执法证件的比例）需要把执法决定的“执法人员证号”逐一对应到本台账的执法证号及其有效期，本系统尚未计算。', '持证执法率（执法决定的执法人员均持有效执法证件的比例）见 enforcement.certified_rate，按本台账的执法证号及其有效期核对。'),
	'fazhi', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM indicator_def WHERE key = 'enforcer.valid_rate' AND version = 1
	AND NOT EXISTS (SELECT 1 FROM indicator_def WHERE
	    key = 'enforcer.valid_rate' AND version = 2);
