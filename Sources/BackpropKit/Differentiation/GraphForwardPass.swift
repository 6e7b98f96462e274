/// The forward pass of a ``ComputationGraph`` at a point: every node's value in evaluation order, and
/// every edge's local derivative at those values.
package struct GraphForwardPass: Sendable {
    /// The graph evaluated.
    package let graph: ComputationGraph
    /// The value of each node, by node index.
    package let values: [Double]
    /// The value of each edge's local derivative, by edge index.
    package let localDerivatives: [Double]

    /// Evaluates `graph` with its inputs set from `point`.
    /// - Parameter point: The value of every input variable, by name.
    /// - Throws: ``GraphError/missingValues(_:)`` or ``GraphError/unusedValues(_:)`` when `point` does not name
    ///   exactly the inputs; ``GraphError/undefinedValue(_:_:)`` or ``GraphError/undefinedDerivative(_:_:)``
    ///   where a value or a local derivative is undefined or overflows (log of −1, 1/0, √x at 0).
    package init(graph: ComputationGraph, at point: [String: Double]) throws(GraphError) {
        let inputs = graph.inputs.map { graph.nodes[$0].name }
        let missing = inputs.filter { point[$0] == nil }
        guard missing.isEmpty else { throw .missingValues(missing) }
        let unused = point.keys.filter { graph.input(named: $0) == nil }.sorted()
        guard unused.isEmpty else { throw .unusedValues(unused) }

        var values = inputs.map { point[$0] ?? 0 }
        var symbolIndex = [Symbol: Int]()
        for (index, node) in graph.nodes.enumerated() { symbolIndex[node.symbol] = index }
        for index in graph.nodes.indices.dropFirst(graph.inputCount) {
            guard let formula = graph.nodes[index].expression else { continue }
            do {
                values.append(try formula.evaluate { symbolIndex[$0].map { values[$0] } })
            } catch let failure {
                throw .undefinedValue(graph.expandedExpression(of: index) ?? Self.definition(of: index, in: graph), failure)
            }
        }
        var localDerivatives: [Double] = []
        localDerivatives.reserveCapacity(graph.edges.count)
        for edge in graph.edges {
            do {
                localDerivatives.append(try edge.localDerivative.evaluate { symbolIndex[$0].map { values[$0] } })
            } catch let failure {
                throw .undefinedDerivative(graph.expandedExpression(of: edge.to) ?? Self.definition(of: edge.to, in: graph), failure)
            }
        }
        self.graph = graph
        self.values = values
        self.localDerivatives = localDerivatives
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
