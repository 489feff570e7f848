package io.github.hypergrad4j.experiments;

/**
 * Independent seeds for the random parts of one run (data split, initial weights, fake data...) derived
 * from the user's {@code --seed}, so that changing one part's use of randomness does not shift another's.
 */
public final class Seeds {
    private Seeds() {}

    /** A seed for {@code purpose}, a fixed function of the run seed and the purpose's name. */
    public static long derive(long seed, String purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + purpose.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L; // SplitMix64 finaliser
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
