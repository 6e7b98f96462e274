/// Indices that stand for any layer or neuron, for sentences and formulas about all of them, such as
/// f_{k,j} = Σ_i w_{k-1,i,j} o_{k-1,i}: a ``Notation`` prints them as letters.
///
/// Real layers and neurons are numbered from 0, so these negative values never name one.
public enum AnyIndex {
    /// Any layer: k in the note's notation, l in the textbook's.
    public static let layer = -1
    /// The layer before ``layer``: k-1 (l-1).
    public static let previousLayer = -2
    /// Any neuron of a layer: j.
    public static let neuron = -1
    /// Any neuron of the layer before: i in the note's notation, k in the textbook's.
    public static let source = -2
    /// Another neuron of the same layer as ``neuron``: m.
    public static let other = -3

    /// The label of `layer` when it is one of these letters (`letter` for ``layer``, `letter-1` for
    /// ``previousLayer``, and so on); `nil` for a real layer.
    static func layerLabel(_ layer: Int, letter: String) -> String? {
        guard layer < 0 else { return nil }
        return layer == Self.layer ? letter : letter + "-" + String(Self.layer - layer)
    }

    /// The label of neuron `index` when it is one of these letters: the notation's letter for a neuron
    /// (``neuron``) and for a neuron of the layer before (``source``), or m; `nil` for a real neuron.
    static func neuronLabel(_ index: Int, neuron: String = "j", source: String = "i") -> String? {
        switch index {
        case Self.neuron: return neuron
        case Self.source: return source
        case Self.other: return "m"
        default: return nil
        }
    }
}
