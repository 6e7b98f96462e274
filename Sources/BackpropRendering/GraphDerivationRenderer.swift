import BackpropKit

/// Writes a ``GraphDerivation`` in one output format, streaming it section by section.
public protocol GraphDerivationRenderer {
    /// Writes the whole document for `derivation` to `output`.
    func render(_ derivation: GraphDerivation, to output: inout some TextOutputStream)
}
