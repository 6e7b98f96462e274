/// The differentiation of an expression on its computational graph, as data: the expression and its
/// point, the forward pass, every edge's local derivative, and then reverse mode (the adjoints from the
/// output back) or forward mode (the tangents with respect to one input).
///
/// Sections are built one at a time as they are iterated, like a ``Derivation``'s.
package struct GraphDerivation: Sendable {
    /// Which way derivatives are accumulated.
    package enum Mode: Sendable, Equatable {
        /// One backward pass for the derivatives with respect to every input.
        case reverse
        /// One forward pass for the derivative with respect to the input named.
        case forward(withRespectTo: String)
    }

    /// The accumulated derivatives.
    package enum Accumulation: Sendable {
        /// The adjoints of reverse mode.
        case reverse(ReverseMode)
        /// The tangents of forward mode.
        case forward(ForwardMode)
    }

    /// The expression as parsed, before it became a graph.
    package let expression: Expression
    /// The values and local derivatives at the point.
    package let forward: GraphForwardPass
    /// The derivatives accumulated.
    package let accumulation: Accumulation

    /// Differentiates `forward`'s graph, the graph of `expression`, in `mode`.
    /// - Throws: ``GraphError/notAnInput(_:)`` when forward mode names a variable the expression lacks.
    package init(expression: Expression, forward: GraphForwardPass, mode: Mode) throws(GraphError) {
        self.expression = expression
        self.forward = forward
        switch mode {
        case .reverse: accumulation = .reverse(try ReverseMode(forward: forward))
        case .forward(let name): accumulation = .forward(try ForwardMode(forward: forward, withRespectTo: name))
        }
    }

    /// The graph differentiated.
    package var graph: ComputationGraph { forward.graph }

    /// The kinds of the sections, in reading order.
    package var sectionKinds: [GraphSection.Kind] {
        switch accumulation {
        case .reverse: return [.given, .forwardPass, .localDerivatives, .adjoints, .gradient]
        case .forward: return [.given, .forwardPass, .localDerivatives, .tangents, .gradient]
        }
    }

    /// The sections in reading order, each built when it is reached.
    package var sections: LazyMapSequence<[GraphSection.Kind], GraphSection> {
        let builder = GraphDerivationBuilder(derivation: self)
        return sectionKinds.lazy.map { builder.section($0) }
    }
}
