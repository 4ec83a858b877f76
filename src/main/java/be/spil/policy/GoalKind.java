package be.spil.policy;

/** Whether a goal is about the technical side (devices, network) or the didactic side (teaching, learning). */
public enum GoalKind {
    TECHNICAL, DIDACTIC
}
