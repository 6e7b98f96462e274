/// How `derive --expr` accumulates derivatives on the computational graph (`--mode`).
public enum DifferentiationMode: String, CaseIterable, Sendable {
    /// One backward pass from the output gives the derivative with respect to every variable.
    case reverse
    /// One forward pass gives the derivative with respect to the one variable named by `--wrt`.
    case forward
}
