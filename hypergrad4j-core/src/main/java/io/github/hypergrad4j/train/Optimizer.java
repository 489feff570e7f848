package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;

/**
 * The update rule that the {@link ReversibleTrainer} runs, forwards and exactly backwards. Choose
 * one with a factory method and pass it to the trainer: {@code new ReversibleTrainer(layout, loss,
 * Optimizer.adam())}. Immutable and serialisable (a problem that names one can be sent to Spark).
 *
 * <p>Each rule is reversible because every state vector changes either by an exact multiplication
 * with a rational n / 2^16 in (0, 1) (the lost digits go to the information buffer) or by adding a
 * deterministic function of values that the reverse pass has at that point. With alpha, beta (= beta1), beta2, eps and the weight decay lambda taken per step t
 * and parameter group from the {@link Schedule}, and g = grad L(w_t):
 *
 * <ul>
 *   <li>{@link #sgdMomentum()}: v = beta v - (1 - beta) g; w = w + alpha v.
 *   <li>{@link #adam()}: m = beta1 m + (1 - beta1) g; s = beta2 s + (1 - beta2) g^2;
 *       w = w - round(alpha u) with u = (m / c1) / sqrt(s / c2 + eps^2), c1 = 1 - prod_{k &lt;= t} beta1_k
 *       and c2 likewise (bias correction). The reverse pass first undoes w (u is a function of the new
 *       m and s, which it has), then recomputes g, then undoes s and m.
 *   <li>{@link #adamW()}: Adam with decoupled weight decay: w = rho w - round(alpha u), where the
 *       contraction rho = 1 - alpha lambda is rounded to a multiple of 2^-16 and applied exactly.
 *   <li>{@link #rmsPropMomentum()}: s = beta2 s + (1 - beta2) g^2; v = beta v + g / sqrt(s + eps^2);
 *       w = w - alpha v (PyTorch's RMSprop with momentum, without centring, eps inside the root).
 * </ul>
 *
 * <p><b>eps inside the square root.</b> Adam and RMSprop here divide by sqrt(s + eps^2) rather than
 * sqrt(s) + eps. The two agree to first order wherever the second moment is well above eps^2; the
 * form inside the root is smooth at s = 0, so a weight whose gradient has always been zero (a dead
 * relu unit, an always-black pixel) gets a zero update and finite hypergradients, never a NaN (the
 * usual form has an infinite derivative there). "Zero" up to the exact multiplication's rounding: beta
 * times a zero moment keeps buffer digits in its lowest 16 bits (below 2^-44 with 60 fraction bits),
 * so such a weight drifts by at most about alpha 2^-44 / eps per step. eps must be positive.
 *
 * <p><b>Rounding.</b> The weight step round(alpha u) is converted to the fixed-point format exactly as
 * the other updates; hypergradients treat the rounding as the identity (its error is one unit of
 * 2^-52). beta, beta2 and rho are used as the rationals n / 2^16 nearest the requested values, and the
 * hypergradients are with respect to the values used.
 *
 * <p><b>First moment.</b> m (Adam) or v (RMSprop) has a fixed-point format of its own, by default 60
 * fraction bits for Adam (|m| below 4) and 56 for RMSprop (|v| below 64): the exact multiplication
 * by beta1 puts buffer digits in the lowest 16 bits, an error below 2^(16 - bits), and Adam divides m
 * by sqrt(s + eps^2), which magnifies it; with the weights' 52 bits that error (2^-36) showed as
 * noise in finite differences of whole runs. See {@link #withFirstMomentFractionBits(int)}.
 *
 * <p><b>Second moment.</b> s is kept in a fixed-point format of its own, by default 60 fraction bits
 * ({@link #DEFAULT_SECOND_MOMENT_BITS}: |s| below 4, so sustained gradients below 2 in magnitude;
 * resolution 2^-60, about 8.7e-19). Leaving the range stops training with a {@link
 * TrainingDivergedException} that names the step and group. Underflow that would matter is refused
 * before training starts: a gradient of magnitude eps or more must register in s, i.e. (1 - beta2)
 * eps^2 must be at least the resolution, at every step and group. The default eps of 1e-7 satisfies
 * this for beta2 up to 0.9999.
 *
 * <p><b>Not reversible this way:</b> plain SGD without momentum, w = w - alpha grad L(w): undoing a
 * step needs w_t to compute the step that removes it. Use momentum (beta close to 0 is allowed).
 */
