/**
 * How sure is sure enough. The classifier's probabilities are calibrated on the dev split
 * (temperature scaling), so these are probabilities, not scores.
 */

/** At or above this, the dialogue takes a reading as said. */
export const ACT_CONFIDENCE = 0.7;
/** Between this and ACT_CONFIDENCE, the dialogue confirms the reading with options; below it, it asks. */
export const CONFIRM_CONFIDENCE = 0.4;
