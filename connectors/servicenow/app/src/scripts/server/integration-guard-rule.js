// Before insert/update on each ticket table: the integration role may change
// only work notes and the AI fields (AiHandoffServer.guardIntegrationWrite).
(function executeRule(current) {
    new x_acme_aihandoff.AiHandoffServer().guardIntegrationWrite(current);
})(current);
