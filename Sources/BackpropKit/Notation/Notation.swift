/// How the quantities of a derivation are named: the letters, the layer labels and the 1-based neuron numbers.
///
/// Renderers ask a notation for names and never spell a symbol themselves, so a new notation is one new type.
public protocol Notation: Sendable {
    /// The printed name of `symbol`.
    func name(of symbol: Symbol) -> SymbolName
    /// The printed name of an abstract function: g_k or loss.
    func name(of function: Function) -> SymbolName
    /// The label of layer `layer` (0 = input, N = output), such as `n-1`.
    func layerLabel(_ layer: Int) -> String
    /// The notation's own name for a vector or matrix of the vectorized derivation, such as δ^{(l)}, or
    /// `nil` to name it from the scalar names (as the rendering module's matrix printer does). Defaults to `nil`.
    func matrixName(of quantity: MatrixQuantity) -> SymbolName?
}

/// Whether layers are labelled back from the output (n, n-1, ...) as in the note, or numbered 0...N.
public enum LayerIndexing: String, CaseIterable, Sendable {
    /// n for the output layer, n-1 before it, ...
    case note
    /// 0 for the input layer up to N for the output layer.
    case absolute
}
