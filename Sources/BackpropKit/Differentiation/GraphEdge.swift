/// An edge of a ``ComputationGraph``: one use of a node as an operand of a later node, carrying the local
/// derivative ∂to/∂from of that use.
public struct GraphEdge: Sendable, Equatable {
    /// The index of the operand node.
    public let from: Int
    /// The index of the node that uses it.
    public let to: Int
    /// The position of this use among the operands of `to`.
    public let operand: Int
    /// ∂to/∂from along this edge: the formula of `to` differentiated with respect to this one operand,
    /// every other operand held fixed, written in the names of the operand nodes (∂(c·d)/∂c = d).
    public let localDerivative: Expression

    /// An edge from node `from` into operand `operand` of node `to`.
    public init(from: Int, to: Int, operand: Int, localDerivative: Expression) {
        self.from = from
        self.to = to
        self.operand = operand
        self.localDerivative = localDerivative
    }
}
