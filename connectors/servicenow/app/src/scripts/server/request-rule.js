// Before insert on the request table: check the row against the ticket it
// names, as the agent, and stamp it (AiHandoffIntake.checkRequest).
(function executeRule(current) {
    new x_acme_aihandoff.AiHandoffIntake().beforeRequestInsert(current);
})(current);
