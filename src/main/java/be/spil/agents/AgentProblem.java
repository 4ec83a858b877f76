package be.spil.agents;

/** A submission refused with an HTTP status and a reason the agent's log shows; nothing of it is written. */
class AgentProblem extends RuntimeException {
    private final int status;

    AgentProblem(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static AgentProblem bad(String reason) {
        return new AgentProblem(400, reason);
    }

    int status() {
        return status;
    }
}
