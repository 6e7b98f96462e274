/// The notations a derivation can be written in (`--notation`).
public enum NotationStyle: String, CaseIterable, Sendable {
    /// The source note's f_{k,j}, o_{k,j}, w_{k-1,i,j}, δ: ``NoteNotation``.
    case note
    /// *Backpropagation in four diagrams*' I, L, A, O, σ, W^k, cost c: ``FourDiagramsNotation``.
    case diagrams
    /// The four fundamental equations' z^{(l)}_j, a^{(l)}_j, w^{(l)}_{jk}, b^{(l)}_j, C: ``TextbookNotation``.
    case textbook

    /// The notation of this style for a network of `depth` weight layers.
    /// - Parameters:
    ///   - depth: N, the number of weight layers.
    ///   - indexing: Whether layers are labelled back from the output or numbered 0...N.
    /// - Returns: The notation the renderers name symbols through.
    public func notation(depth: Int, indexing: LayerIndexing) -> any Notation {
        switch self {
        case .note: return NoteNotation(depth: depth, indexing: indexing)
        case .diagrams: return FourDiagramsNotation(depth: depth, indexing: indexing)
        case .textbook: return TextbookNotation(depth: depth, indexing: indexing)
        }
    }
}
