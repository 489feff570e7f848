package io.github.hypergrad4j.train;

/** Called after each forward step, e.g. to record a learning curve. */
@FunctionalInterface
public interface StepListener {
    /**
     * @param step the step just taken (0-based)
     * @param loss the training loss at the weights before the step
     * @param weights the weights after the step; a shared buffer, do not keep or modify it
     */
    void onStep(int step, double loss, double[] weights);

    /** A listener that does nothing; the trainer skips the call and the copy it needs. */
    StepListener NONE = (step, loss, weights) -> { };
}
