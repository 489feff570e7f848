package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.model.Activation;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The network's output activation (before the softmax); unset keeps the preset's, the network its seed figure was drawn with. */
public final class NetworkOptions {
    @Option(names = "--output-activation", paramLabel = "linear|tanh", converter = OutputActivationConverter.class,
            description = "Activation after the output layer, before the softmax: tanh (the log's figures of Jan 9-19,"
                    + " drawn before the original's \"Removed tanh from layer before softmax\") or linear (the paper's)."
                    + " Default: the network of the experiment's log figure.")
    Activation outputActivation;

    /** The chosen output activation, or {@code defaultValue}. */
    Activation outputActivation(Activation defaultValue) {
        return outputActivation != null ? outputActivation : defaultValue;
    }

    /** Accepts linear or tanh, in any case. */
    static final class OutputActivationConverter implements picocli.CommandLine.ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "linear" -> Activation.LINEAR;
                case "tanh" -> Activation.TANH;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not an output activation; use linear or tanh");
            };
        }
    }
}
