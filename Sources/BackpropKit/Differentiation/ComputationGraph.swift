/// The computational graph of an expression: its input variables, then one node per operation in
/// evaluation order, each applying one operator to earlier nodes, and an edge for every use of a node.
///
/// For e = (a + b)(b + 1) the nodes are a, b, c = a + b, d = b + 1 and e = c · d; b feeds both c and d,
/// and x · x is one node x with two edges into the product. Every edge carries its local derivative,
/// found by differentiating the using node's formula with
/// ``Expression/derivative(withRespectTo:)``. Built without recursion, so an expression of any length
/// gives a graph whose node formulas are each one operator deep.
package struct ComputationGraph: Sendable {
    /// The nodes in evaluation order: the inputs first, in order of appearance, then the operations.
    package let nodes: [GraphNode]
    /// The edges, grouped by the node they enter (in evaluation order), each group in operand order.
    package let edges: [GraphEdge]
    /// The index of the node whose value is the expression's.
    package let output: Int
    /// The number of inputs: `nodes[0..<inputCount]` are the variables.
    package let inputCount: Int

    private let incoming: [Range<Int>]
    private let outgoing: [[Int]]
    private let inputIndex: [String: Int]

    /// The graph of `expression`.
    /// - Parameter maximumOperations: The most operation nodes to build; a larger graph is refused as soon
    ///   as the limit is passed, before the rest of the expression is walked.
    /// - Throws: ``GraphError/noVariables`` for an expression of constants, ``GraphError/undefinedConstant(_:_:)``
    ///   for a constant subexpression without a value (log 0), ``GraphError/tooLarge(limit:)`` beyond
    ///   `maximumOperations`, ``GraphError/unsupported(_:)`` for abstract functions and partial-derivative nodes.
    package init(expression: Expression, maximumOperations: Int = .max) throws(GraphError) {
        var builder = GraphBuilder(maximumOperations: maximumOperations)
        guard case .node(let root) = try builder.add(expression) else { throw .noVariables }
        let inputCount = builder.inputNames.count
        func index(_ reference: GraphBuilder.Reference) -> Int {
            switch reference {
            case .input(let input): return input
            case .operation(let operation): return inputCount + operation
            }
        }
        let names = builder.inputNames + Self.operationNames(count: builder.operations.count, avoiding: Set(builder.inputNames))
        var nodes = builder.inputNames.map { GraphNode(name: $0, expression: nil, operands: []) }
        var edges: [GraphEdge] = []
        var incoming = Array(repeating: 0..<0, count: inputCount)
        for (offset, operation) in builder.operations.enumerated() {
            let node = inputCount + offset
            let operands = operation.operands.map(index)
            var operandSymbols = [Symbol: Expression]()
            for (position, operand) in operands.enumerated() {
                operandSymbols[GraphBuilder.placeholder(position)] = .symbol(nodes[operand].symbol)
            }
            let named = { (formula: Expression) in
                formula.replacing { part in
                    if case .symbol(let symbol) = part { return operandSymbols[symbol] }
                    return nil
                }
            }
            nodes.append(GraphNode(name: names[node], expression: named(operation.template), operands: operands))
            let first = edges.count
            for (position, operand) in operands.enumerated() {
                let derivative = operation.template.derivative(withRespectTo: GraphBuilder.placeholder(position))
                edges.append(GraphEdge(from: operand, to: node, operand: position, localDerivative: named(derivative)))
            }
            incoming.append(first..<edges.count)
        }
        var outgoing = Array(repeating: [Int](), count: nodes.count)
        for (index, edge) in edges.enumerated() { outgoing[edge.from].append(index) }

        self.nodes = nodes
        self.edges = edges
        self.output = index(root)
        self.inputCount = inputCount
        self.incoming = incoming
        self.outgoing = outgoing
        self.inputIndex = Dictionary(uniqueKeysWithValues: builder.inputNames.enumerated().map { ($1, $0) })
    }

    // MARK: - Queries

    /// The indices of the input variables' nodes.
    package var inputs: Range<Int> { 0..<inputCount }

    /// The index of the input variable `name`, or `nil` when the expression has no such variable.
    package func input(named name: String) -> Int? { inputIndex[name] }

    /// The indices in ``edges`` of the edges entering `node`, in operand order (none for an input).
    package func incomingEdges(of node: Int) -> Range<Int> { incoming[node] }

    /// The indices in ``edges`` of the edges leaving `node`, in the order of the nodes they enter.
    package func outgoingEdges(of node: Int) -> [Int] { outgoing[node] }

    /// The formula of `node` written in the input variables (c = a + b, e = (a + b)(b + 1)), or `nil`
    /// when that has more than `limit` nodes, for naming a subexpression in a message.
    package func expandedExpression(of node: Int, limit: Int = 24) -> Expression? {
        var sizes = [Int: Int]()
        var expansions = [Int: Expression]()
        var stack = [node]
        while let current = stack.last {
            if sizes[current] != nil {
                stack.removeLast()
                continue
            }
            let operands = nodes[current].operands
            let waiting = operands.filter { sizes[$0] == nil }
            if !waiting.isEmpty {
                stack.append(contentsOf: waiting)
                continue
            }
            stack.removeLast()
            let size = operands.reduce(1) { $0 + (sizes[$1] ?? 0) }
            sizes[current] = size
            guard size <= limit else { return nil }
            guard let formula = nodes[current].expression else {
                expansions[current] = .symbol(nodes[current].symbol)
                continue
            }
            var replacements = [Symbol: Expression]()
            for operand in operands { replacements[nodes[operand].symbol] = expansions[operand] }
            expansions[current] = formula.replacing { part in
                if case .symbol(let symbol) = part { return replacements[symbol] }
                return nil
            }
        }
        return expansions[node]
    }

    // MARK: - Names

    /// The names of `count` operations: the unused lowercase letters in alphabetical order when there are
    /// enough (c, d, e after a and b), otherwise v_1, v_2, ... (with a base no input uses).
    static func operationNames(count: Int, avoiding taken: Set<String>) -> [String] {
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init).filter { !taken.contains($0) }
        if count <= letters.count { return Array(letters.prefix(count)) }
        var base = "v"
        while taken.contains(where: { $0.hasPrefix(base + "_") && $0.dropFirst(base.count + 1).allSatisfy(\.isNumber) }) {
            base += "v"
        }
        return (1...count).map { "\(base)_\($0)" }
    }
}
