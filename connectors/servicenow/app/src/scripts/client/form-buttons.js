/*
 * Core UI (UI16) side of the four form buttons (Assign To AI Operation,
 * Accept AI draft, Reject AI draft, Escalate AI draft): open the app's dialog
 * page (UI page x_acme_aihandoff_handoff_dialog) in a GlideModal, telling it
 * the ticket and the button through the modal's preferences.
 *
 * The buttons run their script isolated ("Isolate script": no window,
 * document or jQuery, which a scoped app's client script may not use unless
 * the app ships glide.script.block.client.globals=false); this uses only
 * g_form and GlideModal, so the app ships no such property. The
 * Workspace side of the same buttons is each button's workspace client script
 * (g_modal.showFrame on the same page).
 */
function aihOpenDialog(mode, decision) {
    var titles = { assign: 'Assign To AI Operation', accept: 'Accept AI draft', reject: 'Reject AI draft', escalate: 'Escalate AI draft' };
    if (g_form.isNewRecord()) {
        g_form.addErrorMessage('Save the record before handing work to the AI.');
        return false;
    }
    var modal = new GlideModal('x_acme_aihandoff_handoff_dialog', false, 760);
    modal.setTitle(mode === 'assign' ? titles.assign : titles[decision]);
    modal.setPreference('sysparm_mode', mode);
    modal.setPreference('sysparm_decision', decision);
    modal.setPreference('sysparm_table', g_form.getTableName());
    modal.setPreference('sysparm_sys_id', g_form.getUniqueValue());
    modal.render();
    return false;
}
