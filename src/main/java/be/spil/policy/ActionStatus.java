package be.spil.policy;

/** Where an action of the plan stands; done and dropped actions are never overdue. */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, DONE, DROPPED;

    public boolean open() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
