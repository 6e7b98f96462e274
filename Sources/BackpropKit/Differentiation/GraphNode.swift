/// One node of a ``ComputationGraph``: an input variable, or one operation applied to earlier nodes.
package struct GraphNode: Sendable, Equatable {
    /// The node's name: the variable's own for an input, an unused letter (c, d, e, ...) or v_k for an operation.
    package let name: String
    /// The operation as a formula in the names of its operand nodes, such as c = a + b; `nil` for an input.
    package let expression: Expression?
    /// The operand nodes by index, one per use: x · x has operands [x, x], two edges from one node.
    package let operands: [Int]

    /// A node named `name` computing `expression` from `operands`.
    package init(name: String, expression: Expression?, operands: [Int]) {
        self.name = name
        self.expression = expression
        self.operands = operands
    }

    /// The symbol that stands for the node's value in other nodes' formulas.
    package var symbol: Symbol { .variable(name) }

    /// Whether the node is an input variable rather than an operation.
    package var isInput: Bool { expression == nil }
}
