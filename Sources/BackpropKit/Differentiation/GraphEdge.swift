/// An edge of a ``ComputationGraph``: one use of a node as an operand of a later node, carrying the local
/// derivative ∂to/∂from of that use.
package struct GraphEdge: Sendable, Equatable {
    /// The index of the operand node.
    package let from: Int
    /// The index of the node that uses it.
    package let to: Int
    /// The position of this use among the operands of `to`.
    package let operand: Int
    /// ∂to/∂from along this edge: the formula of `to` differentiated with respect to this one operand,
    /// every other operand held fixed, written in the names of the operand nodes (∂(c·d)/∂c = d).
    package let localDerivative: Expression

    /// An edge from node `from` into operand `operand` of node `to`.
    package init(from: Int, to: Int, operand: Int, localDerivative: Expression) {
        self.from = from
        self.to = to
        self.operand = operand
        self.localDerivative = localDerivative
    }
}
