/*
 * The browser side of the four form buttons (Assign To AI Operation, Accept AI
 * draft, Reject AI draft, Escalate AI draft): load the shared scope-review
 * module and the dialog (two UI scripts), then open the dialog. Everything the
 * dialog writes goes through the server (x_acme_aihandoff.AiHandoffAjax).
 */
function aihOpenDialog(mode, decision) {
    if (g_form.isNewRecord()) {
        g_form.addErrorMessage('Save the record before handing work to the AI.');
        return false;
    }
    var table = g_form.getTableName();
    var sysId = g_form.getUniqueValue();
    ScriptLoader.getScripts(['x_acme_aihandoff.AiHandoffScopeReview.jsdbx', 'x_acme_aihandoff.AiHandoffDialog.jsdbx'], function () {
        window.AiHandoffDialog.open({ mode: mode, decision: decision, table: table, sysId: sysId });
    });
    return false;
}
