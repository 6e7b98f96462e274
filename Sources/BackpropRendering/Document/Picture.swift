import BackpropKit

/// A picture of a handout, laid out and ready for a writer: a diagram of the network, or the computational graph.
package enum Picture {
    /// A diagram of the network, under its caption as a heading when `headed`.
    case diagram(NetworkDiagram, headed: Bool)
    /// The computational graph of an expression, drawn by ``GraphPicture``.
    case graph(NetworkDiagram)

    /// Which picture this is.
    package var kind: PictureKind {
        switch self {
        case .diagram(let diagram, _): return diagram.kind
        case .graph: return .graph
        }
    }

    /// The drawing, for a format that writes it with ``TikZDiagramWriter`` or ``SVGDiagramWriter``.
    package var diagram: NetworkDiagram {
        switch self {
        case .diagram(let diagram, _), .graph(let diagram): return diagram
        }
    }

    /// Whether the picture is set under its caption as a heading.
    package var isHeaded: Bool {
        if case .diagram(_, headed: true) = self { return true }
        return false
    }
}

/// Which picture a handout may show, asked of a formatter before the picture is laid out.
package enum PictureKind: Hashable, Sendable {
    /// A diagram of the network.
    case diagram(DiagramKind)
    /// The computational graph of an expression.
    case graph
}
