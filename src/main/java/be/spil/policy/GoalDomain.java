package be.spil.policy;

/** The domains of a plan's goals, as the Kenniscentrum Digisprong structures an ICT policy plan. */
public enum GoalDomain {
    VISION_POLICY, PROFESSIONAL_DEVELOPMENT, INFRASTRUCTURE, LEARNING_RESOURCES, PUPIL_COMPETENCE
}
