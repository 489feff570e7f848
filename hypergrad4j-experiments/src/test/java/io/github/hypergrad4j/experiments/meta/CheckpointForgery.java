package io.github.hypergrad4j.experiments.meta;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** For tests of the field checks: seals an edited checkpoint again, as a forger would. */
public final class CheckpointForgery {
    private CheckpointForgery() {}

    /** Recomputes the checkpoint's checksum. */
    public static void seal(ObjectNode root) {
        CheckpointSeal.seal(root);
    }
}
