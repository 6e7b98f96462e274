/// The labels of layers 0...N, computed once: printing names symbols millions of times.
///
/// Counted back from the output (`n`, `n-1`, ... or `L`, `L-1`, ...) or numbered 0...N.
struct LayerLabels: Sendable {
    /// N, the number of weight layers.
    let depth: Int
    /// How layers are labelled.
    let indexing: LayerIndexing
    /// The letter of the output layer when counting back from it: `n` in the note, `L` in the textbook.
    let output: String
    /// The letter of any layer (``AnyIndex/layer``): `k` in the note, `l` in the textbook.
    let letter: String
    /// The labels of layers 0...N.
    private let labels: [String]

    /// The labels of a network of `depth` weight layers.
    init(depth: Int, indexing: LayerIndexing, output: String, letter: String) {
        self.depth = depth
        self.indexing = indexing
        self.output = output
        self.letter = letter
        labels = (0...Swift.max(depth, 0)).map { Self.label($0, depth: depth, indexing: indexing, output: output) }
    }

    /// The label of layer `layer`, such as `n-1`; layers outside 0...N are labelled by the same rule.
    /// The letters of ``AnyIndex`` for any layer: k, k-1, ...
    func callAsFunction(_ layer: Int) -> String {
        if labels.indices.contains(layer) { return labels[layer] }
        return AnyIndex.layerLabel(layer, letter: letter) ?? Self.label(layer, depth: depth, indexing: indexing, output: output)
    }

    private static func label(_ layer: Int, depth: Int, indexing: LayerIndexing, output: String) -> String {
        switch indexing {
        case .absolute: return String(layer)
        case .note: return layer == depth ? output : "\(output)-\(depth - layer)"
        }
    }
}
