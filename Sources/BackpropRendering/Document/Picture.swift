import BackpropKit

/// A picture of a handout, laid out and ready for a writer: a diagram of the network, or the computational graph.
package enum Picture {
    /// A diagram of the network, under its caption as a heading when `headed`.
    case diagram(NetworkDiagram, headed: Bool)
    /// The computational graph of an expression.
    case graph(GraphPicture)

    /// Which picture this is.
    package var kind: PictureKind {
        switch self {
        case .diagram(let diagram, _): return .diagram(diagram.kind)
        case .graph: return .graph
        }
    }
}

/// Which picture a handout may show, asked of a formatter before the picture is laid out.
package enum PictureKind: Hashable, Sendable {
    /// A diagram of the network.
    case diagram(DiagramKind)
    /// The computational graph of an expression.
    case graph
}
