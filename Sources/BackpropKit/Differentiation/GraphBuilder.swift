/// Turns an expression tree into the nodes of a ``ComputationGraph``, walking the tree with an explicit
/// stack so that no depth of input can overflow the call stack.
///
/// Every operation becomes a node applying one operator to at most two operands: a sum or product of
/// several terms becomes a chain of binary nodes, left to right, and a subtracted term stays inside its
/// sum (c = a − b). Subtrees without variables are folded into constants. Identical operations on
/// identical operands are one node, so a shared subexpression is computed once and feeds every use.
struct GraphBuilder {
    /// A node while the graph is built: inputs and operations are numbered separately until the end.
    enum Reference: Hashable {
        case input(Int)
        case operation(Int)
    }

    /// What a subtree evaluates to: a folded constant or a node.
    enum Operand {
        case constant(Double)
        case node(Reference)
    }

    /// An operation: its formula with its node operands as placeholders, and those operands.
    struct Operation: Hashable {
        let template: Expression
        let operands: [Reference]
    }

    /// A subtree being walked: its children and what the ones already walked evaluate to.
    struct Frame {
        let expression: Expression
        let children: [Expression]
        var results: [Operand] = []
    }

    /// The most operations the graph may have.
    let maximumOperations: Int
    private(set) var inputNames: [String] = []
    private var inputIndex: [String: Int] = [:]
    private(set) var operations: [Operation] = []
    private var operationIndex: [Operation: Int] = [:]

    /// A builder of graphs with at most `maximumOperations` operations.
    init(maximumOperations: Int) {
        self.maximumOperations = maximumOperations
    }

    /// The placeholder for operand `position` of an operation's formula: a name no identifier can take.
    static func placeholder(_ position: Int) -> Symbol { .variable("#\(position)") }

    // MARK: - Walking the tree

    /// Walks `expression` and returns the node (or folded constant) computing it.
    mutating func add(_ expression: Expression) throws(GraphError) -> Operand {
        var stack = [Self.frame(expression)]
        var result = Operand.constant(0)
        while let frame = stack.popLast() {
            if frame.results.count < frame.children.count {
                let child = Self.frame(frame.children[frame.results.count])
                stack.append(frame)
                stack.append(child)
                continue
            }
            result = try combine(frame)
            if var parent = stack.popLast() {
                parent.results.append(result)
                stack.append(parent)
            }
        }
        return result
    }

    /// A frame for `expression`, with the children whose values it needs; a subtracted term of a sum is
    /// walked without its minus sign, which the sum's node keeps.
    private static func frame(_ expression: Expression) -> Frame {
        switch expression {
        case .constant, .symbol, .partial:
            return Frame(expression: expression, children: [])
        case .sum(let terms):
            return Frame(expression: expression, children: terms.map { $0.subtractedTerm ?? $0 })
        case .product(let factors):
            return Frame(expression: expression, children: factors)
        case .quotient(let numerator, let denominator):
            return Frame(expression: expression, children: [numerator, denominator])
        case .power(let base, let exponent):
            return Frame(expression: expression, children: [base, exponent])
        case .negation(let operand):
            return Frame(expression: expression, children: [operand])
        case .application(_, let arguments):
            return Frame(expression: expression, children: arguments)
        }
    }

    /// The operand computing a walked frame from its children's operands.
    private mutating func combine(_ frame: Frame) throws(GraphError) -> Operand {
        let results = frame.results
        switch frame.expression {
        case .constant(let value):
            return .constant(value)
        case .symbol(.variable(let name)):
            return .node(.input(input(named: name)))
        case .symbol(let symbol):
            throw .unsupported("the symbol '\(symbol)'")
        case .sum(let terms):
            let signs = terms.map { $0.subtractedTerm != nil }
            guard var total = results.first, let firstIsSubtracted = signs.first else { return .constant(0) }
            if results.count == 1 {
                return firstIsSubtracted ? try operation(results) { .negation($0[0]) } : total
            }
            var firstSubtracted = firstIsSubtracted
            for (term, subtracted) in zip(results.dropFirst(), signs.dropFirst()) {
                let negateFirst = firstSubtracted
                total = try operation([total, term]) { operands in
                    .sum([negateFirst ? .negation(operands[0]) : operands[0], subtracted ? .negation(operands[1]) : operands[1]])
                }
                firstSubtracted = false
            }
            return total
        case .product:
            guard var total = results.first else { return .constant(1) }
            for factor in results.dropFirst() {
                total = try operation([total, factor]) { .product($0) }
            }
            return total
        case .quotient:
            return try operation(results) { .quotient($0[0], $0[1]) }
        case .power:
            return try operation(results) { .power($0[0], $0[1]) }
        case .negation:
            return try operation(results) { .negation($0[0]) }
        case .application(.elementary(let function), _) where results.count == 1:
            return try operation(results) { .apply(function, $0[0]) }
        case .application:
            throw .unsupported("a function other than the elementary functions of one argument")
        case .partial:
            throw .unsupported("a partial derivative")
        }
    }

    /// The node for the formula `build` makes of `operands`, reusing an identical one, or the constant it
    /// folds to when no operand is a node. `build` receives one expression per operand, in order.
    private mutating func operation(_ operands: [Operand], _ build: ([Expression]) -> Expression) throws(GraphError) -> Operand {
        var references: [Reference] = []
        let arguments = operands.map { operand -> Expression in
            switch operand {
            case .constant(let value):
                return .constant(value)
            case .node(let reference):
                references.append(reference)
                return .symbol(Self.placeholder(references.count - 1))
            }
        }
        let template = build(arguments)
        guard !references.isEmpty else {
            do {
                return .constant(try template.evaluate { _ in nil })
            } catch let failure {
                throw .undefinedConstant(template, failure)
            }
        }
        let operation = Operation(template: template, operands: references)
        if let existing = operationIndex[operation] { return .node(.operation(existing)) }
        guard operations.count < maximumOperations else { throw .tooLarge(limit: maximumOperations) }
        operationIndex[operation] = operations.count
        operations.append(operation)
        return .node(.operation(operations.count - 1))
    }

    private mutating func input(named name: String) -> Int {
        if let index = inputIndex[name] { return index }
        inputIndex[name] = inputNames.count
        inputNames.append(name)
        return inputNames.count - 1
    }
}

extension Expression {
    /// For a term written with a minus sign in a sum (−x), the term without it.
    fileprivate var subtractedTerm: Expression? {
        if case .negation(let operand) = self { return operand }
        return nil
    }
}
