package io.github.hypergrad4j.spark;

/** A seed's evaluation failed on Spark for good, after Spark's retries; the cause is Spark's report. */
public final class SeedEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SeedEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
