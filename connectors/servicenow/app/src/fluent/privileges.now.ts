/**
 * Cross-scope privileges for the tables of other scopes the app's scripts
 * read, besides the ticket tables (each ticket table's are in its generated
 * file). Without them a scoped script's GlideRecord on another scope's table
 * is refused at run time ("must declare a cross scope access privilege";
 * ServiceNow, cross-scope privilege records). A test checks every table a
 * shipped script opens has one.
 */
import { CrossScopePrivilege } from '@servicenow/sdk/core'

/** AiHandoffServer.currentUser: the acting user's active groups (for who may review). */
CrossScopePrivilege({ $id: Now.ID['privilege_group_member_read'], operation: 'read', status: 'allowed', targetName: 'sys_user_grmember', targetScope: 'global', targetType: 'sys_db_object' })

/** AiHandoffTicketApi.noteWritten: whether the worker's note with this marker is already on the ticket. */
CrossScopePrivilege({ $id: Now.ID['privilege_journal_read'], operation: 'read', status: 'allowed', targetName: 'sys_journal_field', targetScope: 'global', targetType: 'sys_db_object' })

/** AiHandoffReadCheck: the configuration item the panel's read check names, read as the agent. */
CrossScopePrivilege({ $id: Now.ID['privilege_ci_read'], operation: 'read', status: 'allowed', targetName: 'cmdb_ci', targetScope: 'global', targetType: 'sys_db_object' })

/** AiHandoffServer.managerName: the acting user's manager's name, which the review dialog's Escalate names before the click (issue 12). */
CrossScopePrivilege({ $id: Now.ID['privilege_user_read'], operation: 'read', status: 'allowed', targetName: 'sys_user', targetScope: 'global', targetType: 'sys_db_object' })