public final class Optimizer implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Default fraction bits of the second moment's fixed-point format. */
    public static final int DEFAULT_SECOND_MOMENT_BITS = 60;
    /** Default fraction bits of Adam's first moment (|m| below 4). */
    public static final int DEFAULT_ADAM_FIRST_MOMENT_BITS = 60;
    /** Default fraction bits of RMSprop's velocity (|v| below 64). */
    public static final int DEFAULT_RMSPROP_VELOCITY_BITS = 56;

    /** The update rules. */
    enum Kind {
        SGD_MOMENTUM("SGD with momentum"),
        ADAM("Adam"),
        ADAMW("AdamW"),
        RMSPROP_MOMENTUM("RMSprop with momentum");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Which update rule this is. */
    private final Kind kind;
    /** Default second-moment decay where the schedule gives none; NaN for SGD with momentum. */
    private final double beta2;
    /** Default eps (added, squared, under the square root) where the schedule gives none; NaN for SGD with momentum. */
    private final double eps;
    /** Default decoupled weight decay lambda where the schedule gives none; used by AdamW only. */
    private final double weightDecay;
    /** Fraction bits of the first moment (Adam) or velocity (RMSprop); unused for SGD with momentum (the weights' format). */
    private final int firstMomentBits;
    /** Fraction bits of the second moment s; unused for SGD with momentum. */
    private final int secondMomentBits;

    private Optimizer(Kind kind, double beta2, double eps, double weightDecay, int firstMomentBits, int secondMomentBits) {
        this.kind = kind;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.firstMomentBits = firstMomentBits;
        this.secondMomentBits = secondMomentBits;
    }

    /**
     * SGD with momentum, the paper's rule and the trainer's default: v = beta v - (1 - beta) g,
     * w = w + alpha v, with alpha and beta from the schedule. It has no beta2, eps or weight decay.
     *
     * @return the rule, the velocity kept in the weights' fixed-point format
     */
    public static Optimizer sgdMomentum() {
        return new Optimizer(Kind.SGD_MOMENTUM, Double.NaN, Double.NaN, 0, 0, DEFAULT_SECOND_MOMENT_BITS);
    }

    /**
     * Adam with bias correction. The schedule's beta is beta1, the first moment's decay; beta2 = 0.999
     * and eps = 1e-7 are used wherever the schedule gives none.
     *
     * @return the rule, with {@link #DEFAULT_ADAM_FIRST_MOMENT_BITS} and {@link
     *     #DEFAULT_SECOND_MOMENT_BITS} fraction bits for m and s
     */
    public static Optimizer adam() {
        return new Optimizer(Kind.ADAM, 0.999, 1e-7, 0, DEFAULT_ADAM_FIRST_MOMENT_BITS, DEFAULT_SECOND_MOMENT_BITS);
    }

    /**
     * AdamW: Adam with decoupled weight decay, w = rho w - round(alpha u) with rho = 1 - alpha lambda.
     * lambda = 0.01, beta2 = 0.999 and eps = 1e-7 are used wherever the schedule gives none. alpha
     * lambda must lie in [2^-17, 1) at every step and group with a positive learning rate (smaller
     * decays would round to no contraction), which training checks before it starts.
     *
     * @return the rule, with Adam's default moment formats
     */
    public static Optimizer adamW() {
        return new Optimizer(Kind.ADAMW, 0.999, 1e-7, 0.01, DEFAULT_ADAM_FIRST_MOMENT_BITS, DEFAULT_SECOND_MOMENT_BITS);
    }

    /**
     * RMSprop with momentum (PyTorch's, uncentred). The schedule's beta is the momentum of v; beta2 (the
     * square average's decay) = 0.99 and eps = 1e-7 are used wherever the schedule gives none.
     *
     * @return the rule, with {@link #DEFAULT_RMSPROP_VELOCITY_BITS} and {@link
     *     #DEFAULT_SECOND_MOMENT_BITS} fraction bits for v and s
     */
    public static Optimizer rmsPropMomentum() {
        return new Optimizer(Kind.RMSPROP_MOMENTUM, 0.99, 1e-7, 0, DEFAULT_RMSPROP_VELOCITY_BITS, DEFAULT_SECOND_MOMENT_BITS);
    }

    /**
     * This optimiser with another default beta2, used at every step and group for which the schedule
     * gives none ({@link Schedule#withBeta2(double[][])} overrides it).
     *
     * @param beta2 the second moment's decay per step, strictly inside (0, 1), e.g. 0.999; training
     *     uses it rounded to a multiple of 2^-16 like beta, and checks it (with eps) when it starts
     * @return a new optimiser of the same kind; this one is unchanged
     * @throws IllegalArgumentException for SGD with momentum, which has no second moment
     */
    public Optimizer withBeta2(double beta2) {
        requireMoments("beta2");
        return new Optimizer(kind, beta2, eps, weightDecay, firstMomentBits, secondMomentBits);
    }

    /**
     * This optimiser with another default eps, used at every step and group for which the schedule
     * gives none ({@link Schedule#withEps(double[][])} overrides it).
     *
     * @param eps the regulariser of the square root, sqrt(s + eps^2), in the units of the gradient;
     *     finite and positive, and with (1 - beta2) eps^2 at least the second moment's resolution (about
     *     8.7e-19 with the default 60 fraction bits; 1e-7 is fine for beta2 up to 0.9999). Checked when
     *     training starts
     * @return a new optimiser of the same kind; this one is unchanged
     * @throws IllegalArgumentException for SGD with momentum, which has no second moment
     */
    public Optimizer withEps(double eps) {
        requireMoments("eps");
        return new Optimizer(kind, beta2, eps, weightDecay, firstMomentBits, secondMomentBits);
    }

    /**
     * This AdamW with another default decoupled weight decay, used at every step and group for which
     * the schedule gives none ({@link Schedule#withWeightDecay(double[][])} overrides it).
     *
     * @param weightDecay lambda, per unit of learning rate: each step multiplies w by 1 - alpha lambda.
     *     Finite and non-negative, with alpha lambda in [2^-17, 1) wherever it is not 0 (checked when
     *     training starts)
     * @return a new AdamW; this one is unchanged
     * @throws IllegalArgumentException unless this optimiser is AdamW
     */
    public Optimizer withWeightDecay(double weightDecay) {
        if (kind != Kind.ADAMW) {
            throw new IllegalArgumentException(kind.label + " has no decoupled weight decay; use Optimizer.adamW()");
        }
        return new Optimizer(kind, beta2, eps, weightDecay, firstMomentBits, secondMomentBits);
    }

    /**
     * This optimiser with the second moment kept in {@code bits} fraction bits: more for problems whose
     * gradients are all small (finer resolution, smaller range 2^(62 - bits)), fewer for large ones.
     *
     * @param bits fraction bits of s, in [0, 62]: resolution 2^-bits, |s| below 2^(62 - bits); the
     *     default is {@link #DEFAULT_SECOND_MOMENT_BITS}
     * @return a new optimiser of the same kind; this one is unchanged
     * @throws IllegalArgumentException for SGD with momentum, or if {@code bits} is outside [0, 62]
     */
    public Optimizer withSecondMomentFractionBits(int bits) {
        requireMoments("a second-moment format");
        FixedPointFormat.withFractionBits(bits); // validates
        return new Optimizer(kind, beta2, eps, weightDecay, firstMomentBits, bits);
    }

    /**
     * This optimiser with the first moment (Adam) or velocity (RMSprop) kept in {@code bits} fraction
     * bits, range 2^(62 - bits). Its own format because Adam divides m by sqrt(s + eps^2): the first
     * moment's absolute error is magnified, and the exact multiplication by beta1 replaces the lowest
     * 16 bits by buffer digits (an error below 2^(16 - bits)), so m needs more fraction bits than w.
     *
     * @param bits fraction bits of m or v, in [0, 62]: resolution 2^-bits, |m| below 2^(62 - bits);
     *     the defaults are {@link #DEFAULT_ADAM_FIRST_MOMENT_BITS} and {@link
     *     #DEFAULT_RMSPROP_VELOCITY_BITS}
     * @return a new optimiser of the same kind; this one is unchanged
     * @throws IllegalArgumentException for SGD with momentum (its velocity shares the weights'
     *     format), or if {@code bits} is outside [0, 62]
     */
    public Optimizer withFirstMomentFractionBits(int bits) {
        requireMoments("first-moment format of its own");
        FixedPointFormat.withFractionBits(bits); // validates
        return new Optimizer(kind, beta2, eps, weightDecay, bits, secondMomentBits);
    }

    private void requireMoments(String what) {
        if (!hasSecondMoment()) {
            throw new IllegalArgumentException(kind.label + " has no " + what + "; use Optimizer.adam() or rmsPropMomentum()");
        }
    }

    /**
     * A short name for messages and reports.
     *
     * @return "SGD with momentum", "Adam", "AdamW" or "RMSprop with momentum"
     */
    public String name() {
        return kind.label;
    }

    Kind kind() {
        return kind;
    }

    /** Whether the rule keeps a second moment s (Adam, AdamW, RMSprop). */
    boolean hasSecondMoment() {
        return kind != Kind.SGD_MOMENTUM;
    }

    /** The first moment's (velocity's) format: the weights' for SGD with momentum, its own otherwise. */
    FixedPointFormat firstMomentFormat(FixedPointFormat weights) {
        return hasSecondMoment() ? FixedPointFormat.withFractionBits(firstMomentBits) : weights;
    }

    FixedPointFormat secondMomentFormat() {
        return FixedPointFormat.withFractionBits(secondMomentBits);
    }

    /** The schedule's values for this rule, validated, with this optimiser's defaults filled in. */
    StepHyperparameters resolve(Schedule schedule) {
        return new StepHyperparameters(this, schedule, beta2, eps, kind == Kind.ADAMW ? weightDecay : Double.NaN);
    }

    /** The exact (fixed-point) rule for one run. */
    ExactRule exactRule(StepHyperparameters h, FixedPointFormat format) {
        return switch (kind) {
            case SGD_MOMENTUM -> new MomentumRule(h, format);
            case ADAM, ADAMW -> new AdamRule(h, format, firstMomentFormat(format), secondMomentFormat());
            case RMSPROP_MOMENTUM -> new RmsPropRule(h, format, firstMomentFormat(format), secondMomentFormat());
        };
    }

    @Override
    public String toString() {
        return hasSecondMoment() ? kind.label + "[beta2=" + beta2 + ", eps=" + eps
                + (kind == Kind.ADAMW ? ", weightDecay=" + weightDecay : "") + ", firstMomentBits=" + firstMomentBits
                + ", secondMomentBits=" + secondMomentBits + "]"
                : kind.label;
    }
}
