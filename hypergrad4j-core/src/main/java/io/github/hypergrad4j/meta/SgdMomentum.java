package io.github.hypergrad4j.meta;

/** Gradient descent with (heavy-ball) momentum: u = mu u - step g; x += u. */
public final class SgdMomentum implements MetaOptimizer {
    private static final String TYPE = "sgd";
    private final double stepSize;
    private final double momentum;
    private double[] velocity;
    private int steps;
    private double stepScale = 1;

    public SgdMomentum(double stepSize, double momentum) {
        if (!(stepSize > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD needs step > 0 and momentum in [0, 1); got " + stepSize + ", " + momentum);
        }
        this.stepSize = stepSize;
        this.momentum = momentum;
    }

    @Override
    public void stepInPlace(double[] x, double[] gradient) {
        MetaOptimizer.check(x, gradient);
        if (velocity == null) {
            velocity = new double[x.length];
        }
        steps++;
        for (int i = 0; i < x.length; i++) {
            velocity[i] = momentum * velocity[i] - stepScale * stepSize * gradient[i];
            x[i] += velocity[i];
        }
    }

    @Override
    public void setStepScale(double scale) {
        this.stepScale = MetaOptimizer.checkStepScale(scale);
    }

    @Override
    public int stepsTaken() {
        return steps;
    }

    /** The velocity (a copy; null before the first step), for checkpoints. */
    public double[] velocity() {
        return velocity == null ? null : velocity.clone();
    }

    @Override
    public MetaOptimizerState state() {
        return new MetaOptimizerState(TYPE, steps, velocity == null ? new double[0][] : new double[][] {velocity});
    }

    @Override
    public void restore(MetaOptimizerState state) {
        state.requireKind(TYPE, 1);
        restore(state.arrays().length == 0 ? null : state.arrays()[0], state.steps());
    }

    /** Restores the velocity and step count from a checkpoint. */
    public void restore(double[] velocity, int stepsTaken) {
        this.velocity = velocity == null ? null : velocity.clone();
        this.steps = stepsTaken;
    }
}
