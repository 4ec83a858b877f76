package be.spil.policy;

/** Where the money of a budget line comes from: werkingsmiddelen, the Digiplan funds, or elsewhere. */
public enum BudgetFunding {
    OPERATING_FUNDS, DIGIPLAN, OTHER
}
