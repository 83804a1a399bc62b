// Before insert on the review table: check the row against the ticket it
// names, as the reviewer, and stamp it (AiHandoffIntake.checkReview).
(function executeRule(current) {
    new x_acme_aihandoff.AiHandoffIntake().beforeReviewInsert(current);
})(current);
