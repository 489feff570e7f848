/**
 * Stage 0, numbers: dense row-major float64 tensors and the BLAS-backed kernels that every later
 * stage (models, autodiff, trainer) computes with. No derivatives live here.
 */
package io.github.hypergrad4j.tensor;
