/// The forward pass of a ``ComputationGraph`` at a point: every node's value in evaluation order, and
/// every edge's local derivative at those values.
package struct GraphForwardPass: Sendable {
    /// The graph evaluated.
    package let graph: ComputationGraph
    /// The value of each node, by node index.
    package let values: [Double]
    /// The value of each edge's local derivative, by edge index.
    package let localDerivatives: [Double]
    /// How every value, the inputs' included, was rounded.
    package let rounding: Rounding
    /// Whether a value of the point had more significant digits than the rounding keeps, and was rounded.
    package let roundsGivenValues: Bool

    /// Evaluates `graph` with its inputs set from `point`, each value rounded as `rounding` says: the inputs
    /// first, then every node and local derivative computed from the rounded values before it.
    /// - Parameters:
    ///   - point: The value of every input variable, by name.
    ///   - rounding: How each value is computed and stored.
    /// - Throws: ``GraphError/missingValues(_:)`` or ``GraphError/unusedValues(_:)`` when `point` does not name
    ///   exactly the inputs; ``GraphError/undefinedValue(_:_:)`` or ``GraphError/undefinedDerivative(_:_:)``
    ///   where a value or a local derivative is undefined or overflows (log of −1, 1/0, √x at 0).
    package init(graph: ComputationGraph, at point: [String: Double], rounding: Rounding = .exact) throws(GraphError) {
        let inputs = graph.inputs.map { graph.nodes[$0].name }
        let missing = inputs.filter { point[$0] == nil }
        guard missing.isEmpty else { throw .missingValues(missing) }
        let unused = point.keys.filter { graph.input(named: $0) == nil }.sorted()
        guard unused.isEmpty else { throw .unusedValues(unused) }

        let given = inputs.map { point[$0] ?? 0 }
        var values = rounding(given)
        var symbolIndex = [Symbol: Int]()
        for (index, node) in graph.nodes.enumerated() { symbolIndex[node.symbol] = index }
        for index in graph.nodes.indices.dropFirst(graph.inputCount) {
            guard let formula = graph.nodes[index].expression else { continue }
            do {
                values.append(try rounding.value(of: formula) { symbolIndex[$0].map { values[$0] } })
            } catch let failure {
                throw .undefinedValue(graph.expandedExpression(of: index) ?? Self.definition(of: index, in: graph), failure)
            }
        }
        var localDerivatives: [Double] = []
        localDerivatives.reserveCapacity(graph.edges.count)
        for edge in graph.edges {
            do {
                localDerivatives.append(try rounding.value(of: edge.localDerivative) { symbolIndex[$0].map { values[$0] } })
            } catch let failure {
                throw .undefinedDerivative(graph.expandedExpression(of: edge.to) ?? Self.definition(of: edge.to, in: graph), failure)
            }
        }
        self.graph = graph
        self.values = values
        self.localDerivatives = localDerivatives
        self.rounding = rounding
        roundsGivenValues = rounding(given) != given
    }

    /// The value of the expression: the output node's.
    package var value: Double { values[graph.output] }

    /// The value of each node's symbol, for substituting into formulas.
    package var bindings: [Symbol: Double] {
        var bindings = [Symbol: Double]()
        for (node, value) in zip(graph.nodes, values) { bindings[node.symbol] = value }
        return bindings
    }

    /// The node's own formula, for a node whose formula in the inputs is too long to quote.
    private static func definition(of node: Int, in graph: ComputationGraph) -> Expression {
        graph.nodes[node].expression ?? .symbol(graph.nodes[node].symbol)
    }
}
