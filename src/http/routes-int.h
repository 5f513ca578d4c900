/*
 * routes-int.h: the handlers the route table in routes.c names, defined in
 * routes_work.c (the workflow, accounts, settings, audit),
 * routes_registry.c (registries and indicators) and routes_supervise.c
 * (督察 → 整改 → 销号, escalation, 通报), and their input checks
 * (in_*): what a handler reads and checks before it acts, alone.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_ROUTES_INT_H
#define FAZHI_ROUTES_INT_H

struct req;

void	 h_todo(struct req *);
void	 h_tasks(struct req *);
void	 h_dashboard(struct req *);
void	 h_task(struct req *);
void	 h_reasons(struct req *);
void	 h_report_get(struct req *);
void	 h_reports(struct req *);
void	 h_report_create(struct req *);
void	 h_report_update(struct req *);
void	 h_report_submit(struct req *);
void	 h_report_approve(struct req *);
void	 h_report_review(struct req *);
void	 h_evidence_add(struct req *);
void	 h_evidence_get(struct req *);
void	 h_evidence_delete(struct req *);
void	 h_assignment_claim(struct req *);
void	 h_assignment_close(struct req *);
void	 h_assignment_add(struct req *);
void	 h_extensions(struct req *);
void	 h_extension_add(struct req *);
void	 h_extension_decide(struct req *);
void	 h_period_due(struct req *);
void	 h_period_lock(struct req *);
void	 h_period_unlock(struct req *);
void	 h_period_add(struct req *);
void	 h_urge(struct req *);
void	 h_notices(struct req *);
void	 h_notice_read(struct req *);
void	 h_settings(struct req *);
void	 h_settings_put(struct req *);
void	 h_audit(struct req *);
void	 h_accounts(struct req *);
void	 h_account_add(struct req *);
void	 h_account_disable(struct req *);
void	 h_account_password(struct req *);

void	 h_registries(struct req *);
void	 h_reg_list(struct req *);
void	 h_reg_get(struct req *);
void	 h_reg_create(struct req *);
void	 h_reg_update(struct req *);
void	 h_reg_import(struct req *);
void	 h_reg_export(struct req *);
void	 h_reg_expiring(struct req *);
void	 h_reg_evidence_add(struct req *);
void	 h_reg_evidence_get(struct req *);
void	 h_ind_list(struct req *);
void	 h_ind_show(struct req *);
void	 h_ind_define(struct req *);
void	 h_ind_compute(struct req *);
void	 h_ind_division(struct req *);
void	 h_ind_value(struct req *);
void	 h_plan_indicators(struct req *);
void	 h_plan_indicator_link(struct req *);

void	 h_findings(struct req *);
void	 h_finding_add(struct req *);
void	 h_finding_get(struct req *);
void	 h_finding_rectify(struct req *);
void	 h_finding_check(struct req *);
void	 h_finding_close(struct req *);
void	 h_finding_reopen(struct req *);
void	 h_finding_evidence_add(struct req *);
void	 h_finding_evidence_get(struct req *);
void	 h_escalations(struct req *);
void	 h_escalation_confirm(struct req *);
void	 h_escalate(struct req *);
void	 h_finding_edit(struct req *);
void	 h_bulletin(struct req *);

int	 in_tasks(struct req *);
int	 in_dashboard(struct req *);
int	 in_reports(struct req *);
int	 in_report_create(struct req *);
int	 in_report_update(struct req *);
int	 in_report_approve(struct req *);
int	 in_report_review(struct req *);
int	 in_evidence_add(struct req *);
int	 in_assignment_add(struct req *);
int	 in_extensions(struct req *);
int	 in_extension_add(struct req *);
int	 in_extension_decide(struct req *);
int	 in_period_due(struct req *);
int	 in_period_add(struct req *);
int	 in_urge(struct req *);
int	 in_notices(struct req *);
int	 in_settings_put(struct req *);
int	 in_audit(struct req *);
int	 in_account_add(struct req *);
int	 in_account_disable(struct req *);
int	 in_account_password(struct req *);
int	 in_reg_list(struct req *);
int	 in_reg_create(struct req *);
int	 in_reg_update(struct req *);
int	 in_reg_import(struct req *);
int	 in_reg_export(struct req *);
int	 in_reg_expiring(struct req *);
int	 in_reg_evidence_add(struct req *);
int	 in_ind_define(struct req *);
int	 in_ind_compute(struct req *);
int	 in_ind_division(struct req *);
int	 in_plan_indicator_link(struct req *);
int	 in_findings(struct req *);
int	 in_finding_add(struct req *);
int	 in_finding_change(struct req *);
int	 in_finding_evidence(struct req *);
int	 in_escalations(struct req *);
int	 in_escalate(struct req *);
int	 in_finding_edit(struct req *);
int	 in_bulletin(struct req *);

void	 h_publication(struct req *);
void	 h_publication_put(struct req *);
void	 h_evidence_public(struct req *);
int	 in_publication(struct req *);
int	 in_publication_put(struct req *);
int	 in_evidence_public(struct req *);

void	 h_annual_list(struct req *);
void	 h_annual_generate(struct req *);
void	 h_annual_get(struct req *);
void	 h_annual_edit(struct req *);
void	 h_annual_submit(struct req *);
void	 h_annual_return(struct req *);
void	 h_annual_approve(struct req *);
void	 h_annual_publish(struct req *);
void	 h_annual_verify(struct req *);
void	 h_annual_file(struct req *);
int	 in_annual_list(struct req *);
int	 in_annual_generate(struct req *);
int	 in_annual_edit(struct req *);
int	 in_annual_move(struct req *);
int	 in_annual_file(struct req *);
void	 h_assessment(struct req *);
void	 h_assessment_run(struct req *);
void	 h_assessment_rubric(struct req *);
void	 h_assessment_rubric_put(struct req *);
void	 h_assessment_manual(struct req *);
void	 h_assessment_evidence(struct req *);
int	 in_assessment(struct req *);
int	 in_assessment_run(struct req *);
int	 in_assessment_rubric(struct req *);
int	 in_assessment_rubric_put(struct req *);
int	 in_assessment_manual(struct req *);

#endif
