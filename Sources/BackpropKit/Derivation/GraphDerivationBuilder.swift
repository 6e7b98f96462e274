/// Builds the sections of a graph derivation from the graph's formulas and the passes' numbers.
///
/// Every substitution is the arithmetic its value was computed with, in the same order: a node's formula
/// with its operands' values, a sum over edges of the products the pass added up.
struct GraphDerivationBuilder: Sendable {
    let derivation: GraphDerivation
    private let bindings: [Symbol: Double]

    init(derivation: GraphDerivation) {
        self.derivation = derivation
        self.bindings = derivation.forward.bindings
    }

    private var graph: ComputationGraph { derivation.graph }
    private var forward: GraphForwardPass { derivation.forward }

    /// The section of kind `kind`.
    func section(_ kind: GraphSection.Kind) -> GraphSection {
        let steps: [Step]
        switch kind {
        case .given: steps = given()
        case .forwardPass: steps = forwardPass()
        case .localDerivatives: steps = localDerivatives()
        case .adjoints: steps = adjoints()
        case .tangents: steps = tangents()
        case .gradient: steps = gradient()
        }
        return GraphSection(kind: kind, steps: steps)
    }

    // MARK: - Forward

    private func given() -> [Step] {
        graph.inputs.map { Step(symbol: .symbol(graph.nodes[$0].symbol), value: forward.values[$0]) }
    }

    /// c = a + b = 2 + 1 = 3.
    private func forwardPass() -> [Step] {
        graph.nodes.indices.dropFirst(graph.inputCount).compactMap { index in
            let node = graph.nodes[index]
            guard let formula = node.expression else { return nil }
            return Step(symbol: .symbol(node.symbol), general: formula, substituted: substitution(of: formula), value: forward.values[index])
        }
    }

    /// ∂e/∂c = d = 2.
    private func localDerivatives() -> [Step] {
        graph.edges.indices.map { index in
            let edge = graph.edges[index]
            let local = edge.localDerivative
            return Step(symbol: partial(edge.to, edge.from), general: local, substituted: substitution(of: local),
                        value: forward.localDerivatives[index])
        }
    }

    // MARK: - Reverse mode

    /// ē = ∂e/∂e = 1, then for each node from the output back v̄ = Σ_{v→w} w̄ ∂w/∂v with the numbers.
    private func adjoints() -> [Step] {
        guard case .reverse(let reverse) = derivation.accumulation else { return [] }
        return graph.nodes.indices.reversed().map { node in
            let adjoint = Expression.symbol(.adjoint(graph.nodes[node].name))
            guard node != graph.output else {
                return Step(symbol: adjoint, general: partial(node, node), value: reverse.adjoints[node])
            }
            let edges = graph.outgoingEdges(of: node)
            let general = edges.map { edge -> Expression in
                let consumer = graph.edges[edge].to
                return .product([.symbol(.adjoint(graph.nodes[consumer].name)), partial(consumer, node)])
            }
            let numbers = edges.map { edge -> Expression in
                .product([.constant(reverse.adjoints[graph.edges[edge].to]), .constant(forward.localDerivatives[edge])])
            }
            return Step(symbol: adjoint, general: Self.sum(general), substituted: Self.sum(numbers), value: reverse.adjoints[node])
        }
    }

    // MARK: - Forward mode

    /// ẋ = ∂x/∂x = 1 for the chosen input, 0 for the others, then v̇ = Σ_{u→v} ∂v/∂u u̇ with the numbers.
    private func tangents() -> [Step] {
        guard case .forward(let mode) = derivation.accumulation else { return [] }
        return graph.nodes.indices.map { node in
            let tangent = Expression.symbol(.tangent(graph.nodes[node].name))
            guard !graph.nodes[node].isInput else {
                return Step(symbol: tangent, general: partial(node, mode.input), value: mode.tangents[node])
            }
            let edges = graph.incomingEdges(of: node)
            let general = edges.map { edge -> Expression in
                let operand = graph.edges[edge].from
                return .product([partial(node, operand), .symbol(.tangent(graph.nodes[operand].name))])
            }
            let numbers = edges.map { edge -> Expression in
                .product([.constant(forward.localDerivatives[edge]), .constant(mode.tangents[graph.edges[edge].from])])
            }
            return Step(symbol: tangent, general: Self.sum(general), substituted: Self.sum(numbers), value: mode.tangents[node])
        }
    }

    // MARK: - Result

    /// ∂e/∂a = ā = 2 for every input in reverse mode; ∂e/∂b = ė = 5 for the one input of forward mode.
    private func gradient() -> [Step] {
        let output = graph.output
        switch derivation.accumulation {
        case .reverse(let reverse):
            return graph.inputs.map { input in
                Step(symbol: partial(output, input), general: .symbol(.adjoint(graph.nodes[input].name)), value: reverse.adjoints[input])
            }
        case .forward(let mode):
            return [Step(symbol: partial(output, mode.input), general: .symbol(.tangent(graph.nodes[output].name)), value: mode.derivative)]
        }
    }

    // MARK: - Helpers

    /// ∂of/∂variable for two nodes.
    private func partial(_ of: Int, _ variable: Int) -> Expression {
        .partial(graph.nodes[of].symbol, graph.nodes[variable].symbol)
    }

    /// The formula with the nodes' values substituted, or `nil` when it names no node.
    private func substitution(of formula: Expression) -> Expression? {
        let substituted = formula.substituting { bindings[$0] }
        return substituted == formula ? nil : substituted
    }

    /// The terms as one sum, or the single term itself.
    private static func sum(_ terms: [Expression]) -> Expression {
        terms.count == 1 ? terms[0] : .sum(terms)
    }
}
